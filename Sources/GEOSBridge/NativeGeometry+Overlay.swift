import CGEOS
import GeoCore

extension NativeGeometry {
    /// The points shared by both (GEOSIntersection).
    package func intersection(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.own(GEOSIntersection_r(h, handle, other.handle), "GEOSIntersection")
    }

    /// The points of either (GEOSUnion).
    package func union(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.own(GEOSUnion_r(h, handle, other.handle), "GEOSUnion")
    }

    /// The points of this geometry not in `other` (GEOSDifference).
    package func difference(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.own(GEOSDifference_r(h, handle, other.handle), "GEOSDifference")
    }

    /// The union of this geometry's own parts (GEOSUnaryUnion, cascaded for polygons):
    /// dissolves a multipolygon of neighbouring communes into one territory.
    func unaryUnion() throws -> NativeGeometry {
        try context.own(GEOSUnaryUnion_r(h, handle), "GEOSUnaryUnion")
    }

    /// The geometry grown (or shrunk, for negative `width`) by `width` CRS units (GEOSBuffer),
    /// with `quadrantSegments` segments per quarter circle.
    package func buffer(_ width: Double, quadrantSegments: Int32 = 8) throws -> NativeGeometry {
        try context.own(GEOSBuffer_r(h, handle, width, quadrantSegments), "GEOSBuffer")
    }

    /// Douglas–Peucker simplification that keeps the topology valid
    /// (GEOSTopologyPreserveSimplify): no ring collapses or self-intersects.
    package func simplifyPreservingTopology(tolerance: Double) throws -> NativeGeometry {
        try context.own(GEOSTopologyPreserveSimplify_r(h, handle, tolerance), "GEOSTopologyPreserveSimplify")
    }
}

extension GEOSContext {
    /// The union of many geometries in one cascaded pass (GEOSUnaryUnion over a collection).
    ///
    /// - Complexity: about O(n log n) in the number of input vertices, unlike folding `union`.
    package func unionAll(_ geometries: [NativeGeometry]) throws -> NativeGeometry {
        let collection = try collect(geometries)
        return try collection.unaryUnion()
    }

    /// The union of polygons that form a coverage (no overlaps, shared edges identical), by
    /// GEOSCoverageUnion: much faster than a general union, which it falls back to when the
    /// polygons are not a clean coverage (checked by area: Σ parts = union, to 1e-9).
    package func dissolve(_ polygons: [NativeGeometry]) throws -> NativeGeometry {
        guard polygons.count > 1 else { return try polygons.first?.clone() ?? unionAll([]) }
        let collection = try collect(polygons)
        let sum = try polygons.reduce(0) { $0 + (try $1.area()) }
        if let raw = GEOSCoverageUnion_r(handle, collection.handle) {
            let merged = NativeGeometry(owning: raw, context: self)
            if let area = try? merged.area(), abs(area - sum) <= 1e-9 * sum, Self.isValid(merged) { return merged }
        } else {
            _ = failure("GEOSCoverageUnion")  // clear the message; the general union follows
        }
        return try collection.unaryUnion()
    }

    /// Whether GEOS judges `geometry` valid; a polygon the pure-Swift ``ValidityCertificate``
    /// proves valid (nearly every dissolved merge) is not handed to GEOS's `isValid`.
    private static func isValid(_ geometry: NativeGeometry) -> Bool {
        var certificate = ValidityCertificate()
        if let value = try? geometry.geometry(), certificate.certifies(value) { return true }
        return (try? geometry.isValid()) == true
    }

    /// A geometry collection of clones of `geometries`.
    func collect(_ geometries: [NativeGeometry]) throws -> NativeGeometry {
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(geometries.count)
        for g in geometries {
            guard let c = GEOSGeom_clone_r(handle, g.handle) else {
                clones.forEach { GEOSGeom_destroy_r(handle, $0) }
                throw failure("GEOSGeom_clone")
            }
            clones.append(c)
        }
        return try own(
            clones.withUnsafeMutableBufferPointer {
                GEOSGeom_createCollection_r(handle, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), $0.baseAddress, UInt32($0.count))
            }, "GEOSGeom_createCollection")
    }
}
