import GeoCore

/// What a reader gets back from the GeoJSON that ``GeoJSONWriter`` writes, known without
/// writing or reading it: each coordinate is written as its value rounded to `precision`
/// decimals (``NumberFormatting/append(_:precision:to:)``), which a reader parses back to the
/// double nearest that decimal, and each ring is written oriented (exterior counter-clockwise,
/// holes clockwise, RFC 7946 §3.1.6).
extension GeoJSONWriter {
    /// Which rings of a polygonal `geometry` the writer reverses (per polygon, per ring), when
    /// its coordinates read back exactly (each already one the rounding keeps); nil when one
    /// does not, for `-0` (written `0`), or for a geometry that is not polygonal. All false:
    /// the geometry reads back exactly as it is.
    /// - Complexity: O(coordinates).
    package static func reversedRings(_ geometry: Geometry, precision: Int = defaultPrecision) -> [[Bool]]? {
        let scale = scale(precision)
        guard geometry.isPolygonal else { return nil }
        var reversed: [[Bool]] = []
        for polygon in geometry.polygons {
            var flags: [Bool] = []
            for (i, ring) in polygon.rings.enumerated() {
                for c in ring where readBack(c.x, scale: scale).bitPattern != c.x.bitPattern || readBack(c.y, scale: scale).bitPattern != c.y.bitPattern {
                    return nil
                }
                let area = Ring.signedArea(ring)  // as Ring.oriented decides: 0 is left as it is
                flags.append(area != 0 && (area > 0) != (i == 0))
            }
            reversed.append(flags)
        }
        return reversed
    }

    /// The polygonal `geometry` as a reader gets it back: rings oriented as written, each
    /// coordinate the double the written decimal parses to. Nil for a geometry that is not
    /// polygonal, or whose rings are not closed (a reader would close or refuse them).
    package static func readBack(_ geometry: Geometry, precision: Int = defaultPrecision) -> Geometry? {
        let scale = scale(precision)
        var polygons: [Polygon] = []
        for polygon in geometry.polygons {
            var rings: [[Coordinate]] = []
            for (i, ring) in polygon.rings.enumerated() {
                guard ring.count >= 4, ring.first == ring.last else { return nil }
                rings.append(Ring.oriented(ring, counterClockwise: i == 0).map {
                    Coordinate(x: readBack($0.x, scale: scale), y: readBack($0.y, scale: scale))
                })
            }
            polygons.append(Polygon(rings: rings))
        }
        switch geometry {
        case .polygon: return .polygon(polygons[0])
        case .multiPolygon: return .multiPolygon(polygons)
        default: return nil
        }
    }

    private static func scale(_ precision: Int) -> Double { (0..<precision).reduce(1.0) { acc, _ in acc * 10 } }

    /// The double a reader parses from `v` written at `scale` (10ᵖʳᵉᶜⁱˢⁱᵒⁿ): the whole number of
    /// units, divided back (a correctly rounded division of exact values, as the parse is); the
    /// shortest round-trip text, so `v` itself, for magnitudes written without rounding.
    private static func readBack(_ v: Double, scale: Double) -> Double {
        let units = (abs(v) * scale).rounded()
        guard units < 9.0e15 else { return v }
        if units == 0 { return 0 }
        let back = units / scale
        return v < 0 ? -back : back
    }
}
