import Foundation
import GeoHealthTestSupport
import Testing

/// One meaning per option name across commands: `--k` is the number of new sites (`site`);
/// `inequality` names its knn neighbours `--neighbours` and still reads its former `--k`,
/// hidden from the help.
@Suite struct OptionNameTests {
    @Test func inequalityReadsItsFormerKAsNeighbours() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let table = dir.appendingPathComponent("t.geojson").path
            let made = try CommandRunner.run(["distance", "geodata", "--site-kind", "msp", "--out", table, "--quiet"])
            try #require(made.status == 0, "\(made.stderr)")
            let base = ["inequality", table, "--value", "msp_minutes", "--spatial-weights", "knn", "--format", "json"]
            let neighbours = try CommandRunner.run(base + ["--neighbours", "4"])
            let former = try CommandRunner.run(base + ["--k", "4"])
            let byDefault = try CommandRunner.run(base)
            #expect(neighbours.status == 0 && former.status == 0, "\(neighbours.stderr)\(former.stderr)")
            #expect(neighbours.stdout == former.stdout && neighbours.stdout != byDefault.stdout)
            let both = try CommandRunner.run(base + ["--neighbours", "4", "--k", "4"])
            #expect(both.status == 64 && both.stderr.contains("--k is the former name of --neighbours"), "\(both.stderr)")
            let help = try CommandRunner.run(["inequality", "--help"]).stdout
            #expect(help.contains("--neighbours <neighbours>") && !help.contains("--k "), "\(help)")
        }
    }
}
