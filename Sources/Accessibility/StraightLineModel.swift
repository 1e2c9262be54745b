import GeoCore

/// Travel time from the straight-line distance: `km = d · detour / 1000`, `minutes = km / speed · 60`.
///
/// `d` is the planar distance in the metric CRS (Lambert-93 in metropolitan France, whose scale
/// error stays within about −0.1 % … +0.3 %), or the geodesic distance on the WGS84 ellipsoid
/// when `geodesic` is given (Karney's algorithm, through PROJ's `geodesic.h`).
///
/// Defaults: detour factor 1.3 and 60 km/h. Road distance in rural France is typically 1.2–1.4
/// times the crow-fly distance (the "indice de détour" of INSEE and Cerema studies; Ballou et al.,
/// "Selected country circuity factors for road travel distance estimation", Transportation
/// Research A 36, 2002, report 1.3–1.4 for European countries), and 60 km/h is a door-to-door
/// average on the mixed roads between a village and the nearest town. Both are options; prefer
/// a road network or a supplied matrix when one exists.
///
/// Candidates come from a ``PointGrid`` of the destinations, never an all-pairs loop.
/// - Complexity: O(origins × destinations within reach) after an O(d log d) index build.
public struct StraightLineModel: TravelCostModel {
    public var detourFactor: Double
    public var speedKmh: Double
    /// Geodesic distance between two longitude/latitude positions, in metres; nil for planar.
    public var geodesic: (@Sendable (Coordinate, Coordinate) -> Double)?

    public init(detourFactor: Double = 1.3, speedKmh: Double = 60, geodesic: (@Sendable (Coordinate, Coordinate) -> Double)? = nil) {
        precondition(detourFactor >= 1 && speedKmh > 0)
        self.detourFactor = detourFactor
        self.speedKmh = speedKmh
        self.geodesic = geodesic
    }

    public var name: String {
        "straight line (\(geodesic == nil ? "planar" : "geodesic")) × \(detourFactor) at \(speedKmh) km/h"
    }

    public func minutes(metres d: Double) -> Double { d * detourFactor / 1000 / speedKmh * 60 }

    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double) throws -> CostMatrix {
        let radius = maxMinutes / 60 * speedKmh * 1000 / detourFactor
        // A planar prefilter for geodesic distances, wide enough for any conformal projection's scale error.
        let searchRadius = geodesic == nil ? radius : radius * 1.01 + 1
        let grid = PointGrid(destinations.metric, cellSize: max(searchRadius / 2, PointGrid.suggestedCellSize(for: destinations.metric)))
        let geodesic = self.geodesic
        if geodesic != nil, origins.lonLat == nil || destinations.lonLat == nil {
            preconditionFailure("geodesic distances need longitude/latitude positions")
        }
        let chunks = stride(from: 0, to: origins.count, by: 512).map { $0..<min($0 + 512, origins.count) }
        let rows = try chunks.concurrentMap { chunk in
            chunk.map { o -> [CostMatrix.Entry] in
                grid.within(searchRadius, of: origins.metric[o]).compactMap { hit in
                    let d = geodesic.map { $0(origins.lonLat![o], destinations.lonLat![hit.index]) } ?? hit.distance
                    let t = minutes(metres: d)
                    return t <= maxMinutes ? CostMatrix.Entry(destination: hit.index, minutes: t, kilometres: d * detourFactor / 1000) : nil
                }
            }
        }.flatMap { try $0.get() }
        return CostMatrix(destinationCount: destinations.count, maxMinutes: maxMinutes, rows: rows)
    }
}
