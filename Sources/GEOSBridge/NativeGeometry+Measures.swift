import CGEOS
import GeoCore

extension NativeGeometry {
    /// Planar area in squared CRS units (GEOSArea): zero for points and lines.
    package func area() throws -> Double {
        try measure(GEOSArea_r, "GEOSArea")
    }

    /// Planar length or perimeter in CRS units (GEOSLength).
    package func length() throws -> Double {
        try measure(GEOSLength_r, "GEOSLength")
    }

    /// Minimum planar distance to `other` (GEOSDistance); zero when they intersect.
    package func distance(to other: NativeGeometry) throws -> Double {
        var d = 0.0
        guard GEOSDistance_r(h, handle, other.handle, &d) == 1 else { throw context.failure("GEOSDistance") }
        return d
    }

    /// The centre of mass (GEOSGetCentroid); `nil` for an empty geometry. May lie outside a concave polygon.
    package func centroid() throws -> Coordinate? {
        try pointResult(GEOSGetCentroid_r(h, handle), "GEOSGetCentroid")
    }

    /// A point guaranteed to lie inside the geometry (GEOSPointOnSurface); `nil` when empty.
    package func pointOnSurface() throws -> Coordinate? {
        try pointResult(GEOSPointOnSurface_r(h, handle), "GEOSPointOnSurface")
    }

    private func measure(
        _ f: (GEOSContextHandle_t?, OpaquePointer?, UnsafeMutablePointer<Double>?) -> Int32, _ name: String
    ) throws -> Double {
        var value = 0.0
        guard f(h, handle, &value) == 1 else { throw context.failure(name) }
        return value
    }

    private func pointResult(_ p: OpaquePointer?, _ name: String) throws -> Coordinate? {
        let point = try context.own(p, name)
        if try point.isEmpty() { return nil }
        var x = 0.0, y = 0.0
        guard GEOSGeomGetX_r(h, point.handle, &x) == 1, GEOSGeomGetY_r(h, point.handle, &y) == 1 else {
            throw context.failure(name)
        }
        return Coordinate(x, y)
    }

    /// The boundary (GEOSBoundary): rings of a polygon as lines, end points of a line.
    package func boundary() throws -> NativeGeometry {
        try context.own(GEOSBoundary_r(h, handle), "GEOSBoundary")
    }
}
