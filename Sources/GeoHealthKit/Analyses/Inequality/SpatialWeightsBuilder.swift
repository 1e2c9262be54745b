import Accessibility
import GeoCore
import GEOSBridge
import Inequality

/// Spatial weights between communes for Moran's I and LISA (row-standardised by the caller).
///
/// - **queen**: polygons that share at least one boundary point (GEOS `intersects` on the STRtree
///   candidates: touching or, with simplified polygons, slightly overlapping);
/// - **rook**: polygons whose shared boundary has a positive length (`intersection` of the two
///   boundaries, length > 1 cm);
/// - **knn**: the k nearest representative points (a commune's neighbours need not be its own
///   neighbours' neighbours; the lists are made symmetric, as PySAL's `symmetrize`).
public enum SpatialWeightsBuilder {
    public enum Kind: String, Sendable, CaseIterable {
        case queen, rook, knn
    }

    public static func build(_ kind: Kind, geometries: [Geometry], points: [Coordinate], k: Int = 6) throws -> SpatialWeights {
        switch kind {
        case .knn:
            let grid = PointGrid(points, cellSize: PointGrid.suggestedCellSize(for: points))
            var pairs: [(Int, Int)] = []
            for i in points.indices { for j in grid.nearest(k, to: points[i], excluding: i) { pairs.append((i, j)) } }
            return SpatialWeights.fromPairs(pairs, count: points.count)
        case .queen, .rook:
            let context = GEOSContext.current
            let natives = try geometries.map { try context.geometry($0) }
            let index = try SpatialIndex(natives, context: context)
            let boundaries = kind == .rook ? try natives.map { try $0.boundary() } : []
            var pairs: [(Int, Int)] = []
            for i in natives.indices {
                let prepared = try PreparedGeometry(natives[i])
                for j in try index.query(envelopeOf: natives[i]) where j > i {
                    guard try prepared.intersects(natives[j]) else { continue }
                    if kind == .rook, try boundaries[i].intersection(boundaries[j]).length() <= 0.01 { continue }
                    pairs.append((i, j))
                }
            }
            return SpatialWeights.fromPairs(pairs, count: natives.count)
        }
    }
}

extension SpatialWeightsBuilder {
    /// Weights over a projected study that may span several metric CRSs (metropolitan France
    /// and the overseas départements): built within each partition, in its own CRS, and merged
    /// into one block-diagonal matrix over all areas. No commune neighbours one in another
    /// partition (an ocean lies between), and coordinates of two CRSs are never compared.
    public static func build(_ kind: Kind, projected: ProjectedStudy, k: Int = 6) throws -> SpatialWeights {
        var lists = [[Int]](repeating: [], count: projected.geometries.count)
        for p in projected.partitions where !p.areas.isEmpty {
            let local = try build(kind, geometries: p.areas.map { projected.geometries[$0] }, points: p.areas.map { projected.points[$0] }, k: min(k, max(p.areas.count - 1, 1)))
            for (i, area) in p.areas.enumerated() { lists[area] = local.neighbours[i].map { p.areas[$0] } }
        }
        return SpatialWeights(neighbours: lists)
    }
}
