import Foundation
import GeoHealthTestSupport
import Testing

/// `geohealth report`, `gaps` and `run` as a planner calls them (issue 19): the report's
/// parameters from the command line and from a study file, a regional report of the real data,
/// territories by the user's name, and the provenance of a commune layer given as a folder.
@Suite(.serialized) struct ReportCommandTests {
    static let bands = "upto,weight\n15,1\n30,0.5\n45,0.1\n"

    @Test func reportOptionsAreTheParametersStated() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let bands = dir.appendingPathComponent("bands.csv")
            try Self.bands.write(to: bands, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("r")
            let r = try CommandRunner.run(["report", "geodata", "--site-kind", "msp", "--minutes", "20", "--catchment-minutes", "45", "--bands", bands.path,
                                           "--new-sites", "2", "--title", "Essai", "--territory-label", "EPCI", "--source", "INSEE RP 2021", "--out", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(md.hasPrefix("# Essai\n\n236 communes, 159\u{202F}785 habitants, 22 MSP. Source : INSEE RP 2021.\n"))
            #expect(md.contains("aire de chalandise de 45 minutes en 3 bandes 0–15, 15–30 et 30–45 minutes pondérées 1 ; 0,5 ; 0,1."))
            #expect(md.contains("Seuil étudié : 20 minutes pour les MSP.") && md.contains("## Où implanter 2 MSP\n"))
            #expect(md.contains("## Couverture par les EPCI") && !md.contains("CPTS"))
            let help = try CommandRunner.run(["report", "--help"])
            #expect(help.stdout.contains("--catchment-minutes") && help.stdout.contains("--bands") && help.stdout.contains("--territory-label"))
        }
    }

    /// The study-file path: the report's options (a bands file relative to the study file) and
    /// the file's title and source; `--kind-map`-free sample paths given absolute.
    @Test func aStudyFileReportStatesItsParameters() throws {
        try Fixtures.withTemporaryDirectory { dir in
            try Self.bands.write(to: dir.appendingPathComponent("bands.csv"), atomically: true, encoding: .utf8)
            let study = """
                title: Étude d'essai
                source: Données synthétiques
                inputs: {folder: \(Fixtures.sample.path)}
                analyses:
                  - report: {site_kind: hospital, minutes: 25, new_sites: 5, catchment_minutes: 45, bands: bands.csv, territory_label: EPCI}

                """
            try study.write(to: dir.appendingPathComponent("study.yaml"), atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("out")
            let r = try CommandRunner.run(["run", dir.appendingPathComponent("study.yaml").path, "--out", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            let md = try String(contentsOf: out.appendingPathComponent("report/report.md"), encoding: .utf8)
            #expect(md.hasPrefix("# Étude d'essai\n\n236 communes, 159\u{202F}785 habitants, 3 hôpitaux. Source : Données synthétiques.\n"))
            #expect(md.contains("aire de chalandise de 45 minutes en 3 bandes") && md.contains("## Où implanter 5 hôpitaux\n"))
            #expect(md.contains("Seuil étudié : 25 minutes pour les hôpitaux.") && md.contains("hors EPCI"))
            // The bands file is an input of the run, hashed in its provenance.
            let provenance = try String(contentsOf: out.appendingPathComponent("provenance.json"), encoding: .utf8)
            #expect(provenance.contains("bands.csv"))
        }
    }

    /// A regional report of the national data: it failed with "255 values but 1274 weights".
    @Test(.enabled(if: Fixtures.realData("aRegionalReportOfTheRealData") != nil))
    func aRegionalReportOfTheRealData() throws {
        let real = try #require(Fixtures.realData())
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("r23")
            let r = try CommandRunner.run([
                "report", "--areas", real.appendingPathComponent("communes").path,
                "--population", real.appendingPathComponent("population/donnees_communes.csv").path,
                "--history", real.appendingPathComponent("population/mouvements-communes.csv").path, "--history-since", "2018-01-01",
                "--sites", real.appendingPathComponent("facilities/eurostat-healthcare-FR.csv").path,
                "--site-kind-field", "facility_type", "--kind-map", "notebooks-md/finess-kinds.csv",
                "--departements", "23", "--site-kind", "hospital", "--out", out.path, "--quiet",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            // The Creuse: its 255 communes (the 2024 layer), not the 1,274 with the buffer, and
            // the hospitals within reach, not the 4,043 sites of every kind in France.
            #expect(md.hasPrefix("# Accès aux soins — département 23\n\n255 communes, "), "\(md.prefix(200))")
            #expect(md.contains(" hôpitaux à moins de 30 minutes d'une commune étudiée.") && !md.contains("4\u{202F}043"))
            #expect(md.contains("Données : fichiers communes/ (101 fichiers .geojson), donnees_communes.csv"))
        }
    }

    /// `gaps --territory-label`: the white zones say what the territories are (the JSON key
    /// stays `cpts_white_zones` for scripts), and the JSON still meets its schema.
    @Test func gapsNameTheTerritories() throws {
        let r = try CommandRunner.run(["gaps", "geodata", "--site-kind", "msp", "--minutes-above", "15", "--outside-cpts", "--territory-label", "EPCI",
                                       "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let white = try #require(json["cpts_white_zones"] as? [String: Any])
        #expect(white["territory_label"] as? String == "EPCI" && white["parts"] as? Int == 10)
        let validator = try JSONSchemaValidator(folder: Fixtures.url("docs/schema"))
        #expect(validator.errors(of: json, against: "gaps.schema.json").isEmpty)
    }

    /// `areas:` a folder of layer files: each file read is in the provenance with its own
    /// SHA-256 (it held none of them).
    @Test func provenanceHashesEveryFileOfAnAreasFolder() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("communes")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let layer = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.sample.appendingPathComponent("communes.geojson"))) as! [String: Any]
            let features = layer["features"] as! [Any]
            for (name, part) in [("a.geojson", features.prefix(100)), ("b.geojson", features.dropFirst(100))] {
                let data = try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": Array(part)])
                try data.write(to: folder.appendingPathComponent(name))
            }
            try Data("not a layer".utf8).write(to: folder.appendingPathComponent("README.txt"))
            let study = """
                inputs: {areas: communes, population: \(Fixtures.sample.path)/population.csv, sites: \(Fixtures.sample.path)/sites.csv}
                analyses:
                  - distance: {site_kind: msp}

                """
            try study.write(to: dir.appendingPathComponent("study.yaml"), atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("out")
            let r = try CommandRunner.run(["run", dir.appendingPathComponent("study.yaml").path, "--out", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("provenance.json")))
            let provenance = try #require(json as? [String: Any])
            let inputs = try #require(provenance["inputs"] as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: inputs.map { (URL(fileURLWithPath: $0["path"] as! String).lastPathComponent, $0) })
            for name in ["a.geojson", "b.geojson"] {
                let entry = try #require(byName[name], "\(name) missing from \(byName.keys.sorted())")
                #expect(entry["sha256"] as? String == (try StudyRunTests.sha256sum(folder.appendingPathComponent(name))))
                #expect(entry["bytes"] as? Int == (try Data(contentsOf: folder.appendingPathComponent(name))).count)
            }
            #expect(byName["README.txt"] == nil && byName["communes"] == nil && byName["population.csv"] != nil)
        }
    }
}
