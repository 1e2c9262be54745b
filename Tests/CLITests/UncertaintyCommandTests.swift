import Foundation
import GeoHealthTestSupport
import Testing

/// `geohealth gaps --uncertainty` end to end on the sample: the tables read back as planners'
/// tools read them (numbers as numbers, shares on the grid of 1/N, classes from the shares,
/// robust ranks a permutation), the seed reproduces them byte for byte, and bad options are
/// usage errors (exit 64) naming the option.
@Suite struct UncertaintyCommandTests {
    static let rules = ["gaps", "geodata", "--site-kind", "msp", "--minutes-above", "15", "--access-kind", "msp", "--access-below", "40", "--per", "100000"]

    static func rows(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    @Test func tablesReadBackAndTheSeedReproducesThem() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let communes = dir.appendingPathComponent("c.csv"), zones = dir.appendingPathComponent("z.csv"), again = dir.appendingPathComponent("c2.csv")
            let r = try CommandRunner.run(Self.rules + ["--uncertainty", "30", "--communes-out", communes.path, "--out", zones.path, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            let (header, rows) = try Self.rows(communes)
            let share = try #require(header.firstIndex(of: "under_served_share")), cls = try #require(header.firstIndex(of: "robustness_class"))
            let p5 = try #require(header.firstIndex(of: "access_p5")), p95 = try #require(header.firstIndex(of: "access_p95"))
            for row in rows {
                let s = try #require(Double(row[share]), "\(row)")
                #expect(abs(s * 30 - (s * 30).rounded()) < 0.002, "a share of 30 draws (4 decimals): \(s)")
                let expected = s >= 0.95 ? "robust" : s >= 0.5 ? "likely" : s > 0 ? "possible" : "never"
                #expect(row[cls] == expected, "\(row[0]): \(s) → \(row[cls])")
                #expect(try #require(Double(row[p5])) <= (try #require(Double(row[p95]))))
            }
            let (zoneHeader, zoneRows) = try Self.rows(zones)
            let rank = try #require(zoneHeader.firstIndex(of: "robust_rank"))
            // Ranked by robust population; a zone with no robust resident has no rank.
            let ranks = zoneRows.compactMap { Int($0[rank]) }.sorted()
            #expect(!ranks.isEmpty && ranks == Array(1...ranks.count) && zoneRows.allSatisfy { Int($0[rank]) != nil || $0[rank].isEmpty })
            let second = try CommandRunner.run(Self.rules + ["--uncertainty", "30", "--communes-out", again.path, "--quiet"])
            #expect(second.status == 0)
            #expect(try Data(contentsOf: communes) == Data(contentsOf: again), "same seed, same bytes")
        }
    }

    @Test func badOptionsAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["--uncertainty", "3"], "--uncertainty must be a number from 10 to 100000"),
            (["--robust-out", "/tmp/x.geojson"], "--robust-out needs --uncertainty N"),
            (["--uncertainty", "20", "--uncertainty-ranges", "speed=2:1"], "--uncertainty-ranges 'speed=2:1'"),
            (["--uncertainty", "20", "--robust-share", "0"], "--robust-share must be a number more than 0, at most 1"),
            (["--uncertainty", "20", "--uncertainty-seed", "9007199254740992"], "--uncertainty-seed must be a whole number from 0 to 9007199254740991"),
        ]
        for (extra, message) in cases {
            let r = try CommandRunner.run(Self.rules + extra)
            #expect(r.status == 64 && r.stderr.contains(message), "\(extra): \(r.status) \(r.stderr)")
        }
    }
}
