import CGEOS
import GeoCore

/// A geometry owned by GEOS, destroyed exactly once when the last reference goes.
///
/// Make one with `GEOSContext.geometry(_:)` (from a `Geometry`), from WKT or WKB, or as the
/// result of an operation. Convert a study's geometries once per run and reuse them: each
/// conversion copies coordinates. Not `Sendable`: it belongs to its context's thread.
package final class NativeGeometry {
    package let context: GEOSContext
    let handle: OpaquePointer

    init(owning handle: OpaquePointer, context: GEOSContext) {
        self.handle = handle
        self.context = context
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, handle)
    }

    var h: GEOSContextHandle_t { context.handle }

    /// The GEOS type name: `Point`, `Polygon`, `MultiPolygon`, …
    package var typeName: String {
        guard let p = GEOSGeomType_r(h, handle) else { return "Unknown" }
        defer { context.free(UnsafeMutableRawPointer(p)) }
        return String(cString: p)
    }

    package func isEmpty() throws -> Bool {
        try context.predicate(GEOSisEmpty_r(h, handle), "GEOSisEmpty")
    }

    /// A deep copy, owned separately.
    package func clone() throws -> NativeGeometry {
        try context.own(GEOSGeom_clone_r(h, handle), "GEOSGeom_clone")
    }

    /// The bounding box; `.empty` for an empty geometry.
    package func envelope() throws -> BoundingBox {
        if try isEmpty() { return .empty }
        var b = BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
        guard GEOSGeom_getXMin_r(h, handle, &b.minX) == 1, GEOSGeom_getYMin_r(h, handle, &b.minY) == 1,
              GEOSGeom_getXMax_r(h, handle, &b.maxX) == 1, GEOSGeom_getYMax_r(h, handle, &b.maxY) == 1
        else { throw context.failure("GEOSGeom_getXMin") }
        return b
    }
}
