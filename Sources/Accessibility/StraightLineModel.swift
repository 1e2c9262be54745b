import GeoCore

/// Travel time from the straight-line distance: `km = d · detour / 1000`, `minutes = km / speed · 60`.
///
/// `d` is the planar distance in the metric CRS (Lambert-93 in metropolitan France, whose scale
/// error stays within about −0.1 % … +0.3 %), or the geodesic distance on the WGS84 ellipsoid
/// when `geodesic` is given (Karney's algorithm, through PROJ's `geodesic.h`).
///
/// Defaults (``defaultDetourFactor``, ``defaultSpeedKmh``): detour factor 1.3 and 60 km/h. Road
/// distance in rural France is typically 1.2–1.4 times the crow-fly distance (the "indice de
/// détour" of INSEE and Cerema studies; Ballou et al., "Selected country circuity factors for
/// road travel distance estimation", Transportation Research A 36, 2002, report 1.3–1.4 for
/// European countries), and 60 km/h is a door-to-door average on the mixed roads between a
/// village and the nearest town. Both are options; prefer a road network or a supplied matrix
/// when one exists.
///
/// Candidates come from a ``PointGrid`` of the destinations, never an all-pairs loop.
/// - Complexity: O(origins × destinations within reach) after an O(d log d) index build.
public struct StraightLineModel: TravelCostModel {
    /// Road distance ÷ straight-line distance, ≥ 1 (``defaultDetourFactor``, 1.3).
    public var detourFactor: Double
    /// Door-to-door average speed in km/h, > 0 (``defaultSpeedKmh``, 60).
    public var speedKmh: Double
    /// Geodesic distance between two longitude/latitude positions, in metres; nil for planar.
    public var geodesic: (@Sendable (Coordinate, Coordinate) -> Double)?

    /// Road distance ÷ crow-fly distance when none is given: 1.3 (see the type's sources).
    public static let defaultDetourFactor = 1.3
    /// Door-to-door average speed when none is given: 60 km/h (see the type's sources).
    public static let defaultSpeedKmh = 60.0

    /// The model with the given detour factor (≥ 1) and speed (> 0 km/h), planar distances unless a
    /// `geodesic` distance function is given (then the cost points need `lonLat` positions).
    public init(
        detourFactor: Double = defaultDetourFactor, speedKmh: Double = defaultSpeedKmh, geodesic: (@Sendable (Coordinate, Coordinate) -> Double)? = nil
    ) {
        precondition(detourFactor >= 1 && speedKmh > 0)
        self.detourFactor = detourFactor
        self.speedKmh = speedKmh
        self.geodesic = geodesic
    }

    /// `straight line (planar) × 1.3 at 60.0 km/h`, or `(geodesic)`.
    public var name: String {
        "straight line (\(geodesic == nil ? "planar" : "geodesic")) × \(detourFactor) at \(speedKmh) km/h"
    }

    /// Minutes for a straight-line distance of `d` metres: d · detour / 1000 / speed · 60.
    public func minutes(metres d: Double) -> Double { d * detourFactor / 1000 / speedKmh * 60 }

    /// Every (origin, destination) pair whose time is within `maxMinutes`, with its minutes and its
    /// road kilometres (d · detour / 1000). Candidates come from a grid of the destinations, origins
    /// in parallel chunks.
    /// - Complexity: O(origins × destinations within reach) after an O(d log d) index build.
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double) throws -> CostMatrix {
        try pairs(from: origins, to: destinations, maxMinutes: maxMinutes, below: nil)
    }

    /// The pairs of ``costs(from:to:maxMinutes:)`` strictly below each origin's limit, the others
    /// dropped as they are found (the full matrix is never held).
    /// - Complexity: as ``costs(from:to:maxMinutes:)``; memory O(entries kept).
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double, below limits: [Double]) throws -> CostMatrix {
        precondition(limits.count == origins.count, "one limit per origin")
        return try pairs(from: origins, to: destinations, maxMinutes: maxMinutes, below: limits)
    }

    private func pairs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double, below limits: [Double]?) throws -> CostMatrix {
        let radius = maxMinutes / 60 * speedKmh * 1000 / detourFactor
        // A planar prefilter for geodesic distances, wide enough for any conformal projection's scale error.
        let searchRadius = geodesic == nil ? radius : radius * 1.01 + 1
        let grid = PointGrid(destinations.metric, cellSize: max(searchRadius / 2, PointGrid.suggestedCellSize(for: destinations.metric)))
        let geodesic = self.geodesic
        if geodesic != nil, origins.lonLat == nil || destinations.lonLat == nil {
            preconditionFailure("geodesic distances need longitude/latitude positions")
        }
        let chunks = stride(from: 0, to: origins.count, by: 512).map { $0..<min($0 + 512, origins.count) }
        var parts = chunks.concurrentMap { chunk in
            var b = CostMatrix.Builder()
            for o in chunk {
                let limit = limits?[o] ?? .infinity
                grid.forEach(within: searchRadius, of: origins.metric[o]) { index, planar in
                    let d = geodesic.map { $0(origins.lonLat![o], destinations.lonLat![index]) } ?? planar
                    let t = minutes(metres: d)
                    if t <= maxMinutes && t < limit { b.add(CostMatrix.Entry(destination: index, minutes: t, kilometres: d * detourFactor / 1000)) }
                }
                b.endRow()
            }
            return b
        }
        var builders = try parts.map { try $0.get() }
        parts = []  // the builders are now only referenced once: joining releases them as it goes
        return CostMatrix.concatenating(&builders, destinationCount: destinations.count, maxMinutes: maxMinutes)
    }

    /// Nearest destination of each group and the count within `countMinutes`, without a matrix:
    /// one ``PointGrid`` per group, one nearest query and one disc count per origin. Planar only;
    /// geodesic distances go through the matrix (the planar nearest need not be the geodesic one).
    /// - Complexity: O(origins × (cells visited + destinations within `countMinutes`)).
    public func nearest(
        from origins: CostPoints, to destinations: CostPoints, groups: [Int?], groupCount: Int, maxMinutes: Double, countMinutes: Double
    ) throws -> NearestCosts {
        if geodesic != nil {
            let matrix = try costs(from: origins, to: destinations, maxMinutes: maxMinutes)
            return NearestCosts(matrix, groups: groups, groupCount: groupCount, countMinutes: countMinutes)
        }
        let countLimit = min(countMinutes, maxMinutes)
        // A disc a little wider than the count limit; each candidate is then tested in minutes,
        // exactly as the matrix tests it.
        let countRadius = countLimit / 60 * speedKmh * 1000 / detourFactor * (1 + 1e-9) + 1e-6
        var nearest: [[CostMatrix.Entry?]] = []
        var counts: [[Int]] = []
        for g in 0..<groupCount {
            let members = destinations.metric.indices.filter { groups[$0] == g }
            let points = members.map { destinations.metric[$0] }
            let grid = PointGrid(points, cellSize: max(countRadius / 2, PointGrid.suggestedCellSize(for: points)))
            let chunks = stride(from: 0, to: origins.count, by: 2048).map { $0..<min($0 + 2048, origins.count) }
            let parts = try chunks.concurrentMap { chunk -> [(CostMatrix.Entry?, Int)] in
                chunk.map { o in
                    let p = origins.metric[o]
                    var entry: CostMatrix.Entry?
                    if let hit = grid.nearest(to: p) {
                        let t = minutes(metres: hit.distance)
                        if t <= maxMinutes {
                            entry = CostMatrix.Entry(destination: members[hit.index], minutes: t, kilometres: hit.distance * detourFactor / 1000)
                        }
                    }
                    let n = grid.count(within: countRadius, of: p) { minutes(metres: $0) <= countLimit }
                    return (entry, n)
                }
            }.flatMap { try $0.get() }
            nearest.append(parts.map(\.0))
            counts.append(parts.map(\.1))
        }
        return NearestCosts(nearest: nearest, counts: counts)
    }
}
