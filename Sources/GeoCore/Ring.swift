/// Planar ring measures used by readers and writers (pure Swift, no GEOS needed).
public enum Ring {
    /// Signed area by the shoelace formula: positive for counter-clockwise rings.
    ///
    /// A = ½ Σ (xᵢ·yᵢ₊₁ − xᵢ₊₁·yᵢ); coordinates are shifted by the first vertex first,
    /// which keeps precision for projected coordinates in the millions of metres.
    public static func signedArea(_ ring: [Coordinate]) -> Double {
        guard ring.count >= 3 else { return 0 }
        let o = ring[0]
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            let a = ring[i], b = ring[i + 1]
            sum += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y)
        }
        return sum / 2
    }

    /// Whether the ring's first and last positions are equal; an empty ring counts as closed.
    public static func isClosed(_ ring: [Coordinate]) -> Bool {
        guard let first = ring.first, let last = ring.last else { return true }
        return first == last
    }

    /// The ring turned to the wanted orientation (RFC 7946 §3.1.6: exteriors
    /// counter-clockwise, holes clockwise).
    public static func oriented(_ ring: [Coordinate], counterClockwise: Bool) -> [Coordinate] {
        let area = signedArea(ring)
        if area == 0 || (area > 0) == counterClockwise { return ring }
        return ring.reversed()
    }
}

extension Ring {
    /// Whether `point` is inside the closed `ring` (even–odd crossing rule; points exactly on
    /// the boundary may go either way).
    ///
    /// - Complexity: O(n) in the ring's vertices.
    public static func contains(_ ring: [Coordinate], _ point: Coordinate) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a.y > point.y) != (b.y > point.y) {
                let x = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x)
                if point.x < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}

extension Ring {
    /// Whether `point` lies on one of the ring's edges (exactly, in floating point: zero cross
    /// product and inside the edge's box).
    public static func touches(_ ring: [Coordinate], _ point: Coordinate) -> Bool {
        guard ring.count >= 2 else { return false }
        for i in 1..<ring.count {
            let a = ring[i - 1], b = ring[i]
            guard point.x >= min(a.x, b.x), point.x <= max(a.x, b.x), point.y >= min(a.y, b.y), point.y <= max(a.y, b.y) else { continue }
            if (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x) == 0 { return true }
        }
        return false
    }
}

extension Polygon {
    /// Whether `point` is inside the polygon or on its boundary (GEOS's `covers` for a point).
    public func covers(_ point: Coordinate) -> Bool {
        if rings.contains(where: { Ring.touches($0, point) }) { return true }
        return contains(point)
    }

    /// Whether `point` is inside the exterior ring and outside every hole (even–odd rule).
    public func contains(_ point: Coordinate) -> Bool {
        guard Ring.contains(exterior, point) else { return false }
        return !holes.contains { Ring.contains($0, point) }
    }
}

extension Geometry {
    /// Whether `point` is inside one of the polygons (false for non-polygonal geometries).
    public func contains(_ point: Coordinate) -> Bool {
        polygons.contains { $0.contains(point) }
    }

    /// Whether `point` is inside one of the polygons or on a boundary (false for non-polygonal geometries).
    public func covers(_ point: Coordinate) -> Bool {
        polygons.contains { $0.covers(point) }
    }
}
