import Foundation
import GeoHealthTestSupport
import Testing

/// Issue 20's "done when": `run` and `report` killed (SIGKILL, through the test hook
/// `GEOHEALTH_TEST_STOP_AFTER_STEP`) at every one of their steps, over a folder holding a
/// complete previous run. After each kill the folder is exactly the previous one or a complete
/// new one (its files exactly those provenance.json lists, with their SHA-256), at most the
/// killed run's own work folder is left beside it (the earlier ones were removed), and a normal
/// run at the end succeeds and leaves nothing else.
@Suite struct KillTests {
    /// With the atomic exchange, and with the two-rename swap of file systems without one
    /// (where a kill between the renames leaves the previous folder aside, put back next time).
    @Test(arguments: [false, true]) func aKilledRunLeavesTheWholeOldFolderOrTheWholeNewOne(renames: Bool) throws {
        try Fixtures.withTemporaryDirectory { dir in
            // The previous run: a smaller study, so that the old folder and the new differ.
            let out = try OutputFolderTests.smallRun(in: dir, name: "study")
            try Self.killAtEveryStep(["run", "geodata/study.yaml", "--out", out.path, "--quiet"], over: out, renames: renames) { folder in
                try #require(try FolderSnapshot(folder).isComplete(folder))
                let provenance = try String(contentsOf: folder.appendingPathComponent("provenance.json"), encoding: .utf8)
                return provenance.contains(#""study_file":{"path":"geodata/study.yaml""#)
            }
        }
    }

    @Test func aKilledReportLeavesTheWholeOldFolderOrTheWholeNewOne() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("report")
            let previous = try CommandRunner.run(["report", "geodata", "--site-kind", "msp", "--minutes", "20", "--out", out.path, "--quiet"])
            #expect(previous.status == 0, "\(previous.stderr)")
            let report = ["report", "geodata", "--site-kind", "msp", "--minutes", "15", "--out", out.path, "--quiet"]
            try Self.killAtEveryStep(report, over: out, renames: false) { folder in
                try #require(try FolderSnapshot(folder).isComplete(folder))
                return try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8).contains("Seuil étudié : 15 minutes")
            }
        }
    }

    /// Runs `arguments` killed after step 1, 2, … until it finishes, the folder `out` reset to
    /// its first state before each; `isNew` tells a complete new folder.
    static func killAtEveryStep(_ arguments: [String], over out: URL, renames: Bool, isNew: (URL) throws -> Bool) throws {
        let previous = try FolderSnapshot(out)
        let pristine = out.deletingLastPathComponent().appendingPathComponent("pristine")
        try FileManager.default.copyItem(at: out, to: pristine)
        let hooks = renames ? ["GEOHEALTH_TEST_NO_EXCHANGE": "1"] : [:]
        for step in 1...60 {
            let r = try CommandRunner.run(arguments, environment: hooks.merging(["GEOHEALTH_TEST_STOP_AFTER_STEP": "\(step)"]) { $1 })
            if r.signal == nil {
                #expect(r.status == 0 && step > 3, "step \(step): \(r.stderr)")
                #expect(try isNew(out) && workFolders(beside: out).isEmpty)
                return
            }
            #expect(r.signal == SIGKILL && r.stderr.contains("test hook: killed after step \(step)"), "\(r.stderr)")
            #expect(try workFolders(beside: out).count <= 1, "step \(step): earlier leftovers removed")
            if !FileManager.default.fileExists(atPath: out.path) {
                // Only between the two renames: the next run puts the previous folder back first.
                #expect(renames && r.stderr.contains("(previous folder moved aside)"), "step \(step): no folder")
                let next = try CommandRunner.run(arguments, environment: ["GEOHEALTH_TEST_STOP_AFTER_STEP": "1"])
                #expect(next.signal == SIGKILL)
            }
            let now = try FolderSnapshot(out)
            #expect(try now == previous || isNew(out), "step \(step): neither the previous folder nor a complete new one (\(r.stderr))")
            if now != previous {
                try FileManager.default.removeItem(at: out)
                try FileManager.default.copyItem(at: pristine, to: out)
            }
        }
        Issue.record("\(arguments[0]) did not finish in 60 steps")
    }
}
