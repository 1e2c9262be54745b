/// A planar or geographic position: `x` is easting or longitude, `y` northing or latitude.
///
/// GeoHealth always keeps longitude first (RFC 7946 order), whatever the authority's axis order.
/// The layout (two `Double`s, stride 16) is relied on by the bindings, which pass coordinate
/// arrays to GEOS and PROJ as interleaved buffers without copying.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    /// Easting in metres (projected CRS) or longitude in degrees (geographic CRS).
    public var x: Double
    /// Northing in metres (projected CRS) or latitude in degrees (geographic CRS).
    public var y: Double

    /// The position (`x`, `y`): easting and northing, or longitude and latitude.
    @inlinable
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The position (`x`, `y`), unlabelled: `Coordinate(2.35, 48.85)` is longitude 2.35°, latitude 48.85°.
    @inlinable
    public init(_ x: Double, _ y: Double) {
        self.init(x: x, y: y)
    }

    /// Whether both `x` and `y` are finite (neither NaN nor infinite).
    public var isFinite: Bool { x.isFinite && y.isFinite }

    public var description: String { "(\(x), \(y))" }

    /// Euclidean distance, for coordinates in a metric CRS.
    @inlinable
    public func distance(to other: Coordinate) -> Double {
        let dx = x - other.x, dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }
}
