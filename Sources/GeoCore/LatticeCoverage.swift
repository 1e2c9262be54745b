/// The exact share of each square cell of a regular grid (a lattice) that a polygon covers:
/// the areal weights that move counts from a population grid to communes, without an overlay
/// per cell.
///
/// The lattice has its cells' lower-left corners at (x₀ + i·s, y₀ + j·s). For a polygon P, the
/// covered share of cell (i, j) is |P ∩ cell| / s², computed for every cell of P's bounding box
/// at once by **signed-area accumulation** (the exact-coverage rasteriser of font renderers:
/// R. Levien, "font-rs", 2016; the same idea as D. Baston's `exactextract`): with u, v the
/// positions in cell units, the indicator of a polygon whose exterior rings run
/// counter-clockwise is, at (u, v), the sum over the edges that cross the horizontal line at
/// v left of u of −sign(dv). Integrated over cell (i, j),
///
///     share(i, j) = −Σ_edges ∫_{edge ∩ row j} clamp(i + 1 − u(v), 0, 1) dv,
///
/// and each edge piece inside one cell (i, j), from v₁ to v₂ with mid-abscissa ū, adds
/// −(v₂ − v₁)·(i + 1 − ū) to cell i and −(v₂ − v₁)·(ū − i) to cell i + 1, so that a running sum
/// along the row gives every share (cells right of the piece get its whole −(v₂ − v₁)). Holes
/// subtract: each ring is oriented (exterior counter-clockwise, holes clockwise) by its signed
/// area before it is accumulated. Exact up to rounding (≈ 1e-15 per edge piece).
///
/// - Complexity: O(edge pieces + cells of the bounding box), no allocation per cell.
public struct LatticeCoverage: Sendable {
    /// x₀, y₀: the lower-left corner of the cell (0, 0).
    public var originX: Double
    /// See ``originX``.
    public var originY: Double
    /// s: the cells' side.
    public var size: Double

    /// The lattice with cell (0, 0) at (`originX`, `originY`) and cells of side `size` > 0.
    public init(originX: Double, originY: Double, size: Double) {
        precondition(size > 0)
        self.originX = originX
        self.originY = originY
        self.size = size
    }

    /// Shares below this are rounding noise of the accumulation, not coverage.
    public static let noise = 1e-12

    /// Calls `visit(column, row, share)` for every cell of the lattice that the polygons cover
    /// (share in (0, 1], rows ascending then columns ascending); the polygons are one area (a
    /// commune's parts), assumed not to overlap each other.
    public func forEachCoveredCell(of polygons: [Polygon], _ visit: (Int, Int, Double) throws -> Void) rethrows {
        var minU = Double.infinity, minV = Double.infinity, maxU = -Double.infinity, maxV = -Double.infinity
        for p in polygons {
            for c in p.exterior {
                let u = (c.x - originX) / size, v = (c.y - originY) / size
                minU = Swift.min(minU, u); maxU = Swift.max(maxU, u); minV = Swift.min(minV, v); maxV = Swift.max(maxV, v)
            }
        }
        guard minU.isFinite, maxU.isFinite, minV.isFinite, maxV.isFinite, maxU > minU, maxV > minV else { return }
        let col0 = Int(minU.rounded(.down)), row0 = Int(minV.rounded(.down))
        let width = Swift.max(1, Int(maxU.rounded(.up)) - col0), height = Swift.max(1, Int(maxV.rounded(.up)) - row0)
        // Rows in bands of at most ``bandCells`` cells: the memory stays bounded whatever the
        // polygon's size in cells (a fine lattice over a large commune).
        let bandRows = Swift.max(1, Swift.min(height, Self.bandCells / (width + 1)))
        for bandStart in stride(from: 0, to: height, by: bandRows) {
            let bandHeight = Swift.min(bandRows, height - bandStart)
            var buffer = Accumulator(width: width, height: bandHeight)
            let v0 = Double(row0 + bandStart)
            for p in polygons {
                for (r, ring) in p.rings.enumerated() where ring.count >= 4 {
                    let area = Ring.signedArea(ring)
                    guard area != 0 else { continue }
                    // Exteriors count positively when counter-clockwise, holes negatively.
                    let sign: Double = (area > 0) == (r == 0) ? 1 : -1
                    for k in 1..<ring.count {
                        let a = ring[k - 1], b = ring[k]
                        buffer.add(
                            u0: (a.x - originX) / size - Double(col0), v0: (a.y - originY) / size - v0,
                            u1: (b.x - originX) / size - Double(col0), v1: (b.y - originY) / size - v0, sign: sign)
                    }
                }
            }
            for row in 0..<bandHeight {
                var running = 0.0
                let base = row * (width + 1)
                for column in 0..<width {
                    running += buffer.cells[base + column]
                    if running > Self.noise { try visit(col0 + column, row0 + bandStart + row, Swift.min(1, running)) }
                }
            }
        }
    }

    /// The most cells accumulated at once (32 MB of increments).
    static let bandCells = 4_194_304

    /// Per row of the bounding box, `width + 1` cells of increments whose running sum is the share.
    struct Accumulator {
        let width: Int
        let height: Int
        var cells: [Double]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            cells = [Double](repeating: 0, count: height * (width + 1))
        }

        /// Accumulates the edge from (u0, v0) to (u1, v1), in cell units relative to the box's
        /// lower-left cell, times `sign`: split at every row, then at every column it crosses.
        mutating func add(u0: Double, v0: Double, u1: Double, v1: Double, sign: Double) {
            guard v0 != v1 else { return }
            let low = Swift.min(v0, v1), high = Swift.max(v0, v1)
            let firstRow = Swift.max(0, Int(low.rounded(.down))), lastRow = Swift.min(height - 1, Int(high.rounded(.up)) - 1)
            guard firstRow <= lastRow else { return }
            let slope = (u1 - u0) / (v1 - v0)
            for row in firstRow...lastRow {
                // The piece of the edge inside the row, in the edge's direction.
                let ya = Swift.min(Swift.max(v0, Double(row)), Double(row + 1)), yb = Swift.min(Swift.max(v1, Double(row)), Double(row + 1))
                guard ya != yb else { continue }
                addInRow(row, ua: u0 + (ya - v0) * slope, va: ya, ub: u0 + (yb - v0) * slope, vb: yb, sign: sign)
            }
        }

        /// Splits a piece inside one row at the column lines it crosses and adds each part.
        mutating func addInRow(_ row: Int, ua: Double, va: Double, ub: Double, vb: Double, sign: Double) {
            let base = row * (width + 1)
            let left = Swift.min(ua, ub), right = Swift.max(ua, ub)
            var line = left.rounded(.down) + 1
            var fromU = ua, fromV = va
            if line >= right {
                part(base, fromU, fromV, ub, vb, sign)
                return
            }
            // Column lines strictly between the ends, in the piece's direction.
            let step: Double = ub > ua ? 1 : -1
            var x = ub > ua ? line : right.rounded(.up) - 1
            while x > left && x < right {
                let v = va + (x - ua) / (ub - ua) * (vb - va)
                part(base, fromU, fromV, x, v, sign)
                fromU = x
                fromV = v
                x += step
            }
            part(base, fromU, fromV, ub, vb, sign)
        }

        /// A piece inside one cell: −dv·(i + 1 − ū) to cell i, −dv·(ū − i) to cell i + 1.
        mutating func part(_ base: Int, _ ua: Double, _ va: Double, _ ub: Double, _ vb: Double, _ sign: Double) {
            let dv = (vb - va) * sign
            guard dv != 0 else { return }
            let mid = (ua + ub) / 2
            let column = Swift.min(Swift.max(0, Int(mid.rounded(.down))), width - 1)
            let inCell = Swift.min(Swift.max(mid - Double(column), 0), 1)
            cells[base + column] -= dv * (1 - inCell)
            cells[base + column + 1] -= dv * inCell
        }
    }
}
