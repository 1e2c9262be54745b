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

    /// Whether the geometry is a `.polygon` or a `.multiPolygon` (a collection is not).
    public var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        default: false
        }
    }

    /// The polygonal geometry without its empty polygons (no ring, or an empty exterior ring:
    /// GeoJSON `[]` or `[[]]`, an empty GeoPackage MultiPolygon), or nil when no polygon is
    /// left or the geometry is not polygonal: how every reader of polygons tells "has a
    /// polygon" (docs/formats.md, "Degenerate geometry").
    public var withoutEmptyPolygons: Geometry? {
        switch self {  // the common case, nothing to remove: no new array
        case .polygon(let p) where !p.isEmpty: return self
        case .multiPolygon(let ps) where !ps.isEmpty && !ps.contains(where: \.isEmpty): return self
        default: break
        }
        guard isPolygonal else { return nil }
        let all = polygons
        let kept = all.filter { !$0.isEmpty }
        if kept.isEmpty { return nil }
        if kept.count == all.count { return self }
        return kept.count == 1 ? .polygon(kept[0]) : .multiPolygon(kept)
    }
}

/// A polygon: an exterior ring followed by zero or more holes, each a closed ring.
public struct Polygon: Hashable, Sendable {
    /// The closed rings: the exterior first, then the holes.
    public var rings: [[Coordinate]]

    /// A polygon from its closed rings, the exterior first (not checked nor re-oriented).
    public init(rings: [[Coordinate]]) {
        self.rings = rings
    }

    /// A polygon from its closed exterior ring and its holes (not checked nor re-oriented).
    public init(exterior: [Coordinate], holes: [[Coordinate]] = []) {
        self.rings = [exterior] + holes
    }

    /// The exterior ring; empty for a polygon without rings.
    public var exterior: [Coordinate] { rings.first ?? [] }
    /// The holes: every ring after the exterior.
    public var holes: ArraySlice<[Coordinate]> { rings.dropFirst() }
    /// Whether the polygon has no ring or an empty exterior ring (GeoJSON `[]` or `[[]]`).
    public var isEmpty: Bool { rings.isEmpty || rings[0].isEmpty }
}
