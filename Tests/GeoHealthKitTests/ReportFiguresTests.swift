import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// Every figure of the report right (issue 19): a regional report describes its study area
/// only; the parameters it states are those its analyses ran with; its words agree.
@Suite struct ReportFiguresTests {
    static func sample() throws -> Study { try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study }
    static var sampleInputs: [URL] {
        ["communes.geojson", "population.csv", "history.csv", "cpts.csv", "sites.csv"].map { Fixtures.sample.appendingPathComponent($0) }
    }

    /// French thousands (narrow no-break space), written here independently of the report's code.
    static func french(_ n: Int) -> String {
        var s = String(n)
        var i = s.count - 3
        while i > 0 { s.insert("\u{202F}", at: s.index(s.startIndex, offsetBy: i)); i -= 3 }
        return s
    }

    /// The features' properties of a GeoJSON file the report wrote.
    static func features(_ url: URL) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (json["features"] as! [[String: Any]]).map { $0["properties"] as! [String: Any] }
    }

    /// The west half of the sample is the study area, the east half its buffer (as
    /// `--departements` with a buffer makes it): the report runs (it failed with "N values but M
    /// weights"), and its communes, residents and tables are those of the study area.
    @Test func aRegionalReportDescribesTheStudyAreaOnly() throws {
        var study = try Self.sample()
        let x = study.areas.map { ($0.geometry.boundingBox.minX + $0.geometry.boundingBox.maxX) / 2 }
        let median = x.sorted()[x.count / 2]
        study.studyArea = x.map { $0 < median }
        let reported = study.areas.indices.filter { x[$0] < median }
        let codes = reported.map { study.areas[$0].id }
        let residents = Int(reported.reduce(0.0) { $0 + (study.areas[$1].population ?? 0) }.rounded())
        try Fixtures.withTemporaryDirectory { dir in
            _ = try StudyReport.write(study, name: "ouest", options: StudyReport.Options(kind: .msp), to: dir, inputs: Self.sampleInputs)
            let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(md.contains("\n\(reported.count) communes, \(Self.french(residents)) habitants, "), "\(md.prefix(300))")
            #expect(md.contains(" MSP à moins de 30 minutes d'une commune étudiée."))
            #expect(md.contains("seules les \(reported.count) communes de la zone d'étude sont décrites ; \(study.areas.count - reported.count) communes voisines"))
            // The tables hold the study area's communes, nothing of the buffer.
            let travel = try Self.features(dir.appendingPathComponent("travel.geojson"))
            let access = try Self.features(dir.appendingPathComponent("access.geojson"))
            #expect(travel.map { $0["code"] as! String } == codes && access.map { $0["code"] as! String } == codes)
            // The population beyond 15 minutes is that of the study area's communes beyond it.
            let beyond = travel.filter { ($0["msp_minutes"] as? Double).map { $0 > 15 } ?? true }.reduce(0.0) { $0 + ($1["population"] as! Double) }
            #expect(md.contains("| population à plus de 15 min | \(Self.french(Int(beyond.rounded()))) ("))
        }
    }

    /// Catchment, bands and weights, threshold, new sites and title other than the defaults:
    /// the text states exactly them, and the access values are those of an access analysis run
    /// with them (so they were used, not only printed).
    @Test func theReportStatesTheParametersItRanWith() throws {
        let study = try Self.sample()
        var options = StudyReport.Options(kind: .msp)
        options.minutes = 20
        options.catchmentMinutes = 40
        options.bands = .steps([.init(upTo: 15, weight: 1), .init(upTo: 30, weight: 0.5), .init(upTo: 45, weight: 0.1)])
        options.newSites = 2
        options.title = "Essai de paramètres"
        try Fixtures.withTemporaryDirectory { dir in
            _ = try StudyReport.write(study, name: "geodata", options: options, to: dir, inputs: Self.sampleInputs)
            let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(md.hasPrefix("# Essai de paramètres\n"))
            // The last band is cut at the 40-minute catchment: nothing is counted beyond it.
            #expect(md.contains("aire de chalandise de 40 minutes en 3 bandes 0–15, 15–30 et 30–40 minutes pondérées 1 ; 0,5 ; 0,1."), "\(md)")
            #expect(!md.contains("0,68") && !md.contains("30 minutes en"))
            #expect(md.contains("Seuil étudié : 20 minutes pour les MSP.") && md.contains("| population à plus de 20 min |"))
            #expect(md.contains("## Où implanter 2 MSP\n") && md.contains("ramenés à moins de 20 minutes"))
            #expect(md.contains("Une commune est en carence quand la MSP la plus proche est à plus de 20 minutes"))
            var same = AccessAnalysis.Options()
            same.kinds = [.msp]
            same.catchmentMinutes = 40
            same.bands = options.bands
            let expected = try AccessAnalysis.run(study, options: same).access
            let written = try Self.features(dir.appendingPathComponent("access.geojson")).map { $0["access"] as! Double }
            #expect(written.count == expected.count)
            for (w, e) in zip(written, expected) { #expect(abs(w - e * 100_000) < 1e-3 * max(1, w), "\(w) vs \(e * 100_000)") }
        }
    }

    /// The words: plurals and genders of the kind, the territories by the user's name, the
    /// real source (or the files read), the sites of the report's kind.
    @Test func theWordsAreAPlannersWords() throws {
        let study = try Self.sample()
        var options = StudyReport.Options(kind: .hospital)
        options.newSites = 2
        options.territoryLabel = "EPCI"
        try Fixtures.withTemporaryDirectory { dir in
            _ = try StudyReport.write(study, name: "geodata", options: options, to: dir, inputs: Self.sampleInputs)
            let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
            // The sample's sites.csv has 3 hospitals among its 35 sites.
            #expect(md.contains("236 communes, 159\u{202F}785 habitants, 3 hôpitaux. Données : fichiers communes.geojson, population.csv, history.csv, cpts.csv, sites.csv."))
            #expect(md.contains("## Où implanter 2 hôpitaux\n") && md.contains("Seuil étudié : 15 minutes pour les hôpitaux."))
            #expect(md.contains("quand l'hôpital le plus proche est à plus de 15 minutes ou qu'elle est hors EPCI"))
            #expect(md.contains("## Couverture par les EPCI") && !md.contains("CPTS"))
            let travelMap = try String(contentsOf: dir.appendingPathComponent("map-travel.svg"), encoding: .utf8)
            #expect(travelMap.contains(">Temps d&apos;accès à l&apos;hôpital le plus proche</text>") || travelMap.contains(">Temps d'accès à l'hôpital le plus proche</text>"))
            #expect(travelMap.contains(">Temps (minutes)</text>") && travelMap.contains(">Données : fichiers communes.geojson"))
            let accessMap = try String(contentsOf: dir.appendingPathComponent("map-access.svg"), encoding: .utf8)
            #expect(accessMap.contains(">capacité des sites pour 100\u{202F}000 habitants</text>"))
            let chart = try String(contentsOf: dir.appendingPathComponent("chart-siting.svg"), encoding: .utf8)
            // The axis of residents has thousands separators.
            #expect(chart.range(of: ">[0-9]{4,}</text>", options: .regularExpression) == nil)
            #expect(chart.range(of: ">[0-9]{1,3}\u{202F}[0-9]{3}</text>", options: .regularExpression) != nil)

            var english = options
            english.language = .en
            english.source = "INSEE, RP 2021; FINESS 2024"
            english.newSites = 1
            let en = dir.appendingPathComponent("en")
            _ = try StudyReport.write(study, name: "geodata", options: english, to: en, inputs: Self.sampleInputs)
            let text = try String(contentsOf: en.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(text.contains("3 hospitals. Source: INSEE, RP 2021; FINESS 2024.") && text.contains("## Where to add 1 hospital\n"))
            #expect(text.contains("when the nearest hospital is more than 15 minutes away or it lies outside every EPCI"))
            #expect(text.contains("Data: INSEE") == false && text.contains("Made with GeoHealth \(GeoHealthKitInfo.version). Source: INSEE, RP 2021; FINESS 2024."))
            #expect(!text.contains(" : +") && text.contains("): +"), "English has no space before a colon")
        }
    }
}
