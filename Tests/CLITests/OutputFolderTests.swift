import Foundation
import GeoHealthTestSupport
import Testing

/// Issue 20, the folders of `run` and `report`: replaced only when their provenance.json lists
/// exactly what they hold, never when they hold an input, never with two analyses writing one
/// file; leftovers of killed runs removed only when they are GeoHealth's and their process
/// has ended.
@Suite struct OutputFolderTests {
    static let smallStudy = "inputs: {folder: \(Fixtures.sample.path)}\ntables: [geojson]\nanalyses: [study]\n"

    /// A run into `dir/NAME` of a one-analysis study; returns the folder.
    static func smallRun(in dir: URL, name: String = "out") throws -> URL {
        let study = dir.appendingPathComponent("small.yaml")
        try smallStudy.write(to: study, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent(name)
        let r = try CommandRunner.run(["run", study.path, "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    /// A file added to a run's folder, an output edited since, a folder without provenance:
    /// refused with exit 1 naming them, and nothing deleted; an empty folder is used.
    @Test func aFolderIsReplacedOnlyWhenItsProvenanceListsExactlyWhatItHolds() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = try Self.smallRun(in: dir)
            let study = dir.appendingPathComponent("small.yaml").path
            try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
            var r = try CommandRunner.run(["run", study, "--out", out.path])
            #expect(r.status == 1 && r.stderr.contains("holds notes.txt, which its provenance.json does not list"), "\(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("notes.txt").path))

            try FileManager.default.removeItem(at: out.appendingPathComponent("notes.txt"))
            try Data("edited".utf8).write(to: out.appendingPathComponent("study.txt"))
            r = try CommandRunner.run(["report", "geodata", "--site-kind", "msp", "--out", out.path])
            #expect(r.status == 1 && r.stderr.contains("study.txt changed since GeoHealth wrote it"), "\(r.stderr)")
            #expect(try String(contentsOf: out.appendingPathComponent("study.txt"), encoding: .utf8) == "edited")

            try FileManager.default.removeItem(at: out.appendingPathComponent("provenance.json"))
            r = try CommandRunner.run(["run", study, "--out", out.path])
            #expect(r.status == 1 && r.stderr.contains("was not made by GeoHealth (no provenance.json); it holds study.geojson, study.json, study.txt"),
                    "\(r.stderr)")

            let empty = dir.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
            try Data().write(to: empty.appendingPathComponent(".DS_Store"))
            #expect(try CommandRunner.run(["run", study, "--out", empty.path]).status == 0)
            #expect(try workFolders(beside: empty).isEmpty)
            // What a desktop leaves in a folder it showed does not keep it from being replaced.
            try Data().write(to: empty.appendingPathComponent(".DS_Store"))
            try Data().write(to: empty.appendingPathComponent("Thumbs.db"))
            #expect(try CommandRunner.run(["run", study, "--out", empty.path]).status == 0)
            #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("Thumbs.db").path))
        }
    }

    /// An output folder holding an input of the study (its data copied inside a previous run's
    /// folder, or the sample folder itself) is a usage error naming the input; nothing is
    /// deleted (the run used to delete the folder with the inputs in it).
    @Test func anOutputFolderHoldingAnInputIsRefused() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = try Self.smallRun(in: dir)
            let data = out.appendingPathComponent("data")
            try FileManager.default.copyItem(at: Fixtures.sample, to: data)
            let study = dir.appendingPathComponent("inside.yaml")
            try "inputs: {folder: \(data.path)}\nanalyses: [study]\n".write(to: study, atomically: true, encoding: .utf8)
            var r = try CommandRunner.run(["run", study.path, "--out", out.path])
            #expect(r.status == 64 && r.stderr.contains("--out \(out.path) holds \(data.path), an input of the study"), "\(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("communes.geojson").path))

            r = try CommandRunner.run(["run", "geodata/study.yaml", "--out", "geodata"])
            #expect(r.status == 64 && r.stderr.contains("--out geodata holds geodata/study.yaml, an input of the study"), "\(r.stderr)")
            r = try CommandRunner.run(["report", "geodata", "--site-kind", "msp", "--out", "geodata"])
            #expect(r.status == 64 && r.stderr.contains("--out geodata holds geodata/communes.geojson, an input of the report"), "\(r.stderr)")
            #expect(try workFolders(beside: Fixtures.sample).isEmpty)
        }
    }

    /// Analyses whose files would collide (`a` and `a-sites` both write `a-sites.csv`; an
    /// analysis named `provenance`): a usage error naming both, before anything is written.
    @Test func analysesWritingOneFileAreRefused() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let cases = [
                ("analyses:\n  - access: {name: a, site_kind: msp}\n  - access: {name: a-sites, site_kind: msp}\n",
                 "line 4: analyses 'a' (line 3) and 'a-sites' would both write a-sites.csv"),
                ("analyses:\n  - gaps: {name: g, site_kind: msp, minutes_above: 15}\n  - study: {name: g-zones}\n",
                 "line 4: analyses 'g' (line 3) and 'g-zones' would both write g-zones.geojson"),
                ("analyses:\n  - study: {name: provenance}\n", "line 3: analysis 'provenance' would write provenance.json"),
            ]
            for (n, (analyses, message)) in cases.enumerated() {
                let study = dir.appendingPathComponent("s\(n).yaml")
                try "inputs: {folder: \(Fixtures.sample.path)}\n\(analyses)".write(to: study, atomically: true, encoding: .utf8)
                let out = dir.appendingPathComponent("o\(n)")
                let r = try CommandRunner.run(["run", study.path, "--out", out.path])
                #expect(r.status == 64 && r.stderr.contains(message), "\(r.stderr)")
                #expect(try !FileManager.default.fileExists(atPath: out.path) && workFolders(beside: out).isEmpty)
            }
        }
    }

    /// `report --out` into a folder of data (a `gaps.csv` of the user's) is refused and the
    /// file kept; a report's own folder holds its provenance.json and is replaced whole.
    @Test func aReportReplacesOnlyItsOwnFolder() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let data = dir.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
            try Data("mine".utf8).write(to: data.appendingPathComponent("gaps.csv"))
            var r = try CommandRunner.run(["report", "geodata", "--site-kind", "msp", "--out", data.path])
            #expect(r.status == 1 && r.stderr.contains("was not made by GeoHealth (no provenance.json); it holds gaps.csv"), "\(r.stderr)")
            #expect(try String(contentsOf: data.appendingPathComponent("gaps.csv"), encoding: .utf8) == "mine")

            let out = dir.appendingPathComponent("report")
            for minutes in ["20", "15"] {
                r = try CommandRunner.run(["report", "geodata", "--site-kind", "msp", "--minutes", minutes, "--out", out.path, "--quiet"])
                #expect(r.status == 0, "\(r.stderr)")
            }
            let snapshot = try FolderSnapshot(out)
            #expect(try snapshot.isComplete(out) && snapshot.digests["report.md"] != nil && snapshot.digests["gaps.csv"] != nil)
            #expect(try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8).contains("15 minutes"))
            let provenance = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("provenance.json")))
            #expect(try JSONSchemaValidator(folder: Fixtures.url("docs/schema")).errors(of: provenance, against: "provenance.schema.json").isEmpty)
            #expect(try workFolders(beside: out).isEmpty)
        }
    }

    /// Leftover work folders: one of an ended process (its marker says so) is removed; one
    /// whose process still runs, one without our marker, and a look-alike name are kept.
    @Test func leftoversAreRemovedOnlyWhenOursAndTheirProcessEnded() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = try Self.smallRun(in: dir)
            let ended = try Self.endedProcessID()
            let host = ProcessInfo.processInfo.hostName  // Linux: gethostname, as the marker
            func work(_ name: String, marker: String?) throws -> URL {
                let url = dir.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.appendingPathComponent("folder"), withIntermediateDirectories: true)
                try Data("x".utf8).write(to: url.appendingPathComponent("folder/big.geojson"))
                if let marker { try marker.write(to: url.appendingPathComponent("geohealth-work.txt"), atomically: true, encoding: .utf8) }
                return url
            }
            func marker(_ pid: Int32) -> String { "GeoHealth work folder: test\npid: \(pid)\nhost: \(host)\n" }
            let stale = try work(".out.geohealth-\(ended)-0000abcd", marker: marker(ended))
            let live = try work(".out.geohealth-\(getpid())-0000abce", marker: marker(getpid()))
            let unmarked = try work(".out.geohealth-\(ended)-0000abcf", marker: nil)
            let other = try work(".out.geohealth-\(ended)-notours", marker: marker(ended))
            let r = try CommandRunner.run(["run", dir.appendingPathComponent("small.yaml").path, "--out", out.path, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: stale.path))
            for kept in [live, unmarked, other] {
                #expect(FileManager.default.fileExists(atPath: kept.appendingPathComponent("folder/big.geojson").path), "\(kept.lastPathComponent)")
            }
        }
    }

    /// The id of a process that has just ended.
    static func endedProcessID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }
}
