import CGEOS
import GeoCore

/// A geometry prepared for many predicate tests (GEOSPrepare): indexes its edges once, so that
/// testing thousands of points or polygons against one territory costs O(log n) each, not O(n).
package final class PreparedGeometry {
    package let base: NativeGeometry
    private let prepared: OpaquePointer

    package init(_ geometry: NativeGeometry) throws {
        guard let p = GEOSPrepare_r(geometry.context.handle, geometry.handle) else {
            throw geometry.context.failure("GEOSPrepare")
        }
        base = geometry
        prepared = p
    }

    deinit {
        GEOSPreparedGeom_destroy_r(base.context.handle, prepared)
    }

    private var context: GEOSContext { base.context }

    package func contains(_ other: NativeGeometry) throws -> Bool {
        try context.predicate(GEOSPreparedContains_r(context.handle, prepared, other.handle), "GEOSPreparedContains")
    }

    package func covers(_ other: NativeGeometry) throws -> Bool {
        try context.predicate(GEOSPreparedCovers_r(context.handle, prepared, other.handle), "GEOSPreparedCovers")
    }

    package func intersects(_ other: NativeGeometry) throws -> Bool {
        try context.predicate(GEOSPreparedIntersects_r(context.handle, prepared, other.handle), "GEOSPreparedIntersects")
    }

    /// True when the two share boundary points but no interior point (GEOSPreparedTouches):
    /// a neighbour, not an overlap.
    package func touches(_ other: NativeGeometry) throws -> Bool {
        try context.predicate(GEOSPreparedTouches_r(context.handle, prepared, other.handle), "GEOSPreparedTouches")
    }

    /// True when the point lies inside or on the boundary.
    package func covers(_ point: Coordinate) throws -> Bool {
        try covers(context.point(point))
    }
}
