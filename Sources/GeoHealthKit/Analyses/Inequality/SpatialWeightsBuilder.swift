import Accessibility
import GeoCore
import GEOSBridge
import Inequality

/// Spatial weights between communes for Moran's I and LISA (row-standardised by the caller):
/// the neighbour pairs come from the domain modules, the weights type from Inequality.
///
/// - **queen**, **rook**: contiguity of the polygons, ``GEOSBridge/ContiguityPairs`` (next to
///   GEOS, which decides what touches);
/// - **knn**: the k nearest representative points, ``Accessibility/PointGrid/nearestPairs(_:k:)``
///   (the pure-Swift point grid the travel models use; no GEOS round trip for points). A
///   commune's neighbours need not be its own neighbours' neighbours; the lists are made
///   symmetric (``Inequality/SpatialWeights/fromPairs(_:count:)``), as PySAL's `symmetrize`.
package enum SpatialWeightsBuilder {
    package enum Kind: String, Sendable, CaseIterable {
        case queen, rook, knn
    }

    /// The number of neighbours of knn weights when none is given.
    package static let defaultNeighbours = 6

    package static func build(_ kind: Kind, geometries: [Geometry], points: [Coordinate], k: Int = defaultNeighbours) throws -> SpatialWeights {
        let pairs = switch kind {
        case .knn: PointGrid.nearestPairs(points, k: k)
        case .queen: try ContiguityPairs.pairs(geometries, rule: .queen)
        case .rook: try ContiguityPairs.pairs(geometries, rule: .rook)
        }
        return SpatialWeights.fromPairs(pairs, count: kind == .knn ? points.count : geometries.count)
    }
}

extension SpatialWeightsBuilder {
    /// Weights over a projected study that may span several metric CRSs (metropolitan France
    /// and the overseas départements): built within each partition, in its own CRS, and merged
    /// into one block-diagonal matrix over all areas. No commune neighbours one in another
    /// partition (an ocean lies between), and coordinates of two CRSs are never compared.
    package static func build(_ kind: Kind, projected: ProjectedStudy, k: Int = defaultNeighbours) throws -> SpatialWeights {
        try build(kind, projected: projected, among: nil, k: k)
    }

    /// Contiguity (queen or rook) among the `selected` areas only, as ``build(_:projected:k:)``
    /// gives it restricted to them: contiguity is a property of each pair, so the pairs of
    /// selected areas are the same, and an area not selected has no neighbour. (Connected
    /// components of the selected areas need no more; a few thousand polygons instead of the
    /// country's.)
    package static func contiguity(_ kind: Kind, projected: ProjectedStudy, among selected: [Bool]) throws -> SpatialWeights {
        precondition(kind != .knn, "the nearest neighbours of a subset are not a restriction")
        return try build(kind, projected: projected, among: selected, k: defaultNeighbours)
    }

    private static func build(_ kind: Kind, projected: ProjectedStudy, among selected: [Bool]?, k: Int) throws -> SpatialWeights {
        var lists = [[Int]](repeating: [], count: projected.geometries.count)
        for p in projected.partitions {
            let areas = selected.map { s in p.areas.filter { s[$0] } } ?? p.areas
            guard !areas.isEmpty else { continue }
            let local = try build(
                kind, geometries: areas.map { projected.geometries[$0] }, points: areas.map { projected.points[$0] }, k: min(k, max(areas.count - 1, 1)))
            for (i, area) in areas.enumerated() { lists[area] = local.neighbours[i].map { areas[$0] } }
        }
        return SpatialWeights(neighbours: lists)
    }
}
