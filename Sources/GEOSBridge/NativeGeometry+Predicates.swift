import CGEOS

extension NativeGeometry {
    /// True when the two share at least one point (GEOSIntersects).
    package func intersects(_ other: NativeGeometry) throws -> Bool {
        try context.predicate(GEOSIntersects_r(h, handle, other.handle), "GEOSIntersects")
    }

    /// True when `other` lies in this geometry and touches its interior (GEOSContains):
    /// a point on the boundary is *not* contained; use `covers` for that.
    package func contains(_ other: NativeGeometry) throws -> Bool {
        try context.predicate(GEOSContains_r(h, handle, other.handle), "GEOSContains")
    }

    /// True when no point of `other` lies outside this geometry (GEOSCovers): boundary included.
    package func covers(_ other: NativeGeometry) throws -> Bool {
        try context.predicate(GEOSCovers_r(h, handle, other.handle), "GEOSCovers")
    }

    /// True when this geometry lies within `other` (GEOSWithin).
    package func within(_ other: NativeGeometry) throws -> Bool {
        try context.predicate(GEOSWithin_r(h, handle, other.handle), "GEOSWithin")
    }

    /// True when the geometries share boundary points but no interior points (GEOSTouches).
    package func touches(_ other: NativeGeometry) throws -> Bool {
        try context.predicate(GEOSTouches_r(h, handle, other.handle), "GEOSTouches")
    }
}
