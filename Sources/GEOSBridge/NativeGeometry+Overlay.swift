import CGEOS

extension NativeGeometry {
    /// The points shared by both (GEOSIntersection).
    public func intersection(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.own(GEOSIntersection_r(h, handle, other.handle), "GEOSIntersection")
    }

    /// The points of either (GEOSUnion).
    public func union(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.own(GEOSUnion_r(h, handle, other.handle), "GEOSUnion")
    }

    /// The points of this geometry not in `other` (GEOSDifference).
    public func difference(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.own(GEOSDifference_r(h, handle, other.handle), "GEOSDifference")
    }

    /// The union of this geometry's own parts (GEOSUnaryUnion, cascaded for polygons):
    /// dissolves a multipolygon of neighbouring communes into one territory.
    public func unaryUnion() throws -> NativeGeometry {
        try context.own(GEOSUnaryUnion_r(h, handle), "GEOSUnaryUnion")
    }

    /// The geometry grown (or shrunk, for negative `width`) by `width` CRS units (GEOSBuffer),
    /// with `quadrantSegments` segments per quarter circle.
    public func buffer(_ width: Double, quadrantSegments: Int32 = 8) throws -> NativeGeometry {
        try context.own(GEOSBuffer_r(h, handle, width, quadrantSegments), "GEOSBuffer")
    }

    /// Douglas–Peucker simplification that keeps the topology valid
    /// (GEOSTopologyPreserveSimplify): no ring collapses or self-intersects.
    public func simplifyPreservingTopology(tolerance: Double) throws -> NativeGeometry {
        try context.own(GEOSTopologyPreserveSimplify_r(h, handle, tolerance), "GEOSTopologyPreserveSimplify")
    }
}

extension GEOSContext {
    /// The union of many geometries in one cascaded pass (GEOSUnaryUnion over a collection).
    ///
    /// - Complexity: about O(n log n) in the number of input vertices, unlike folding `union`.
    public func unionAll(_ geometries: [NativeGeometry]) throws -> NativeGeometry {
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(geometries.count)
        for g in geometries {
            guard let c = GEOSGeom_clone_r(handle, g.handle) else {
                clones.forEach { GEOSGeom_destroy_r(handle, $0) }
                throw failure("GEOSGeom_clone")
            }
            clones.append(c)
        }
        let collection = try own(
            clones.withUnsafeMutableBufferPointer {
                GEOSGeom_createCollection_r(handle, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), $0.baseAddress, UInt32($0.count))
            }, "GEOSGeom_createCollection")
        return try collection.unaryUnion()
    }
}
