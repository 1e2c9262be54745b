import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// Gap zones and siting on ../shared/geodata-real (skipped when absent: `.enabled(if:)`).
@Suite(.serialized) struct GapsRealDataTests {
    @Test(.enabled(if: Fixtures.realData("hospitalGapZonesAcrossMetropolitanFrance") != nil))
    func hospitalGapZonesAcrossMetropolitanFrance() throws {
        let root = try #require(Fixtures.realData())
        let study = try CoverageTravelRealDataTests.metropolitanStudy(root, hospitals: true)
        var o = GapsAnalysis.Options()
        o.travelKind = .hospital
        o.minutesAbove = 30
        let g = try GapsAnalysis.run(study, options: o)
        let under = study.areas.indices.filter { g.underServed[$0] }
        #expect(!g.zones.isEmpty)
        #expect(abs(g.zones.reduce(0) { $0 + $1.population } - under.reduce(0) { $0 + (study.areas[$1].population ?? 0) }) < 1)
        for z in g.zones.prefix(20) { #expect(z.worstMinutes! > 30 && z.geometry.isPolygonal) }
        let top = g.zones.prefix(5).map { z in "#\(z.rank): \(Int(z.population)) inhabitants, \(z.communes.count) communes, \(String(format: "%.0f", z.areaKm2)) km², worst \(String(format: "%.0f", z.worstMinutes!)) min, around \(study.areas[z.communes.max { (study.areas[$0].population ?? 0) < (study.areas[$1].population ?? 0) }!].name)" }
        print("hospital gap zones (> 30 min, straight line): \(g.zones.count) zones, \(Int(g.zones.reduce(0) { $0 + $1.population })) inhabitants\n" + top.joined(separator: "\n"))
    }

    @Test(.enabled(if: Fixtures.realData("fiveNewSitesForLozere") != nil))
    func fiveNewSitesForLozere() throws {
        let root = try #require(Fixtures.realData())
        var sources = StudySources(areas: [root.appendingPathComponent("communes/communes-48-lozere.geojson")])
        sources.population = root.appendingPathComponent("population/donnees_communes.csv")
        sources.history = root.appendingPathComponent("population/mouvements-communes.csv")
        sources.historySince = "2018-01-01"
        sources.sites = [(root.appendingPathComponent("facilities/eurostat-healthcare-FR.csv"), .hospital)]
        var study = try StudyLoader.load(sources).study
        // Acute-care hospitals only (Centre Hospitalier, C.H.R., C.H.U.), in Lozère and around it.
        study.sites = study.sites.filter { $0.attributes["facility_type"]?.stringValue?.hasPrefix("Centre Hospitalier") == true }
        var o = SitingAnalysis.Options(kind: .hospital)
        o.k = 5
        o.thresholdMinutes = 30
        let s = try SitingAnalysis.run(study, options: o)
        #expect((1...5).contains(s.chosen.count))
        let brought = s.chosen.reduce(0) { $0 + $1.newlyCovered }
        #expect(brought > 0 && abs(s.before.populationBeyond - s.after.populationBeyond - brought) < 1)
        print("Lozère, MCLP with k = 5 (30 min, \(study.sites.count) existing centres hospitaliers in France): " + s.chosen.map { "\($0.name) +\(Int($0.newlyCovered))" }.joined(separator: ", ")
              + "; beyond 30 min: \(Int(s.before.populationBeyond)) → \(Int(s.after.populationBeyond))")
    }
}
