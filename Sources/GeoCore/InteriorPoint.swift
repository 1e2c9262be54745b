/// Planar area and interior point of polygons in pure Swift, computed as GEOS computes them, so
/// that a study's representative points and surfaces need no GEOS geometry (DESIGN.md,
/// "Representative point").
///
/// - Area: GEOS `Area::ofRingSigned` — the shoelace formula with x shifted by the first
///   vertex, |exterior| − Σ |holes|, summed over the polygons.
/// - Interior point: GEOS `InteriorPointArea` (JTS, M. Davis): for each polygon a horizontal
///   scan line is drawn at the mid-height between the two vertex ordinates closest to the centre
///   of its envelope (so it passes through no vertex); the line's crossings with every ring are
///   sorted, and the midpoint of the widest inside section is the polygon's point; over a
///   multipolygon the polygon with the widest section wins (the first on ties). A polygon with
///   no section (zero area) gives its first vertex.
///   Source: GEOS 3.11 `src/algorithm/InteriorPointArea.cpp`; JTS `InteriorPointArea.java`.
/// Equality with GEOS's `GEOSArea` and `GEOSPointOnSurface` is tested on the sample communes.
package enum PlanarMeasures {
    /// Signed area of a closed ring, GEOS's formula: positive for counter-clockwise rings.
    package static func signedArea(ofRing ring: [Coordinate]) -> Double {
        let n = ring.count
        guard n >= 3 else { return 0 }
        return ring.withUnsafeBufferPointer { r in
            let x0 = r[0].x
            var p0y = 0.0
            var p1 = r[0]
            var p2 = Coordinate(x: r[1].x - x0, y: r[1].y)
            var sum = 0.0
            for i in 1..<(n - 1) {
                p0y = p1.y
                p1 = p2
                p2 = Coordinate(x: r[i + 1].x - x0, y: r[i + 1].y)
                sum += p1.x * (p0y - p2.y)
            }
            return sum / 2
        }
    }

    /// Area of a polygon: its exterior's minus its holes'.
    package static func area(_ polygon: Polygon) -> Double {
        guard let exterior = polygon.rings.first else { return 0 }
        var a = abs(signedArea(ofRing: exterior))
        for hole in polygon.rings.dropFirst() { a -= abs(signedArea(ofRing: hole)) }
        return a
    }

    /// Area of a polygonal geometry (0 for other types).
    package static func area(_ geometry: Geometry) -> Double {
        geometry.polygons.reduce(0) { $0 + area($1) }
    }

    /// The interior point of a polygonal geometry, or nil when it has no polygon.
    package static func interiorPoint(_ geometry: Geometry) -> Coordinate? {
        var best: Coordinate?
        var maxWidth = -1.0
        var crossings: [Double] = []
        for polygon in geometry.polygons where !polygon.isEmpty {
            let (point, width) = interiorPoint(polygon, crossings: &crossings)
            if width > maxWidth {
                maxWidth = width
                best = point
            }
        }
        return best
    }

    /// One polygon's scan-line point and the width of its section (0 when none).
    static func interiorPoint(_ polygon: Polygon, crossings: inout [Double]) -> (Coordinate, Double) {
        let y = scanLineY(polygon)
        crossings.removeAll(keepingCapacity: true)
        for ring in polygon.rings {
            var lo = Double.infinity, hi = -Double.infinity
            for c in ring { lo = min(lo, c.y); hi = max(hi, c.y) }
            guard !ring.isEmpty, y >= lo, y <= hi else { continue }
            for i in 1..<ring.count {
                let p0 = ring[i - 1], p1 = ring[i]
                if p0.y > y && p1.y > y { continue }
                if p0.y < y && p1.y < y { continue }
                if p0.y == p1.y { continue }
                if p0.y == y && p1.y < y { continue }  // a downward edge leaves out its start
                if p1.y == y && p0.y < y { continue }  // an upward edge leaves out its end
                crossings.append(crossingX(p0, p1, y))
            }
        }
        var point = polygon.rings[0][0]
        var width = 0.0
        guard !crossings.isEmpty else { return (point, width) }
        crossings.sort()
        var i = 0
        while i + 1 < crossings.count {
            let x1 = crossings[i], x2 = crossings[i + 1]
            if x2 - x1 > width {
                width = x2 - x1
                point = Coordinate(x: (x1 + x2) / 2, y: y)
            }
            i += 2
        }
        return (point, width)
    }

    /// GEOS `ScanLineYOrdinateFinder`: mid-height between the vertex ordinates nearest the
    /// envelope's centre, from below and from above.
    static func scanLineY(_ polygon: Polygon) -> Double {
        var loY = Double.infinity, hiY = -Double.infinity
        for c in polygon.exterior { loY = min(loY, c.y); hiY = max(hiY, c.y) }
        let centreY = (loY + hiY) / 2
        for ring in polygon.rings {
            for c in ring {
                if c.y <= centreY {
                    if c.y > loY { loY = c.y }
                } else if c.y < hiY {
                    hiY = c.y
                }
            }
        }
        return (hiY + loY) / 2
    }

    /// x where the segment p0–p1 crosses the horizontal line at `y` (GEOS's formula, slope first).
    static func crossingX(_ p0: Coordinate, _ p1: Coordinate, _ y: Double) -> Double {
        if p0.x == p1.x { return p0.x }
        let m = (p1.y - p0.y) / (p1.x - p0.x)
        return p0.x + (y - p0.y) / m
    }
}
