import GeoCore
import GEOSBridge

/// Which part of each area (commune) lies inside each territory (CPTS, SAS area…), and whether
/// its representative point does. Territories may overlap.
///
/// For each territory, an STRtree over the areas gives the candidates whose envelope meets the
/// territory's; the prepared territory answers `contains` (share 1, no overlay) and
/// `intersects`; only areas cut by the boundary get an overlay (`GEOSIntersection`), and the
/// share is area(A ∩ T) / area(A). The share inside *any* territory is area(A ∩ ⋃Tₖ) / area(A)
/// over the territories that cut A (so overlaps are not counted twice).
/// - Complexity: about O((A + T) log A + boundary areas × overlay), never areas × territories.
public struct TerritoryCoverage: Sendable {
    public struct Share: Hashable, Sendable {
        public var territory: Int
        /// Fraction of the area's surface inside the territory, 0 … 1.
        public var share: Double

        public init(territory: Int, share: Double) {
            self.territory = territory
            self.share = share
        }
    }

    /// For each area, the territories it meets and the share of its surface in each.
    public var shares: [[Share]]
    /// For each area, the share of its surface inside at least one territory.
    public var shareInAny: [Double]
    /// For each area, the territories that cover its representative point.
    public var pointIn: [[Int]]

    public static func compute(areas: [NativeGeometry], points: [Coordinate], territories: [NativeGeometry]) throws -> TerritoryCoverage {
        precondition(areas.count == points.count)
        let context = GEOSContext.current
        let index = try SpatialIndex(areas, context: context)
        let surfaces = try areas.map { try $0.area() }
        var shares = [[Share]](repeating: [], count: areas.count)
        var cutBy = [[Int]](repeating: [], count: areas.count)
        var pointIn = [[Int]](repeating: [], count: areas.count)
        for (t, territory) in territories.enumerated() {
            let prepared = try PreparedGeometry(territory)
            for a in try index.query(envelopeOf: territory) {
                if try prepared.covers(points[a]) { pointIn[a].append(t) }
                if try prepared.contains(areas[a]) {
                    shares[a].append(Share(territory: t, share: 1))
                } else if try prepared.intersects(areas[a]) {
                    let inside = surfaces[a] > 0 ? try areas[a].intersection(territory).area() / surfaces[a] : 0
                    if inside > 0 {
                        shares[a].append(Share(territory: t, share: min(1, inside)))
                        cutBy[a].append(t)
                    }
                }
            }
        }
        var any = [Double](repeating: 0, count: areas.count)
        for a in areas.indices {
            if shares[a].contains(where: { $0.share == 1 }) { any[a] = 1; continue }
            switch cutBy[a].count {
            case 0: any[a] = 0
            case 1: any[a] = shares[a][0].share
            default:
                let union = try context.unionAll(cutBy[a].map { territories[$0] })
                any[a] = min(1, try areas[a].intersection(union).area() / surfaces[a])
            }
        }
        return TerritoryCoverage(shares: shares, shareInAny: any, pointIn: pointIn)
    }
}
