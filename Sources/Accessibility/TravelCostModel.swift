import GeoCore

/// Places between which travel is costed: positions in the study's metric CRS and, for models
/// that need them (geodesic distance), the same positions in longitude/latitude.
public struct CostPoints: Sendable {
    /// The positions in the study's metric CRS (metres), e.g. communes' representative points or sites.
    public var metric: [Coordinate]
    /// The same positions in WGS84 longitude/latitude; needed only by geodesic distances.
    public var lonLat: [Coordinate]?
    /// Identifiers, for models that look costs up by id (an origin–destination matrix).
    public var ids: [String]
    /// The metric CRS of ``metric``, when known: a road network refuses places of another CRS
    /// (overseas communes in a national study routed on the metropolitan roads).
    public var crs: CRS?

    /// Places at `metric` positions (in `crs` when given); ids default to the positions' indices
    /// (`"0"`, `"1"`, …).
    public init(metric: [Coordinate], lonLat: [Coordinate]? = nil, ids: [String]? = nil, crs: CRS? = nil) {
        self.metric = metric
        self.lonLat = lonLat
        self.ids = ids ?? metric.indices.map { String($0) }
        self.crs = crs
    }

    /// The number of places.
    public var count: Int { metric.count }
}

/// A way to cost travel from origins to destinations. Three real implementations:
/// ``StraightLineModel``, ``NetworkModel`` and ``MatrixModel``; all give a ``CostMatrix``.
public protocol TravelCostModel: Sendable {
    /// A short name for reports (`straight line ×1.3 at 60 km/h`).
    var name: String { get }
    /// Costs from every origin to the destinations within `maxMinutes`.
    func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double) throws -> CostMatrix
    /// Costs from every origin `o` to the destinations within `maxMinutes` and strictly below
    /// `limits[o]` minutes: the same entries as ``costs(from:to:maxMinutes:)`` without those at
    /// or beyond the origin's limit (``CostMatrix/keeping(below:)``). By default the full matrix,
    /// then filtered; the straight-line model drops them as it goes, so the full matrix is never held.
    func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double, below limits: [Double]) throws -> CostMatrix
    /// For every origin, the nearest destination of each group within `maxMinutes` and the
    /// number within `countMinutes` (``NearestCosts``); by default read off ``costs(from:to:maxMinutes:)``.
    func nearest(
        from origins: CostPoints, to destinations: CostPoints, groups: [Int?], groupCount: Int, maxMinutes: Double, countMinutes: Double
    ) throws -> NearestCosts
}
