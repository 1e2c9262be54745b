import CGEOS

extension GEOSContext {
    /// Parses Well-Known Text; GEOS's parse message on failure.
    package func geometry(wkt: String) throws -> NativeGeometry {
        guard let reader = GEOSWKTReader_create_r(handle) else { throw failure("GEOSWKTReader_create") }
        defer { GEOSWKTReader_destroy_r(handle, reader) }
        return try own(GEOSWKTReader_read_r(handle, reader, wkt), "GEOSWKTReader_read")
    }

    /// Parses Well-Known Binary (either byte order).
    package func geometry(wkb: [UInt8]) throws -> NativeGeometry {
        guard let reader = GEOSWKBReader_create_r(handle) else { throw failure("GEOSWKBReader_create") }
        defer { GEOSWKBReader_destroy_r(handle, reader) }
        return try own(wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(handle, reader, $0.baseAddress, $0.count) },
                       "GEOSWKBReader_read")
    }
}

extension NativeGeometry {
    /// Well-Known Text, trimmed, with `precision` decimals when given.
    package func wkt(precision: Int32? = nil) throws -> String {
        guard let writer = GEOSWKTWriter_create_r(h) else { throw context.failure("GEOSWKTWriter_create") }
        defer { GEOSWKTWriter_destroy_r(h, writer) }
        GEOSWKTWriter_setTrim_r(h, writer, 1)
        if let precision { GEOSWKTWriter_setRoundingPrecision_r(h, writer, precision) }
        guard let p = GEOSWKTWriter_write_r(h, writer, handle) else { throw context.failure("GEOSWKTWriter_write") }
        defer { context.free(UnsafeMutableRawPointer(p)) }
        return String(cString: p)
    }

    /// Well-Known Binary, little-endian, 2D.
    package func wkb() throws -> [UInt8] {
        guard let writer = GEOSWKBWriter_create_r(h) else { throw context.failure("GEOSWKBWriter_create") }
        defer { GEOSWKBWriter_destroy_r(h, writer) }
        GEOSWKBWriter_setByteOrder_r(h, writer, Int32(GEOS_WKB_NDR.rawValue))
        var size = 0
        guard let p = GEOSWKBWriter_write_r(h, writer, handle, &size) else { throw context.failure("GEOSWKBWriter_write") }
        defer { context.free(UnsafeMutableRawPointer(p)) }
        return Array(UnsafeBufferPointer(start: p, count: size))
    }
}
