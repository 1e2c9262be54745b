/// A simple-features geometry in C-free Swift values, as GeoJSON (RFC 7946 §3.1) defines them.
///
/// Rings are stored closed (first position equals last). Z and M values are not kept: every
/// analysis in GeoHealth is planar, in a metric CRS, or geodesic on the ellipsoid.
public enum Geometry: Hashable, Sendable {
    case point(Coordinate)
    case multiPoint([Coordinate])
    case lineString([Coordinate])
    case multiLineString([[Coordinate]])
    case polygon(Polygon)
    case multiPolygon([Polygon])
    case geometryCollection([Geometry])

    /// The GeoJSON type name.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// Polygons of a `.polygon` or `.multiPolygon`, empty for other types.
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): [p]
        case .multiPolygon(let ps): ps
        case .geometryCollection(let gs): gs.flatMap(\.polygons)
        default: []
        }
    }

    public var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        default: false
        }
    }
}

/// A polygon: an exterior ring followed by zero or more holes, each a closed ring.
public struct Polygon: Hashable, Sendable {
    public var rings: [[Coordinate]]

    public init(rings: [[Coordinate]]) {
        self.rings = rings
    }

    public init(exterior: [Coordinate], holes: [[Coordinate]] = []) {
        self.rings = [exterior] + holes
    }

    public var exterior: [Coordinate] { rings.first ?? [] }
    public var holes: ArraySlice<[Coordinate]> { rings.dropFirst() }
    public var isEmpty: Bool { rings.isEmpty || rings[0].isEmpty }
}
