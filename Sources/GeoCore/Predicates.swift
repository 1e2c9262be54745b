/// Planar predicates whose answers are exact or withheld: each computes in floating point with
/// an error bound and answers only when the bound proves the sign (`nil` otherwise).
///
/// Orientation: det = (a − c) × (b − c), certain when |det| > (3 + 16ε)ε · (|(aₓ−cₓ)(b_y−c_y)| +
/// |(a_y−c_y)(bₓ−cₓ)|), ε = 2⁻⁵³ — Shewchuk's `ccwerrboundA` ("Adaptive Precision Floating-Point
/// Arithmetic and Fast Robust Geometric Predicates", Discrete Comput. Geom. 18:305–363, 1997).
/// Used by `ValidityCertificate`, which gives up (and lets GEOS decide) on any withheld answer.
package enum Predicates {
    private static let epsilon = Double.ulpOfOne / 2
    private static let orientationBound = (3 + 16 * epsilon) * epsilon

    /// The side of `c` from the line a→b: +1 left (counter-clockwise), −1 right, nil when the
    /// floating-point filter cannot prove the sign (collinear or nearly so).
    @inlinable
    static func orientation(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate) -> Int? {
        let left = (a.x - c.x) * (b.y - c.y)
        let right = (a.y - c.y) * (b.x - c.x)
        let det = left - right
        let bound = orientationBoundValue * (abs(left) + abs(right))
        if det > bound { return 1 }
        if -det > bound { return -1 }
        return nil
    }

    @usableFromInline
    static var orientationBoundValue: Double { orientationBound }

    /// Whether segments ab and cd are proved not to meet: the endpoints of one lie strictly on
    /// one side of the other's line (their boxes are assumed to overlap).
    static func certainlyDisjoint(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate, _ d: Coordinate) -> Bool {
        if let oc = orientation(a, b, c), let od = orientation(a, b, d), oc == od { return true }
        if let oa = orientation(c, d, a), let ob = orientation(c, d, b), oa == ob { return true }
        return false
    }

    /// Whether consecutive edges p→q and q→r are proved to meet only at q: they turn (a certain
    /// orientation), or they go on in opposite directions (a certainly negative dot product).
    static func meetOnlyAtSharedEnd(_ p: Coordinate, _ q: Coordinate, _ r: Coordinate) -> Bool {
        if orientation(p, q, r) != nil { return true }
        let ux = p.x - q.x, uy = p.y - q.y, vx = r.x - q.x, vy = r.y - q.y
        let dot = ux * vx + uy * vy
        // Differences, products and the sum each round once: 16ε of the terms is a safe bound.
        return dot < -16 * epsilon * (abs(ux * vx) + abs(uy * vy))
    }

    /// Whether `point` is inside the closed `ring` (even–odd rule on a ray towards +x), nil when
    /// the point is on or too near an edge crossing the ray for the filter to decide.
    package static func inside(_ point: Coordinate, _ ring: [Coordinate]) -> Bool? {
        var inside = false
        for i in 1..<ring.count {
            let a = ring[i - 1], b = ring[i]
            guard (a.y > point.y) != (b.y > point.y) else { continue }
            guard point.x <= max(a.x, b.x) else { continue }
            if point.x < min(a.x, b.x) { inside.toggle(); continue }
            guard let side = orientation(a, b, point) else { return nil }
            // An upward edge crosses the ray right of the point when the point is on its left.
            if (side > 0) == (b.y > a.y) { inside.toggle() }
        }
        return inside
    }
}
