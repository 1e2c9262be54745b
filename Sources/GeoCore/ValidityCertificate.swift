/// A fast, conservative proof that a polygonal geometry is valid in the OGC Simple Features
/// sense, as GEOS's `IsValidOp` judges it — so that the common case (a valid commune) needs no
/// GEOS geometry at all, and GEOS is asked only about the rest (DESIGN.md, "Validation").
///
/// `certifies(_:)` answers `true` only when it has proved validity; `false` means "not proved":
/// the caller asks GEOS, which gives the verdict, the reason and the repair. The proof is the
/// strict case of the OGC rules (OGC 06-103r4 §6.1.11.1; GEOS `IsValidOp`):
/// - every coordinate is finite, every ring closed with at least 4 positions once consecutive
///   repeats are dropped (GEOS's "Too few points");
/// - no two edges of any rings of the geometry meet, except consecutive edges of one ring at
///   their shared vertex — so every ring is simple and rings are pairwise disjoint (this is
///   stricter than OGC, which lets a hole touch its shell at a point: such cases go to GEOS);
/// - each hole lies inside its shell, no hole inside another hole of the same polygon, no shell
///   of a multipolygon inside another's shell (an island in a lake goes to GEOS). With disjoint
///   rings, one vertex decides each of these, and the interior is connected.
///
/// Predicates are exact where they answer: the orientation of three points is Shewchuk's
/// floating-point filter (`ccwerrboundA`, J. R. Shewchuk, "Adaptive Precision Floating-Point
/// Arithmetic and Fast Robust Geometric Predicates", Discrete Comput. Geom. 18, 1997); a sign the
/// filter cannot certify (nearly collinear points) makes the proof give up rather than guess.
/// Rings are cut into monotone chains (JTS `MonotoneChain`, as GEOS's noder does), swept in
/// order of their least x; chains whose boxes overlap are compared by halving (JTS
/// `MonotoneChain.computeOverlaps`), so edges are only compared when their boxes overlap. Its soundness is tested against GEOS on random polygons and on every
/// national commune.
///
/// - Complexity: O(n log n) for n edges in the usual case (each chain meets a few others);
///   O(n²) at worst (many chains crossing one vertical line).
package struct ValidityCertificate {
    /// Every ring's positions, consecutive repeats dropped, each ring closed; ring r's edges go
    /// from `points[g]` to `points[g + 1]` for g in `ringStart[r] ..< ringStart[r] + ringEdges[r]`.
    private var points: [Coordinate] = []
    private var ringStart: [Int32] = []
    private var ringEdges: [Int32] = []
    private var chains: [Chain] = []
    private var order: [Int32] = []
    private var active: [Int32] = []

    package init() {}

    /// A monotone chain (JTS `MonotoneChain`): consecutive edges of one ring whose directions
    /// lie in one quadrant, so its x and y both only grow or only shrink: two of its edges meet
    /// only when consecutive, at their shared vertex, and any run of it is boxed by its ends.
    private struct Chain {
        var ring: Int32, first: Int32, last: Int32
        var minX: Double, maxX: Double, minY: Double, maxY: Double
    }

    /// Whether `geometry` is proved valid (a `.polygon` or `.multiPolygon`; other types: false).
    package mutating func certifies(_ geometry: Geometry) -> Bool {
        let polygons: [Polygon]
        switch geometry {
        case .polygon(let p): polygons = [p]
        case .multiPolygon(let ps): polygons = ps
        default: return false
        }
        guard !polygons.isEmpty else { return false }
        points.removeAll(keepingCapacity: true)
        ringStart.removeAll(keepingCapacity: true)
        ringEdges.removeAll(keepingCapacity: true)
        chains.removeAll(keepingCapacity: true)
        for polygon in polygons {
            guard !polygon.isEmpty else { return false }
            for ring in polygon.rings {
                guard addRing(ring) else { return false }
            }
        }
        guard chainsMeetProperly() else { return false }
        return ringsAreProperlyNested(polygons)
    }

    /// Appends a ring without consecutive repeats and cuts it into monotone chains; false if the
    /// ring is open, has fewer than 3 edges or holds a non-finite coordinate.
    private mutating func addRing(_ ring: [Coordinate]) -> Bool {
        guard ring.count >= 4, ring[0] == ring[ring.count - 1] else { return false }
        let start = points.count
        points.append(contentsOf: ring)
        // Drop consecutive repeats in place (rare) and check every position is finite.
        let kept: Int? = points.withUnsafeMutableBufferPointer { p in
            var previous = p[start]
            guard previous.isFinite else { return nil }
            var n = start + 1
            for k in (start + 1)..<p.count {
                let c = p[k]
                if c == previous { continue }
                guard c.isFinite else { return nil }
                p[n] = c
                n += 1
                previous = c
            }
            return n
        }
        guard let kept else { return false }
        points.removeLast(points.count - kept)
        let edgeCount = kept - 1 - start
        guard edgeCount >= 3 else { return false }
        let r = Int32(ringStart.count)
        ringStart.append(Int32(start))
        ringEdges.append(Int32(edgeCount))
        points.withUnsafeBufferPointer { p in
            func chain(_ first: Int, _ last: Int) -> Chain {
                let a = p[first], b = p[last]
                return Chain(ring: r, first: Int32(first), last: Int32(last),
                             minX: min(a.x, b.x), maxX: max(a.x, b.x), minY: min(a.y, b.y), maxY: max(a.y, b.y))
            }
            var first = start
            var quadrant = Self.quadrant(p[start], p[start + 1])
            for g in (start + 1)..<(start + edgeCount) {
                let q = Self.quadrant(p[g], p[g + 1])
                if q != quadrant {
                    chains.append(chain(first, g))
                    first = g
                    quadrant = q
                }
            }
            chains.append(chain(first, start + edgeCount))
        }
        return true
    }

    /// JTS `Quadrant.quadrant`: 0 NE, 1 NW, 2 SW, 3 SE (an axis direction goes to one of its sides).
    private static func quadrant(_ a: Coordinate, _ b: Coordinate) -> Int {
        let east = b.x >= a.x, north = b.y >= a.y
        return east ? (north ? 0 : 3) : (north ? 1 : 2)
    }

    /// The sweep over chain boxes in order of least x: chains whose boxes overlap are compared
    /// run against run (the longer run halved until single edges, boxes pruning as they go).
    private mutating func chainsMeetProperly() -> Bool {
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: 0..<Int32(chains.count))
        var active = self.active
        self.active = []
        active.removeAll(keepingCapacity: true)
        defer { self.active = active }
        return points.withUnsafeBufferPointer { points in
            ringEdges.withUnsafeBufferPointer { ringEdges in
                chains.withUnsafeBufferPointer { c in
                    let edges = Edges(points: points, ringEdges: ringEdges)
                    // A few chains (most communes): every pair, no sort.
                    if c.count <= 24 {
                        for i in 0..<c.count {
                            for j in (i + 1)..<c.count
                            where !(c[i].maxX < c[j].minX || c[j].maxX < c[i].minX || c[i].maxY < c[j].minY || c[j].maxY < c[i].minY) {
                                guard edges.runsMeetProperly(c[i].ring, Int(c[i].first), Int(c[i].last), c[j].ring, Int(c[j].first), Int(c[j].last)) else {
                                    return false
                                }
                            }
                        }
                        return true
                    }
                    order.sort { c[Int($0)].minX < c[Int($1)].minX }
                    for s in order {
                        let chain = c[Int(s)]
                        var k = 0
                        while k < active.count {
                            let other = c[Int(active[k])]
                            if other.maxX < chain.minX {
                                active[k] = active[active.count - 1]
                                active.removeLast()
                                continue
                            }
                            k += 1
                            if other.maxY < chain.minY || other.minY > chain.maxY { continue }
                            guard edges.runsMeetProperly(chain.ring, Int(chain.first), Int(chain.last), other.ring, Int(other.first), Int(other.last)) else {
                                return false
                            }
                        }
                        active.append(s)
                    }
                    return true
                }
            }
        }
    }

    /// The rings' edges seen through buffers (no array retained in the recursion).
    private struct Edges {
        let points: UnsafeBufferPointer<Coordinate>
        let ringEdges: UnsafeBufferPointer<Int32>

        /// Whether the edges of run [a0, a1] of one chain and run [b0, b1] of another (vertex
        /// indices into `points`) meet only as a valid ring allows.
        func runsMeetProperly(_ ra: Int32, _ a0: Int, _ a1: Int, _ rb: Int32, _ b0: Int, _ b1: Int) -> Bool {
            let p = points[a0], q = points[a1], u = points[b0], v = points[b1]
            if max(p.x, q.x) < min(u.x, v.x) || max(u.x, v.x) < min(p.x, q.x) || max(p.y, q.y) < min(u.y, v.y) || max(u.y, v.y) < min(p.y, q.y) { return true }
            if a1 - a0 == 1 && b1 - b0 == 1 { return edgesMeetProperly(ra, a0, rb, b0) }
            if a1 - a0 >= b1 - b0 {
                let mid = (a0 + a1) / 2
                return runsMeetProperly(ra, a0, mid, rb, b0, b1) && runsMeetProperly(ra, mid, a1, rb, b0, b1)
            }
            let mid = (b0 + b1) / 2
            return runsMeetProperly(ra, a0, a1, rb, b0, mid) && runsMeetProperly(ra, a0, a1, rb, mid, b1)
        }

        /// Edges g and h (starting at those vertex indices): proved not to meet, or, when
        /// consecutive in one ring, to meet only at their shared vertex.
        func edgesMeetProperly(_ rg: Int32, _ g: Int, _ rh: Int32, _ h: Int) -> Bool {
            if rg == rh {
                let n = Int(ringEdges[Int(rg)])
                let d = abs(g - h)
                if d == 1 || d == n - 1 {
                    // first → second: the edge whose end is the other's start comes first.
                    let (first, second) = (g + 1 == h || (d == n - 1 && g > h)) ? (g, h) : (h, g)
                    return Predicates.meetOnlyAtSharedEnd(points[first], points[first + 1], points[second + 1])
                }
            }
            return Predicates.certainlyDisjoint(points[g], points[g + 1], points[h], points[h + 1])
        }
    }

    /// Holes inside their shell and not inside each other; no shell inside another shell. A ring
    /// can only lie inside another whose box holds its box.
    private func ringsAreProperlyNested(_ polygons: [Polygon]) -> Bool {
        for polygon in polygons where polygon.rings.count > 1 {
            let shell = polygon.exterior
            let holes = Array(polygon.holes)
            for hole in holes where Predicates.inside(hole[0], shell) != true { return false }
            guard holes.count > 1 else { continue }
            guard Self.noneInsideAnother(holes) else { return false }
        }
        return polygons.count == 1 || Self.noneInsideAnother(polygons.map(\.exterior))
    }

    private static func noneInsideAnother(_ rings: [[Coordinate]]) -> Bool {
        let boxes = rings.map(Self.box)
        for i in rings.indices {
            for j in rings.indices where j != i && boxes[j].contains(boxes[i]) {
                guard Predicates.inside(rings[i][0], rings[j]) == false else { return false }
            }
        }
        return true
    }

    private static func box(_ ring: [Coordinate]) -> BoundingBox {
        var box = BoundingBox.empty
        for c in ring { box.extend(c) }
        return box
    }
}
