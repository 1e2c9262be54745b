import CGEOS

extension NativeGeometry {
    /// OGC validity (GEOSisValid).
    package func isValid() throws -> Bool {
        try context.predicate(GEOSisValid_r(h, handle), "GEOSisValid")
    }

    /// `Valid Geometry`, or GEOS's reason with the location, e.g. `Self-intersection[2 1]`
    /// (GEOSisValidReason).
    package func validityReason() throws -> String {
        guard let p = GEOSisValidReason_r(h, handle) else { throw context.failure("GEOSisValidReason") }
        defer { context.free(UnsafeMutableRawPointer(p)) }
        return String(cString: p)
    }

    /// A valid geometry covering the same points (GEOSMakeValid, the "linework" method):
    /// a bow-tie becomes two triangles; collapsed parts may come back as lines or points.
    package func makeValid() throws -> NativeGeometry {
        try context.own(GEOSMakeValid_r(h, handle), "GEOSMakeValid")
    }
}
