import Foundation
import GeoHealthTestSupport
import Testing

/// `geohealth zoning` end to end on the sample: its APL before is `access --method apl`'s; its
/// what-ifs equal `access --method apl` on a site file edited by hand the same way (rows
/// with an age of 62 or more dropped; three rows of 5,400 consultations added); its table,
/// JSON and maps; bad input refused with exit 64 and a message naming the option.
@Suite struct ZoningCommandTests {
    static let gps = "geodata/generalistes.csv"

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try CommandRunner.run(arguments + ["--format", "json"])
        #expect(r.status == 0, "\(arguments)\n\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// Per commune code: the value of `column` in a CSV table written by GeoHealth.
    static func column(_ url: URL, _ column: String) throws -> [String: String] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let c = try #require(lines[0].firstIndex(of: column)), code = try #require(lines[0].firstIndex(of: "code"))
        return Dictionary(uniqueKeysWithValues: lines.dropFirst().map { ($0[code], $0[c]) })
    }

    /// The sample's GP file with `edit` applied to its rows (header kept).
    static func editedSites(_ dir: URL, _ edit: ([String]) -> [String]) throws -> URL {
        let lines = try String(contentsOf: Fixtures.sample.appendingPathComponent("generalistes.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        let url = dir.appendingPathComponent("gps.csv")
        try ([lines[0]] + edit(Array(lines.dropFirst()))).joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func retirementByAgeIsAccessOnTheFileWithoutTheOldGPs() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let zoning = dir.appendingPathComponent("z.csv"), access = dir.appendingPathComponent("a.csv"), before = dir.appendingPathComponent("b.csv")
            let z = try Self.json(["zoning", "geodata", "--sites", Self.gps, "--retire-age", "62", "--out", zoning.path])
            // By hand: drop the rows whose last column (age) is 62 or more.
            let young = try Self.editedSites(dir) { $0.filter { Int($0.split(separator: ",").last!)! < 62 } }
            let a = try Self.json(["access", "geodata", "--sites", young.path, "--method", "apl", "--out", access.path])
            let b = try Self.json(["access", "geodata", "--sites", Self.gps, "--method", "apl", "--out", before.path])
            #expect(try Self.column(zoning, "apl_after") == Self.column(access, "access"))
            #expect(try Self.column(zoning, "apl_before") == Self.column(before, "access"))
            let scenario = try #require(z["scenario"] as? [String: Any])
            #expect(scenario["gps_retired_by_age"] as? Int == 23 && scenario["gps_without_age"] as? Int == 0)
            // The ZIP before and after are access's population below 2.5.
            let zipBefore = try #require((z["before"] as? [String: Any])?["zip"] as? [String: Any])
            let zipAfter = try #require((z["after"] as? [String: Any])?["zip"] as? [String: Any])
            #expect(zipBefore["population"] as? Int == b["population_under_served"] as? Int)
            #expect(zipAfter["population"] as? Int == a["population_under_served"] as? Int)
            // The transition matrix adds up to the communes and to the population.
            let cells = try #require(z["transitions"] as? [[String: Any]])
            #expect(cells.count == 9 && cells.compactMap { $0["communes"] as? Int }.reduce(0, +) == z["communes"] as? Int)
            #expect(cells.compactMap { $0["population"] as? Int }.reduce(0, +) == z["population"] as? Int)
            #expect((z["population_moved_up"] as? Int) == 0, "a retirement wave moves nobody up")
        }
    }

    @Test func anAddedMSPIsAccessWithItsGPsAdded() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let zoning = dir.appendingPathComponent("z.geojson"), access = dir.appendingPathComponent("a.csv"), csv = dir.appendingPathComponent("z.csv")
            let maps = (dir.appendingPathComponent("before.svg"), dir.appendingPathComponent("after.svg"))
            let z = try Self.json([
                "zoning", "geodata", "--sites", Self.gps, "--add-msp", "2.3,46.3,3,MSP test", "--out", zoning.path,
                "--map-before", maps.0.path, "--map-after", maps.1.path,
            ])
            _ = try Self.json(["zoning", "geodata", "--sites", Self.gps, "--add-msp", "2.3,46.3,3,MSP test", "--out", csv.path])
            let added = try Self.editedSites(dir) { rows in
                rows + (1...3).map { "N\($0),MSP test,gp,2.3,46.3,5400,1,,,40" }
            }
            _ = try Self.json(["access", "geodata", "--sites", added.path, "--method", "apl", "--out", access.path])
            #expect(try Self.column(csv, "apl_after") == Self.column(access, "access"))
            #expect(z["supply_after"] as? Double == (z["supply_before"] as? Double).map { $0 + 3 * 5_400 })
            #expect((z["population_moved_down"] as? Int) == 0, "adding GPs moves nobody down")
            let features = try #require(
                (try JSONSerialization.jsonObject(with: Data(contentsOf: zoning)) as? [String: Any])?["features"] as? [[String: Any]])
            let properties = try #require(features.first?["properties"] as? [String: Any])
            #expect(Set(properties.keys) == ["code", "name", "population", "apl_before", "apl_after", "status_before", "status_after", "changed"])
            #expect(properties["apl_before"] is Double && properties["changed"] is Bool)
            for map in [maps.0, maps.1] {
                let svg = try String(contentsOf: map, encoding: .utf8)
                #expect(svg.contains("ZIP (APL &lt; 2,5)") || svg.contains("ZIP (APL < 2,5)"), "the legend names the classes")
                #expect(svg.contains("#fc8d59") && svg.contains("#91bfdb"), "ColorBrewer RdYlBu")
            }
            #expect((z["map_after"] as? [String: Any])?["file"] as? String == maps.1.path)
        }
    }

    @Test(arguments: [
        (["--add-msp", "commune:99999,3"], "no commune with code '99999'"),
        (["--add-msp", "2.3,46.3,-2"], "whole number from 0 to"),
        (["--add-msp", "2.3,46.3,nan"], "whole number from 0 to"),
        (["--add-msp", "2.3,nan,3"], "lon,lat,N"),
        (["--retire-age", "nan"], "--retire-age"),
        (["--retire-share", "1.5"], "--retire-share"),
        (["--remove", "NOPE"], "no site with id NOPE"),
        (["--zip-below", "5", "--zac-below", "4"], "must not exceed"),
        (["--zip-below", "nan"], "finite"),
    ])
    func badInputIsAUsageError(_ extra: [String], _ message: String) throws {
        let r = try CommandRunner.run(["zoning", "geodata", "--sites", Self.gps] + extra)
        #expect(r.status == 64 && r.stderr.contains(message), "\(extra): \(r.status) \(r.stderr)")
    }

    /// A study file names `zoning` with its keys; the runner writes its table and both maps.
    @Test func aStudyFileRunsIt() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let sample = Fixtures.sample.path
            let study = dir.appendingPathComponent("z.yaml")
            try """
                title: zonage
                inputs:
                  folder: \(sample)
                analyses:
                  - zoning: {name: wave, sites: \(sample)/generalistes.csv, retire_age: 62, add_msp: ["commune:00012,3,MSP"]}

                """.write(to: study, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("run")
            let r = try CommandRunner.run(["run", study.path, "--out", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
            #expect(files.isSuperset(of: ["wave.geojson", "wave.json", "wave-before.svg", "wave-after.svg"]), "\(files)")
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("wave.json"))) as? [String: Any])
            #expect((summary["scenario"] as? [String: Any])?["gps_added"] as? Int == 3)
        }
    }

    @Test func defaultThresholdsNeedConsultations() throws {
        let r = try CommandRunner.run(["zoning", "geodata", "--site-kind", "msp", "--add-msp", "commune:00114,2"])
        #expect(r.status == 64 && r.stderr.contains("--zip-below"), "\(r.stderr)")
        let given = try CommandRunner.run(["zoning", "geodata", "--site-kind", "msp", "--add-msp", "commune:00114,2", "--per", "100000", "--zip-below", "40", "--zac-below", "60"])
        #expect(given.status == 0, "\(given.stderr)")
    }
}
