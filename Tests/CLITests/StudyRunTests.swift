import Foundation
import GeoHealthTestSupport
import Testing

/// `geohealth run` on the sample's study file: every output there, the provenance true to the
/// files (checked with coreutils' sha256sum), the folder replaced whole, bad study files
/// refused with their line.
@Suite(.serialized) struct StudyRunTests {
    @Test func theSampleStudyRunsWhole() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("study")
            let r = try CommandRunner.run(["run", "geodata/study.yaml", "--out", out.path, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect(summary["title"] as? String == "Accès aux soins primaires — département synthétique")
            let files = try FileManager.default.subpathsOfDirectory(atPath: out.path)
            for name in ["distance.geojson", "distance.csv", "distance.gpkg", "apl.json", "map-msp.svg", "map-apl.svg", "lorenz-apl.svg",
                         "gaps-zones.geojson", "report/report.html", "report/report.md", "provenance.json"] {
                #expect(files.contains(name), "\(name) missing")
            }
            #expect(!files.contains { $0.contains(".tmp-") }, "no temporary file left")
            // The report's title comes from the study file, not from the first input.
            let html = try String(contentsOf: out.appendingPathComponent("report/report.html"), encoding: .utf8)
            #expect(html.contains("<h1>Accès aux soins primaires — département synthétique</h1>"))
            // French CSV as asked (csv_dialect: fr): BOM, semicolons, decimal commas.
            let csv = try Data(contentsOf: out.appendingPathComponent("distance.csv"))
            #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF] && String(decoding: csv, as: UTF8.self).contains(";"))

            // Provenance: valid, and every checksum is the file's.
            let data = try Data(contentsOf: out.appendingPathComponent("provenance.json"))
            let provenance = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let validator = try JSONSchemaValidator(folder: Fixtures.url("docs/schema"))
            #expect(validator.errors(of: provenance, against: "provenance.schema.json").isEmpty)
            let outputs = try #require(provenance["outputs"] as? [[String: Any]])
            let inputs = try #require(provenance["inputs"] as? [[String: Any]])
            #expect(Set(outputs.map { $0["path"] as! String }) == Set(files.filter { !$0.hasSuffix("provenance.json") && $0 != "report" }))
            #expect(inputs.map { ($0["path"] as! String) }.contains("geodata/population.csv"))
            for entry in outputs.prefix(8) + inputs {
                let path = entry["path"] as! String
                let url = path.hasPrefix("/") || path.hasPrefix("geodata") ? Fixtures.url(path) : out.appendingPathComponent(path)
                #expect(try Self.sha256sum(url) == entry["sha256"] as? String, "\(path)")
            }
            let steps = try #require(provenance["analyses"] as? [[String: Any]])
            func arguments(_ name: String) -> [String] { (steps.first { $0["name"] as? String == name }?["arguments"] as? [String]) ?? [] }
            #expect(arguments("apl").contains("--apl-year") && arguments("apl").contains("geodata/generalistes.csv"))
            // `parameters:` reach the analyses that take them, and only those.
            #expect(arguments("distance").contains("--max-minutes") && !arguments("map-msp").contains("--max-minutes"))

            // Run again: the folder is replaced; a folder that is not a run's is refused.
            let again = try CommandRunner.run(["run", "geodata/study.yaml", "--out", out.path])
            #expect(again.status == 0, "\(again.stderr)")
            let other = dir.appendingPathComponent("mine")
            try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
            try Data("keep".utf8).write(to: other.appendingPathComponent("notes.txt"))
            let refused = try CommandRunner.run(["run", "geodata/study.yaml", "--out", other.path])
            #expect(refused.status == 1 && refused.stderr.contains("was not made by GeoHealth") && refused.stderr.contains("notes.txt"))
            #expect(try String(contentsOf: other.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
        }
    }

    @Test func badStudyFilesSayWhereAndWhat() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let cases: [(String, String)] = [
                ("analyses:\n  - distance: {site_kind: msp}\n  - histogram: {}\n", "line 3: 'histogram' is not an analysis"),
                ("inputs: {folder: .}\nanalyses:\n  - distance: {site_kind: msp, colour: red}\n", "line 3: distance: Unknown option '--colour'"),
                ("inputs: {folder: .}\nanalyses:\n  - map: {field: x}\n", "line 3: map: say which table to read with table: NAME"),
                ("inputs: {folder: .}\nanalyses:\n  - distance: {site_kind: msp, out: x.csv}\n",
                 "line 3: distance: out: the study run chooses the output files"),
                ("titel: x\nanalyses: [study]\n", "line 1: unknown key 'titel'"),
                ("inputs: {folder: .}\nanalyses: [study, study]\n", ""),
                ("title: [unclosed\n", "not valid YAML"),
            ]
            for (n, (yaml, message)) in cases.enumerated() {
                let file = Fixtures.url("geodata").appendingPathComponent(".test-study-\(n)-\(UUID().uuidString).yaml")
                try yaml.write(to: file, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: file) }
                let r = try CommandRunner.run(["run", file.path, "--out", dir.appendingPathComponent("o\(n)").path])
                if message.isEmpty {
                    #expect(r.status == 0, "\(yaml): \(r.stderr)")
                } else {
                    #expect(r.status == 1 && r.stderr.contains(message), "\(yaml) → \(r.stderr)")
                }
            }
        }
    }

    static func sha256sum(_ url: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [url.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
