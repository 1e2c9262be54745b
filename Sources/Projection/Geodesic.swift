import CPROJ
import GeoCore

/// Distances on the ellipsoid by Karney's algorithm (C. F. F. Karney, "Algorithms for
/// geodesics", J. Geodesy 87, 43–55, 2013, doi:10.1007/s00190-012-0578-z), through PROJ's
/// `geodesic.h`. Accurate to about 15 nm; a value type, safe to share between threads.
package struct Geodesic: Sendable {
    let equatorialRadius: Double
    let flattening: Double

    package init(equatorialRadius: Double, flattening: Double) {
        self.equatorialRadius = equatorialRadius
        self.flattening = flattening
    }

    /// The WGS84 ellipsoid (a = 6 378 137 m, f = 1/298.257223563).
    package static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// Shortest distance in metres between two longitude/latitude positions (degrees).
    package func distance(from a: Coordinate, to b: Coordinate) -> Double {
        var g = geod_geodesic()
        geod_init(&g, equatorialRadius, flattening)
        var s12 = 0.0
        geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nil, nil)
        return s12
    }
}
