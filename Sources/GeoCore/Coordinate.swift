/// A planar or geographic position: `x` is easting or longitude, `y` northing or latitude.
///
/// GeoHealth always keeps longitude first (RFC 7946 order), whatever the authority's axis order.
/// The layout (two `Double`s, stride 16) is relied on by the bindings, which pass coordinate
/// arrays to GEOS and PROJ as interleaved buffers without copying.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    @inlinable
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    @inlinable
    public init(_ x: Double, _ y: Double) {
        self.init(x: x, y: y)
    }

    public var isFinite: Bool { x.isFinite && y.isFinite }

    public var description: String { "(\(x), \(y))" }

    /// Euclidean distance, for coordinates in a metric CRS.
    @inlinable
    public func distance(to other: Coordinate) -> Double {
        let dx = x - other.x, dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }
}
