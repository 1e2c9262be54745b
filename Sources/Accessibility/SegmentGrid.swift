import GeoCore

/// A uniform grid over the snappable segments of a ``RoadNetwork``, for nearest-segment queries.
///
/// Each segment (with finite ends) is listed in every cell its bounding box meets (cells in compressed rows, Int32
/// segment indices). The cell side is √(extent area ÷ segments), at least 1 m, so a cell holds
/// about one segment on average. A query scans rings of cells around the point's cell, nearest
/// first, and stops once the best distance is below the inner radius of the next ring or the
/// rings pass the limit.
/// - Complexity: build O(S + cells); a query O(segments in the rings scanned).
struct SegmentGrid: Sendable {
    let minX: Double, minY: Double, cellSize: Double
    let columns: Int, rows: Int
    let cellStart: [Int32]
    let cellSegments: [Int32]

    init(network: RoadNetwork) {
        let finite = { (c: Coordinate) in c.x.isFinite && c.y.isFinite }
        let candidates = network.segmentSnappable.indices.filter {
            network.segmentSnappable[$0] && finite(network.nodes[Int(network.segmentFrom[$0])]) && finite(network.nodes[Int(network.segmentTo[$0])])
        }
        var box = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
        for s in candidates {
            for c in [network.nodes[Int(network.segmentFrom[s])], network.nodes[Int(network.segmentTo[s])]] {
                box = (min(box.minX, c.x), min(box.minY, c.y), max(box.maxX, c.x), max(box.maxY, c.y))
            }
        }
        if candidates.isEmpty { box = (0, 0, 0, 0) }
        let area = max((box.maxX - box.minX) * (box.maxY - box.minY), 1)
        let side = max((area / Double(max(candidates.count, 1))).squareRoot(), 1)
        let (x0, y0) = (box.minX, box.minY)
        let width = Int((box.maxX - x0) / side) + 1, height = Int((box.maxY - y0) / side) + 1
        func forEachCell(_ body: (Int, Int) -> Void) {
            for s in candidates {
                let a = network.nodes[Int(network.segmentFrom[s])], b = network.nodes[Int(network.segmentTo[s])]
                let c0 = Int((min(a.x, b.x) - x0) / side), c1 = Int((max(a.x, b.x) - x0) / side)
                let r0 = Int((min(a.y, b.y) - y0) / side), r1 = Int((max(a.y, b.y) - y0) / side)
                for r in r0...r1 { for c in c0...c1 { body(r * width + c, s) } }
            }
        }
        var start = [Int32](repeating: 0, count: width * height + 1)
        forEachCell { cell, _ in start[cell + 1] += 1 }
        for k in 0..<(width * height) { start[k + 1] += start[k] }
        var fill = start
        var list = [Int32](repeating: 0, count: Int(start[width * height]))
        forEachCell { cell, s in
            list[Int(fill[cell])] = Int32(s)
            fill[cell] += 1
        }
        (minX, minY, cellSize, columns, rows, cellStart, cellSegments) = (x0, y0, side, width, height, start, list)
    }

    /// The nearest snappable segment to `p` within `limit` metres: its index, the fraction of the
    /// way from its first node to the nearest point, and the distance; ties go to the lower index.
    func nearest(to p: Coordinate, within limit: Double, in network: RoadNetwork) -> (segment: Int, fraction: Double, metres: Double)? {
        guard !cellSegments.isEmpty else { return nil }
        let cx = Int(((p.x - minX) / cellSize).rounded(.down).clamped(-1e9, 1e9))
        let cy = Int(((p.y - minY) / cellSize).rounded(.down).clamped(-1e9, 1e9))
        // Rings before the grid's nearest cell hold nothing: start where the grid begins.
        let gap = max(0, -cx, cx - (columns - 1), -cy, cy - (rows - 1))
        var best: (segment: Int, fraction: Double, metres: Double)?
        var ring = gap
        while true {
            let inner = Double(max(ring - 1, 0)) * cellSize
            if inner > limit { break }
            if let b = best, b.metres < inner { break }
            if ring > gap + max(columns, rows) { break }
            forEachCell(inRing: ring, cx, cy) { cell in
                for k in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                    let s = Int(cellSegments[k])
                    let (t, d) = Self.project(p, network.nodes[Int(network.segmentFrom[s])], network.nodes[Int(network.segmentTo[s])])
                    if d <= limit, best == nil || (d, s) < (best!.metres, best!.segment) { best = (s, t, d) }
                }
            }
            ring += 1
        }
        return best
    }

    private func forEachCell(inRing r: Int, _ cx: Int, _ cy: Int, _ body: (Int) -> Void) {
        let rowRange = max(cy - r, 0)...min(cy + r, rows - 1)
        guard !rowRange.isEmpty, max(cx - r, 0) <= min(cx + r, columns - 1) else { return }
        for y in rowRange {
            let edgeRow = y == cy - r || y == cy + r
            let xs = edgeRow ? Array(max(cx - r, 0)...min(cx + r, columns - 1)) : [cx - r, cx + r].filter { $0 >= 0 && $0 < columns }
            for x in xs { body(y * columns + x) }
        }
    }

    /// The fraction t ∈ [0, 1] of the way from `a` to `b` of the point nearest `p`, and its distance.
    static func project(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> (Double, Double) {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0), 1) : 0
        let qx = a.x + t * dx, qy = a.y + t * dy
        return (t, ((p.x - qx) * (p.x - qx) + (p.y - qy) * (p.y - qy)).squareRoot())
    }
}

extension Double {
    fileprivate func clamped(_ lo: Double, _ hi: Double) -> Double { isNaN ? 0 : Swift.min(Swift.max(self, lo), hi) }
}
