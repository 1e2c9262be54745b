import Foundation
import GeoCore
import Testing

/// ``LatticeCoverage`` against closed forms and against an independent per-cell clipping
/// (Sutherland–Hodgman of each ring by each cell, shoelace areas), on random star polygons
/// with holes, both orientations, on lattices whose origin is not the polygon's.
@Suite struct LatticeCoverageTests {
    static func shares(_ polygons: [Polygon], _ lattice: LatticeCoverage) -> [[Int]: Double] {
        var out: [[Int]: Double] = [:]
        lattice.forEachCoveredCell(of: polygons) { i, j, share in out[[i, j]] = share }
        return out
    }

    static func square(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> [Coordinate] {
        [Coordinate(x: x, y: y), Coordinate(x: x + w, y: y), Coordinate(x: x + w, y: y + h), Coordinate(x: x, y: y + h), Coordinate(x: x, y: y)]
    }

    @Test func anAlignedRectangleCoversWholeCells() {
        let s = Self.shares([Polygon(exterior: Self.square(200, 400, 400, 200))], LatticeCoverage(originX: 0, originY: 0, size: 200))
        #expect(s == [[1, 2]: 1, [2, 2]: 1])
    }

    @Test func aShiftedSquareSplitsInQuarters() {
        // A 200 m square centred on a lattice node: a quarter in each of four cells, clockwise or not.
        let ring = Self.square(100, 100, 200, 200)
        for r in [ring, ring.reversed()] {
            let s = Self.shares([Polygon(exterior: r)], LatticeCoverage(originX: 0, originY: 0, size: 200))
            #expect(s.count == 4 && s.values.allSatisfy { abs($0 - 0.25) < 1e-12 }, "\(s)")
        }
    }

    @Test func aTriangleAndAHole() {
        // Triangle (0,0) (2,0) (0,2) on unit cells: (0,0) full, (1,0) and (0,1) halves.
        let t = [Coordinate(x: 0, y: 0), Coordinate(x: 2, y: 0), Coordinate(x: 0, y: 2), Coordinate(x: 0, y: 0)]
        let s = Self.shares([Polygon(exterior: t)], LatticeCoverage(originX: 0, originY: 0, size: 1))
        #expect(s == [[0, 0]: 1, [1, 0]: 0.5, [0, 1]: 0.5])
        // A 3×3 square with the middle cell's centre quarter cut out (hole, either orientation).
        for hole in [Self.square(1.25, 1.25, 0.5, 0.5), Self.square(1.25, 1.25, 0.5, 0.5).reversed()] {
            let h = Self.shares([Polygon(exterior: Self.square(0, 0, 3, 3), holes: [hole])], LatticeCoverage(originX: 0, originY: 0, size: 1))
            #expect(h.count == 9 && abs(h[[1, 1]]! - 0.75) < 1e-12 && h.filter { $0.key != [1, 1] }.values.allSatisfy { abs($0 - 1) < 1e-12 })
        }
    }

    /// Area of `ring` ∩ [x0, x1] × [y0, y1] by Sutherland–Hodgman (exact for any simple ring
    /// against a convex window).
    static func clippedArea(_ ring: [Coordinate], _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Double {
        var poly = Array(ring.dropLast())
        let edges: [(Coordinate) -> Double] = [{ $0.x - x0 }, { x1 - $0.x }, { $0.y - y0 }, { y1 - $0.y }]
        for inside in edges {
            guard !poly.isEmpty else { break }
            var out: [Coordinate] = []
            for k in poly.indices {
                let a = poly[k], b = poly[(k + 1) % poly.count]
                let da = inside(a), db = inside(b)
                if da >= 0 { out.append(a) }
                if (da >= 0) != (db >= 0) {
                    let t = da / (da - db)
                    out.append(Coordinate(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
                }
            }
            poly = out
        }
        guard poly.count >= 3 else { return 0 }
        return abs(Ring.signedArea(poly + [poly[0]]))
    }

    static func star(_ rng: inout SeededGenerator, cx: Double, cy: Double, radius: Double, points: Int) -> [Coordinate] {
        var ring = (0..<points).map { k -> Coordinate in
            let angle = Double(k) / Double(points) * 2 * .pi
            let r = radius * Double.random(in: 0.4...1, using: &rng)
            return Coordinate(x: cx + r * cos(angle), y: cy + r * sin(angle))
        }
        ring.append(ring[0])
        return Bool.random(using: &rng) ? ring : ring.reversed()
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8]) func randomStarsWithHolesMatchPerCellClipping(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let size = [200.0, 1_000, 37.5][Int(seed) % 3]
        let lattice = LatticeCoverage(originX: 3_210_000 + 13.7 * Double(seed), originY: 2_040_000 - 7.1 * Double(seed), size: size)
        let cx = lattice.originX + size * Double.random(in: 10...20, using: &rng), cy = lattice.originY + size * Double.random(in: -20...20, using: &rng)
        let outer = Self.star(&rng, cx: cx, cy: cy, radius: size * 6, points: 40)
        let hole = Self.star(&rng, cx: cx, cy: cy, radius: size * 1.5, points: 12)
        let second = Self.star(&rng, cx: cx + size * 20, cy: cy, radius: size * 3, points: 17)
        let polygons = [Polygon(exterior: outer, holes: [hole]), Polygon(exterior: second)]
        let got = Self.shares(polygons, lattice)
        var expected: [[Int]: Double] = [:]
        for i in -5...50 {
            for j in -40...40 {
                let x0 = lattice.originX + Double(i) * size, y0 = lattice.originY + Double(j) * size
                let area = Self.clippedArea(outer, x0, y0, x0 + size, y0 + size) - Self.clippedArea(hole, x0, y0, x0 + size, y0 + size)
                    + Self.clippedArea(second, x0, y0, x0 + size, y0 + size)
                if area / (size * size) > 1e-9 { expected[[i, j]] = area / (size * size) }
            }
        }
        #expect(Set(got.keys.filter { got[$0]! > 1e-9 }) == Set(expected.keys), "seed \(seed)")
        let worst = expected.map { abs((got[$0.key] ?? 0) - $0.value) }.max() ?? 0
        #expect(worst < 1e-9, "seed \(seed): worst share difference \(worst)")
        // The shares add up to the polygons' area.
        let total = got.values.reduce(0, +) * size * size
        let area = abs(Ring.signedArea(outer)) - abs(Ring.signedArea(hole)) + abs(Ring.signedArea(second))
        #expect(abs(total - area) < 1e-6 * area, "seed \(seed)")
    }

    /// A polygon of 9 million cells is accumulated in bands of rows (bounded memory): the
    /// shares add up to its area, and the cells on the bands' seams equal per-cell clipping.
    @Test func largePolygonsAreAccumulatedInBands() {
        var rng = SeededGenerator(seed: 9)
        let ring = Self.star(&rng, cx: 1_500, cy: 1_500, radius: 1_500, points: 60)
        let lattice = LatticeCoverage(originX: 0, originY: 0, size: 1)
        var total = 0.0
        var seam: [[Int]: Double] = [:]
        lattice.forEachCoveredCell(of: [Polygon(exterior: ring)]) { i, j, share in
            total += share
            if (1_390...1_400).contains(j) || (2_790...2_800).contains(j) { seam[[i, j]] = share }
        }
        #expect(abs(total - abs(Ring.signedArea(ring))) < 1e-6 * abs(Ring.signedArea(ring)), "seed 9")
        for (cell, share) in seam where share < 1 {
            let x = Double(cell[0]), y = Double(cell[1])
            #expect(abs(share - Self.clippedArea(ring, x, y, x + 1, y + 1)) < 1e-9, "seed 9: cell \(cell)")
        }
    }
}
