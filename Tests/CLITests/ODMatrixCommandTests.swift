import Foundation
import GeoHealthTestSupport
import Testing

/// `--cost matrix --od` with an OSRM `table` response: rows are the sample's 236 communes and
/// columns its 35 sites, both in the order of their ids.
@Suite struct ODMatrixCommandTests {
    /// An OSRM response without waypoints (no location check): commune i reaches site j in
    /// 10 + i minutes, except where (i + j) is a multiple of 7 (null: unreachable).
    static func response(rows: Int, columns: Int) -> Data {
        let cells = (0..<rows).map { i in
            "[" + (0..<columns).map { j in (i + j) % 7 == 0 ? "null" : String(600 + 60 * i) }.joined(separator: ",") + "]"
        }
        return Data("{\"code\":\"Ok\",\"durations\":[\(cells.joined(separator: ","))]}".utf8)
    }

    @Test func anOSRMTableIsReadForTheSample() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("table.json")
            try Self.response(rows: 236, columns: 35).write(to: url)
            let r = try CommandRunner.run(["distance", "geodata", "--cost", "matrix", "--od", url.path, "--site-kind", "hospital", "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let cost = try #require(object["cost"] as? [String: Any])
            // 236 × 35 cells, one in 7 null.
            #expect(cost["model"] as? String == "origin–destination matrix (7080 pairs)")
            #expect((cost["matrix_origins_not_communes"] as? [String])?.isEmpty == true)

            try Self.response(rows: 235, columns: 35).write(to: url)
            let short = try CommandRunner.run(["distance", "geodata", "--cost", "matrix", "--od", url.path])
            #expect(short.status == 1 && short.stderr.contains("235 sources (rows) but the study has 236 communes: the rows must be the communes in the order of their codes"))
        }
    }
}
