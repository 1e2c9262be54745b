import GeoCore

/// The pairs of polygons that are neighbours by contiguity, as indices into the list given
/// (the shapely 2 convention: indices out, no rebuilt geometries), for spatial weights.
///
/// - **queen**: the polygons share at least one point (GEOS `intersects`, prepared, on the
///   STRtree's envelope candidates): touching, or, with simplified polygons, slightly overlapping;
/// - **rook**: besides, their shared boundary has a length above `minimumSharedLength` (the
///   length of the intersection of the two boundaries; 1 cm in a metric CRS by default), so a
///   single shared corner does not count.
///
/// The contiguity of PySAL's `libpysal.weights.Queen` / `Rook`, which compare shared vertices
/// and edges; here the geometries themselves are compared, so neighbours that meet along an
/// edge without sharing its vertices count too.
/// - Complexity: one STRtree and one prepared geometry per polygon; O(n log n + candidate pairs)
///   predicates.
package enum ContiguityPairs {
    package enum Rule: Sendable, Equatable {
        case queen, rook
    }

    /// Pairs (i, j), i < j, ordered by i then j, of `geometries` (in one planar CRS) that are
    /// neighbours under `rule`.
    package static func pairs(
        _ geometries: [Geometry], rule: Rule, minimumSharedLength: Double = 0.01, context: GEOSContext = .current
    ) throws -> [(Int, Int)] {
        try pairs(geometries.map { try context.geometry($0) }, rule: rule, minimumSharedLength: minimumSharedLength, context: context)
    }

    /// The same over geometries already converted (all from `context`).
    package static func pairs(
        _ natives: [NativeGeometry], rule: Rule, minimumSharedLength: Double = 0.01, context: GEOSContext = .current
    ) throws -> [(Int, Int)] {
        let index = try SpatialIndex(natives, context: context)
        let boundaries = rule == .rook ? try natives.map { try $0.boundary() } : []
        var pairs: [(Int, Int)] = []
        for i in natives.indices {
            let prepared = try PreparedGeometry(natives[i])
            for j in try index.query(envelopeOf: natives[i]) where j > i {
                guard try prepared.intersects(natives[j]) else { continue }
                if rule == .rook, try boundaries[i].intersection(boundaries[j]).length() <= minimumSharedLength { continue }
                pairs.append((i, j))
            }
        }
        return pairs
    }
}
