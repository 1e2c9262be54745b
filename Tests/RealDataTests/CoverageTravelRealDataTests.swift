import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// Coverage and travel on ../shared/geodata-real (skipped when absent: `.enabled(if:)`).
@Suite(.serialized) struct CoverageTravelRealDataTests {
    static func metropolitanStudy(_ root: URL, hospitals: Bool) throws -> Study {
        var sources = StudySources(areas: try StudySources.geojsonFiles(at: root.appendingPathComponent("communes"))
            .filter { !$0.lastPathComponent.hasPrefix("communes-97") })
        sources.population = root.appendingPathComponent("population/donnees_communes.csv")
        sources.history = root.appendingPathComponent("population/mouvements-communes.csv")
        sources.historySince = "2018-01-01"
        if hospitals { sources.sites = [(root.appendingPathComponent("facilities/eurostat-healthcare-FR.csv"), .hospital)] }
        return try StudyLoader.load(sources).study
    }

    @Test(.enabled(if: Fixtures.realData("nearestHospitalFromEveryMetropolitanCommune") != nil))
    func nearestHospitalFromEveryMetropolitanCommune() throws {
        let root = try #require(Fixtures.realData())
        let study = try Self.metropolitanStudy(root, hospitals: true)
        var options = TravelAnalysis.Options()
        options.thresholds = [20, 45]
        options.cost.maxMinutes = 120
        // The oracle below costs from each commune's point: the intra-commune rule (a site
        // inside the commune at 0 minutes) is tested in LargeCommuneRealDataTests.
        options.cost.intraCommune = .point
        options.groupBy = "DEP"
        let analysis = try TravelAnalysis.run(study, options: options)
        let nearest = analysis.kinds[0].nearest
        #expect(nearest.allSatisfy { $0 != nil }, "every metropolitan commune has a hospital within 120 minutes")
        // Oracle: brute force over every metropolitan hospital, for a sample of communes.
        let projected = try ProjectedStudy(study)
        let metro = projected.partitions.first { $0.crs == .lambert93 }!
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let a = metro.areas[Int(rng.nextUnit() * Double(metro.areas.count))]
            let best = metro.sites.map { projected.sitePoints[$0].distance(to: projected.points[a]) }.min()!
            #expect(abs(nearest[a]!.kilometres - best * 1.3 / 1000) < 1e-6, "seed 5: commune \(study.areas[a].id)")
        }
        // Share of each département's population beyond 20 and 45 minutes.
        let population = study.areas.map { $0.population ?? 0 }
        let times = nearest.map { $0?.minutes }
        let byDep = Dictionary(grouping: study.areas.indices, by: { MetricCRS.department(ofCommune: study.areas[$0].id) })
        var lines: [String] = []
        for dep in byDep.keys.sorted() {
            let members = byDep[dep]!
            let w = members.map { population[$0] }, t = members.map { times[$0] }
            let total = w.reduce(0, +)
            let b20 = TravelStatistics.weightBeyond(20, times: t, weights: w) / total
            let b45 = TravelStatistics.weightBeyond(45, times: t, weights: w) / total
            #expect((0...1).contains(b20) && b45 <= b20, "\(dep)")
            lines.append("\(dep): \(String(format: "%.1f", b20 * 100)) % > 20 min, \(String(format: "%.1f", b45 * 100)) % > 45 min")
        }
        #expect(byDep.count == 96)
        print("population beyond 20 and 45 minutes of a hospital (straight line ×1.3 at 60 km/h):\n" + lines.joined(separator: "\n"))
    }

    @Test(.enabled(if: Fixtures.realData("epciGivenAsCommuneListsCoverTheirMembersWhole") != nil))
    func epciGivenAsCommuneListsCoverTheirMembersWhole() throws {
        let root = try #require(Fixtures.realData())
        var study = try Self.metropolitanStudy(root, hospitals: false)
        let data = try Data(contentsOf: root.appendingPathComponent("territories/epci.json"))
        let list = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        var owner: [String: String] = [:]
        for a in study.areas { for s in a.sourceIDs { owner[s] = a.id } }
        study.territories = list.map { e in
            let codes = (e["membres"] as! [[String: Any]]).compactMap { $0["code"] as? String }
            return Territory(id: e["code"] as! String, name: e["nom"] as! String, kind: "epci", definition: .areas(codes.compactMap { owner[$0] ?? ($0 == "" ? nil : $0) }))
        }
        let analysis = try CoverageAnalysis.run(study, options: CoverageAnalysis.Options())
        let areaIndex = study.areaIndex()
        var memberPopulation = 0.0, covered = 0.0, memberAreas = Set<Int>()
        for t in study.territories { for code in t.memberIDs! { if let a = areaIndex[code] { memberAreas.insert(a) } } }
        for a in memberAreas {
            memberPopulation += study.areas[a].population ?? 0
            covered += (study.areas[a].population ?? 0) * analysis.shareInAny[a]
        }
        #expect(memberAreas.count > 34_000)
        #expect(abs(covered - memberPopulation) / memberPopulation < 1e-6, "covered \(covered) of \(memberPopulation)")
        for a in memberAreas { #expect(analysis.shareInAny[a] > 0.999_999, "\(study.areas[a].id): \(analysis.shareInAny[a])") }
        print("EPCI as territories: \(Int(covered.rounded())) of \(Int(memberPopulation.rounded())) member inhabitants covered (\(memberAreas.count) communes)")
    }

    @Test(.enabled(if: Fixtures.realData("everyMetropolitanCommuneIsInsideTheMetropolitanOutline") != nil))
    func everyMetropolitanCommuneIsInsideTheMetropolitanOutline() throws {
        let root = try #require(Fixtures.realData())
        let study = try Self.metropolitanStudy(root, hospitals: false)
        let projected = try ProjectedStudy(study)
        for (a, p) in projected.pointsLonLat.enumerated() {
            #expect(MetricCRS.forExtent(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) == .lambert93, "\(study.areas[a].id) at \(p)")
        }
    }
}
