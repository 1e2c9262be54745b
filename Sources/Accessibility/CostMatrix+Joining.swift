/// Joining matrices built in pieces (chunks of origins on several threads, partitions of a study)
/// without holding the result twice: the result's columns are made one at a time with exactly
/// the room they need, and each piece's column is released once copied. The peak is then the
/// pieces plus one column (8 bytes an entry), where appending to growing arrays would hold the
/// pieces, the result and its growth slack (up to 20 + 40 bytes an entry).
extension CostMatrix {
    /// The rows of `parts` one after another (the parts are emptied).
    package static func concatenating(_ parts: inout [Builder], destinationCount: Int, maxMinutes: Double) -> CostMatrix {
        var rowStart = [0]
        rowStart.reserveCapacity(parts.reduce(1) { $0 + $1.rowStart.count - 1 })
        for p in parts {
            let base = rowStart.last!
            for k in p.rowStart.dropFirst() { rowStart.append(base + k) }
        }
        let total = rowStart.last!
        let destinations = column(total, parts.indices) { parts[$0].destinations } release: { parts[$0].destinations = [] }
        let minutes = column(total, parts.indices) { parts[$0].minutes } release: { parts[$0].minutes = [] }
        let kilometres = column(total, parts.indices) { parts[$0].kilometres } release: { parts[$0].kilometres = [] }
        parts = []
        return CostMatrix(
            destinationCount: destinationCount, maxMinutes: maxMinutes, rowStart: rowStart, destinations: destinations, minutes: minutes, kilometres: kilometres
        )
    }

    /// One matrix over `rows.count` origins from the matrices of several partitions: origin o
    /// takes row `rows[o].row` of `parts[rows[o].part]` (no entry when nil), each destination
    /// renumbered through `renumber[part]`, which must increase (rows stay sorted). The parts
    /// are emptied.
    public static func stitching(
        _ parts: inout [CostMatrix?], rows: [(part: Int, row: Int)?], renumber: [[Int32]], destinationCount: Int, maxMinutes: Double
    ) -> CostMatrix {
        var rowStart = [Int](repeating: 0, count: rows.count + 1)
        for (o, r) in rows.enumerated() {
            let length = r.map { parts[$0.part]!.rowStart[$0.row + 1] - parts[$0.part]!.rowStart[$0.row] } ?? 0
            rowStart[o + 1] = rowStart[o] + length
        }
        let total = rowStart[rows.count]
        func gather<T>(_ values: (CostMatrix) -> [T], _ map: (Int, T) -> T) -> [T] {
            [T](unsafeUninitializedCapacity: total) { buffer, initialized in
                for (o, r) in rows.enumerated() {
                    guard let r, let part = parts[r.part] else { continue }
                    let source = values(part)
                    var k = rowStart[o]
                    for e in part.rowStart[r.row]..<part.rowStart[r.row + 1] {
                        (buffer.baseAddress! + k).initialize(to: map(r.part, source[e]))
                        k += 1
                    }
                }
                initialized = total
            }
        }
        let destinations = gather({ $0.destinations }) { part, d in renumber[part][Int(d)] }
        for p in parts.indices { parts[p]?.destinations = [] }
        let minutes = gather({ $0.minutes }) { _, m in m }
        for p in parts.indices { parts[p]?.minutes = [] }
        let kilometres = gather({ $0.kilometres }) { _, m in m }
        parts = []
        return CostMatrix(
            destinationCount: destinationCount, maxMinutes: maxMinutes, rowStart: rowStart, destinations: destinations, minutes: minutes, kilometres: kilometres
        )
    }

    /// One column of exactly `total` values from the pieces' columns in order, each piece's
    /// column released once copied.
    private static func column<T>(_ total: Int, _ pieces: Range<Int>, _ values: (Int) -> [T], release: (Int) -> Void) -> [T] {
        var out: [T] = []
        out.reserveCapacity(total)
        for i in pieces {
            out.append(contentsOf: values(i))
            release(i)
        }
        return out
    }
}
