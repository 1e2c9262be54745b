import GeoCore

/// A uniform grid over points in a metric CRS, for radius and nearest-neighbour queries in pure
/// Swift (no GEOS round trip for points).
///
/// Points are bucketed by cell (`cellSize` metres) and stored cell by cell, so a query visits
/// only the cells that its disc overlaps.
/// - Complexity: build O(n log n); `within` O(cells overlapped + points in them); `nearest`
///   visits rings of cells outwards until no closer point can exist.
package struct PointGrid: Sendable {
    package let points: [Coordinate]
    package let cellSize: Double
    private let origin: Coordinate
    private var cells: [Int64: Range<Int>] = [:]
    private var order: [Int32] = []
    private let extent: (minX: Int, minY: Int, maxX: Int, maxY: Int)

    package init(_ points: [Coordinate], cellSize: Double) {
        precondition(cellSize > 0)
        self.points = points
        self.cellSize = cellSize
        var box = BoundingBox.empty
        for p in points { box.extend(p) }
        let origin = box.isEmpty ? Coordinate(x: 0, y: 0) : Coordinate(x: box.minX, y: box.minY)
        self.origin = origin
        let maxCell = box.isEmpty ? (0, 0) : Self.cell(Coordinate(x: box.maxX, y: box.maxY), origin, cellSize)
        extent = (0, 0, maxCell.0, maxCell.1)
        let keyed = points.indices.map { (key: Self.key(Self.cell(points[$0], origin, cellSize)), index: Int32($0)) }.sorted {
            ($0.key, $0.index) < ($1.key, $1.index)
        }
        order = keyed.map(\.index)
        var start = 0
        for i in keyed.indices.dropFirst() where keyed[i].key != keyed[start].key {
            cells[keyed[start].key] = start..<i
            start = i
        }
        if !keyed.isEmpty { cells[keyed[start].key] = start..<keyed.count }
    }

    /// A cell size for `n` points spread over `box`: about two points per cell.
    package static func suggestedCellSize(for points: [Coordinate]) -> Double {
        var box = BoundingBox.empty
        for p in points { box.extend(p) }
        let side = max(box.width, box.height)
        let area = max(box.width * box.height, side * side / Double(max(points.count, 1)), 1)
        return max(1, (2 * area / Double(max(points.count, 1))).squareRoot())
    }

    static func cell(_ p: Coordinate, _ origin: Coordinate, _ size: Double) -> (Int, Int) {
        (Int(((p.x - origin.x) / size).rounded(.down)), Int(((p.y - origin.y) / size).rounded(.down)))
    }

    static func key(_ c: (Int, Int)) -> Int64 { Int64(c.0) << 32 | Int64(UInt32(truncatingIfNeeded: c.1)) }

    /// Indices of the points within `radius` of `center`, with their distances, in index order.
    package func within(_ radius: Double, of center: Coordinate) -> [(index: Int, distance: Double)] {
        var found: [(index: Int, distance: Double)] = []
        forEach(within: radius, of: center) { found.append(($0, $1)) }
        return found.sorted { $0.index < $1.index }
    }

    /// Calls `body(index, distance)` for every point within `radius` of `center`, in no
    /// particular order, without building a list: the cells the disc's box overlaps, then the
    /// exact distance.
    package func forEach(within radius: Double, of center: Coordinate, _ body: (Int, Double) -> Void) {
        let lo = Self.cell(Coordinate(x: center.x - radius, y: center.y - radius), origin, cellSize)
        let hi = Self.cell(Coordinate(x: center.x + radius, y: center.y + radius), origin, cellSize)
        for cx in stride(from: max(lo.0, extent.minX), through: min(hi.0, extent.maxX), by: 1) {
            for cy in stride(from: max(lo.1, extent.minY), through: min(hi.1, extent.maxY), by: 1) {
                guard let range = cells[Self.key((cx, cy))] else { continue }
                for k in range {
                    let i = Int(order[k])
                    let d = points[i].distance(to: center)
                    if d <= radius { body(i, d) }
                }
            }
        }
    }

    /// How many points lie within `radius` of `center` and pass `accept` (given their distance),
    /// without building a list.
    package func count(within radius: Double, of center: Coordinate, accept: (Double) -> Bool = { _ in true }) -> Int {
        var n = 0
        forEach(within: radius, of: center) { _, d in if accept(d) { n += 1 } }
        return n
    }

    /// The nearest point to `p` (lowest index on ties), or nil when the grid is empty.
    package func nearest(to p: Coordinate) -> (index: Int, distance: Double)? {
        guard !points.isEmpty else { return nil }
        let c = Self.cell(p, origin, cellSize)
        var best: (index: Int, distance: Double)?
        func visit(_ cx: Int, _ cy: Int) {
            guard let range = cells[Self.key((cx, cy))] else { return }
            for k in range {
                let i = Int(order[k])
                let d = points[i].distance(to: p)
                if best == nil || d < best!.distance || (d == best!.distance && i < best!.index) { best = (i, d) }
            }
        }
        // Rings of cells around c, each clipped to the grid's extent (cells outside it are empty),
        // from the first ring that reaches the extent: a far origin or a grid of small cells
        // costs no walk through empty rings.
        let maxRing = max(abs(c.0 - extent.minX), abs(c.0 - extent.maxX), abs(c.1 - extent.minY), abs(c.1 - extent.maxY)) + 1
        var ring = max(0, extent.minX - c.0, c.0 - extent.maxX, extent.minY - c.1, c.1 - extent.maxY)
        while ring <= maxRing {
            if ring == 0 {
                visit(c.0, c.1)
            } else {
                let x0 = max(c.0 - ring, extent.minX), x1 = min(c.0 + ring, extent.maxX)
                for cy in stride(from: c.1 - ring, through: c.1 + ring, by: 2 * ring) where cy >= extent.minY && cy <= extent.maxY && x0 <= x1 {
                    for cx in x0...x1 { visit(cx, cy) }
                }
                let y0 = max(c.1 - ring + 1, extent.minY), y1 = min(c.1 + ring - 1, extent.maxY)
                for cx in stride(from: c.0 - ring, through: c.0 + ring, by: 2 * ring) where cx >= extent.minX && cx <= extent.maxX && y0 <= y1 {
                    for cy in y0...y1 { visit(cx, cy) }
                }
            }
            // Every point in ring r + 1 or beyond is at least r · cellSize away.
            if let best, best.distance <= Double(ring) * cellSize { break }
            ring += 1
        }
        return best
    }
}

extension PointGrid {
    /// The `k` nearest points to `p` other than `excluding`, nearest first (ties by index).
    package func nearest(_ k: Int, to p: Coordinate, excluding: Int? = nil) -> [Int] {
        guard k > 0, points.count > (excluding == nil ? 0 : 1) else { return [] }
        var radius = cellSize
        while true {
            let hits = within(radius, of: p).filter { $0.index != excluding }
            if hits.count >= k || hits.count == points.count - (excluding == nil ? 0 : 1) {
                return hits.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }.prefix(k).map(\.index)
            }
            radius *= 2
        }
    }
}
