import Foundation
import GeoHealthTestSupport
import Testing

/// Issue 20: two runs of the same study into two folders write the same files byte for byte.
/// They differed by the GeoPackages' `last_change` and by the work folder's path in the
/// summaries of `map`, `chart` and `report`. `provenance.json` records when each run started
/// and ended: it is compared with those two times blanked, and byte for byte when
/// `SOURCE_DATE_EPOCH` fixes them too. The provenance names no output folder (its outputs are
/// relative to it), so no other name needs normalising.
@Suite struct DeterminismTests {
    @Test func identicalRunsWriteIdenticalFiles() throws {
        try Fixtures.withTemporaryDirectory { dir in
            func run(_ name: String, _ environment: [String: String] = [:]) throws -> (URL, FolderSnapshot) {
                let out = dir.appendingPathComponent(name)
                let r = try CommandRunner.run(["run", "geodata/study.yaml", "--out", out.path, "--quiet"], environment: environment)
                #expect(r.status == 0, "\(r.stderr)")
                return (out, try FolderSnapshot(out))
            }
            let (a, first) = try run("run-a"), (b, second) = try run("run-b")
            #expect(first.digests.count > 60)
            for (path, digest) in first.digests where path != "provenance.json" {
                #expect(second.digests[path] == digest, "\(path) differs")
            }
            #expect(Set(first.digests.keys) == Set(second.digests.keys))
            #expect(try Self.withoutTimes(a) == Self.withoutTimes(b))
            for (path, _) in first.digests where !path.hasSuffix(".gpkg") {
                let text = try String(contentsOf: a.appendingPathComponent(path), encoding: .utf8)
                #expect(!text.contains(".geohealth-") && !text.contains(dir.path), "\(path) names the work folder or the output folder")
            }

            let epoch = ["SOURCE_DATE_EPOCH": "1700000000"]
            let (_, third) = try run("run-c", epoch), (_, fourth) = try run("run-d", epoch)
            #expect(third == fourth)
        }
    }

    /// provenance.json with `started_utc` and `finished_utc` blanked.
    static func withoutTimes(_ folder: URL) throws -> String {
        let text = try String(contentsOf: folder.appendingPathComponent("provenance.json"), encoding: .utf8)
        return text.replacingOccurrences(of: #""(started|finished)_utc":"[^"]*""#, with: #""$1_utc":"""#, options: .regularExpression)
    }
}
