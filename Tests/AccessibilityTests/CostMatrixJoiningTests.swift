import Accessibility
import Testing

/// Matrices joined from pieces (chunks of origins, partitions of a study) equal the matrix built
/// row by row in one piece.
@Suite struct CostMatrixJoiningTests {
    typealias Entry = CostMatrix.Entry

    static func matrix(_ rows: [[Entry]], destinations: Int) -> CostMatrix {
        CostMatrix(destinationCount: destinations, maxMinutes: 60, rows: rows)
    }

    static func builder(_ rows: [[Entry]]) -> CostMatrix.Builder {
        var b = CostMatrix.Builder()
        for row in rows {
            for e in row { b.add(e) }
            b.endRow()
        }
        return b
    }

    static let rows: [[Entry]] = [
        [Entry(destination: 2, minutes: 5, kilometres: 4), Entry(destination: 0, minutes: 12, kilometres: 10)],
        [],
        [Entry(destination: 1, minutes: 30, kilometres: 25)],
        [Entry(destination: 0, minutes: 1, kilometres: 0.5), Entry(destination: 1, minutes: 1, kilometres: 0.6), Entry(destination: 2, minutes: 59, kilometres: 50)],
        [],
    ]

    @Test func chunksOfOriginsConcatenate() {
        for cut in [0, 1, 2, 4, 5] {
            var parts = [Self.builder(Array(Self.rows[..<cut])), Self.builder([]), Self.builder(Array(Self.rows[cut...]))]
            let joined = CostMatrix.concatenating(&parts, destinationCount: 3, maxMinutes: 60)
            #expect(joined == Self.matrix(Self.rows, destinations: 3), "cut at origin \(cut)")
            #expect(parts.isEmpty)
        }
    }

    /// Two partitions with local destination numbers, interleaved origins and one origin in
    /// none: stitched, renumbered, equal to the matrix over the study's numbers.
    @Test func partitionsStitchInTheStudysOrder() {
        // Partition 0 holds study sites 0 and 3 (local 0, 1); partition 1 holds site 1 (local 0).
        let local0: [[Entry]] = [
            [Entry(destination: 1, minutes: 3, kilometres: 2), Entry(destination: 0, minutes: 7, kilometres: 6)],
            [Entry(destination: 0, minutes: 40, kilometres: 33)],
        ]
        let local1: [[Entry]] = [[], [Entry(destination: 0, minutes: 9, kilometres: 8)]]
        var parts: [CostMatrix?] = [Self.matrix(local0, destinations: 2), Self.matrix(local1, destinations: 1), nil]
        // Study origins: 0 ← p0 row 0, 1 ← p1 row 1, 2 ← none, 3 ← p1 row 0, 4 ← p0 row 1.
        let rows: [(part: Int, row: Int)?] = [(0, 0), (1, 1), nil, (1, 0), (0, 1)]
        let stitched = CostMatrix.stitching(&parts, rows: rows, renumber: [[0, 3], [1], []], destinationCount: 4, maxMinutes: 60)
        let expected = Self.matrix([
            [Entry(destination: 3, minutes: 3, kilometres: 2), Entry(destination: 0, minutes: 7, kilometres: 6)],
            [Entry(destination: 1, minutes: 9, kilometres: 8)],
            [],
            [],
            [Entry(destination: 0, minutes: 40, kilometres: 33)],
        ], destinations: 4)
        #expect(stitched == expected)
        #expect(parts.isEmpty)
    }
}
