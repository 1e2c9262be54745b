import Foundation
import GeoHealthTestSupport
import Testing

/// Issue 24: `geohealth run` reads each distinct set of study inputs once and hands the study to
/// every analysis that reads the same inputs; each table is written in every format from the
/// table in memory, the same bytes as the command alone writes with `--out`. Loads are counted
/// by the loader's first progress step ("reading N commune file(s)…"), which
/// `GEOHEALTH_TIMINGS=1` prints for every load.
@Suite(.serialized) struct StudyRunSharingTests {
    static let timings = ["GEOHEALTH_TIMINGS": "1", "SOURCE_DATE_EPOCH": "1700000000"]

    /// How many times the run read a study from its files.
    static func loads(_ stderr: String) -> Int {
        stderr.split(separator: "\n").filter { $0.contains("] reading ") && $0.contains("commune file(s)") }.count
    }

    @Test func theSampleStudyReadsEachSetOfInputsOnce() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let r = try CommandRunner.run(["run", "geodata/study.yaml", "--out", dir.appendingPathComponent("s").path], environment: Self.timings)
            #expect(r.status == 0, "\(r.stderr)")
            // study, coverage, distance, access, gaps, site and report read geodata as it is;
            // apl reads it with generalistes.csv as its sites: two sets of inputs, two loads.
            #expect(Self.loads(r.stderr) == 2, "\(r.stderr)")
        }
    }

    @Test func sharedStudyTablesEqualTheCommandsOwn() throws {
        let yaml = """
            inputs: {folder: .}
            parameters: {max_minutes: 60}
            tables: [geojson, csv, gpkg]
            csv_dialect: fr
            analyses:
              - distance: {site_kind: [msp, hospital], thresholds: [15, 30], group_by: ZONE}
              - access: {site_kind: msp, per: 100000}
              - coverage: {catchment_minutes: 15, site_kind: msp}
              - gaps: {site_kind: msp, minutes_above: 15}
            """
        let file = Fixtures.url("geodata").appendingPathComponent(".test-sharing-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("run")
            let r = try CommandRunner.run(["run", file.path, "--out", out.path], environment: Self.timings)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(Self.loads(r.stderr) == 1, "four analyses of one set of inputs load it once: \(r.stderr)")
            let alone: [(name: String, arguments: [String], option: String)] = [
                ("distance", ["distance", "geodata", "--site-kind", "msp,hospital", "--thresholds", "15,30", "--group-by", "ZONE", "--max-minutes", "60"], "--out"),
                ("access", ["access", "geodata", "--site-kind", "msp", "--per", "100000", "--max-minutes", "60"], "--out"),
                ("coverage", ["coverage", "geodata", "--catchment-minutes", "15", "--site-kind", "msp", "--max-minutes", "60"], "--out"),
                ("gaps", ["gaps", "geodata", "--site-kind", "msp", "--minutes-above", "15", "--max-minutes", "60"], "--communes-out"),
            ]
            let folder = dir.appendingPathComponent("alone")  // same names: a GeoPackage's layer is named after its file
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, arguments, option) in alone {
                for format in ["geojson", "csv", "gpkg"] {
                    let target = folder.appendingPathComponent("\(name).\(format)")
                    let c = try CommandRunner.run(arguments + ["--csv-dialect", "fr", option, target.path, "--quiet"], environment: Self.timings)
                    #expect(c.status == 0, "\(name): \(c.stderr)")
                    let mine = try Data(contentsOf: out.appendingPathComponent("\(name).\(format)"))
                    #expect(mine == (try Data(contentsOf: target)), "\(name).\(format) of the run differs from \(name) \(option) x.\(format)")
                }
            }
        }
    }
}
