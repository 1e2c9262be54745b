import CGEOS
import GeoCore

extension GEOSContext {
    /// Converts a `Geometry` to GEOS, copying each coordinate array in one call
    /// (`GEOSCoordSeq_copyFromBuffer_r`, no per-point calls).
    ///
    /// Throws GEOS's own error for structurally impossible input, e.g. a ring of three points.
    package func geometry(_ geometry: Geometry) throws -> NativeGeometry {
        try own(make(geometry), "create \(geometry.typeName)")
    }

    /// A point, without building a `Geometry` first.
    package func point(_ c: Coordinate) throws -> NativeGeometry {
        try own(GEOSGeom_createPointFromXY_r(handle, c.x, c.y), "GEOSGeom_createPointFromXY")
    }

    /// An axis-aligned rectangle polygon.
    package func rectangle(_ box: BoundingBox) throws -> NativeGeometry {
        try own(GEOSGeom_createRectangle_r(handle, box.minX, box.minY, box.maxX, box.maxY), "GEOSGeom_createRectangle")
    }

    /// A new raw handle, or nil after GEOS reported an error. Children are freed on failure.
    private func make(_ g: Geometry) -> OpaquePointer? {
        switch g {
        case .point(let c):
            return GEOSGeom_createPointFromXY_r(handle, c.x, c.y)
        case .lineString(let cs):
            guard let seq = sequence(cs) else { return nil }
            return GEOSGeom_createLineString_r(handle, seq)
        case .polygon(let p):
            return polygon(p)
        case .multiPoint(let cs):
            return collection(GEOS_MULTIPOINT, cs.map { Geometry.point($0) })
        case .multiLineString(let ls):
            return collection(GEOS_MULTILINESTRING, ls.map { Geometry.lineString($0) })
        case .multiPolygon(let ps):
            return collection(GEOS_MULTIPOLYGON, ps.map { Geometry.polygon($0) })
        case .geometryCollection(let gs):
            return collection(GEOS_GEOMETRYCOLLECTION, gs)
        }
    }

    private func sequence(_ cs: [Coordinate]) -> OpaquePointer? {
        if cs.isEmpty { return GEOSCoordSeq_create_r(handle, 0, 2) }
        return cs.withUnsafeBufferPointer { buffer in
            let doubles = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: Double.self)
            return GEOSCoordSeq_copyFromBuffer_r(handle, doubles, UInt32(cs.count), 0, 0)
        }
    }

    private func polygon(_ p: Polygon) -> OpaquePointer? {
        if p.rings.isEmpty { return GEOSGeom_createEmptyPolygon_r(handle) }
        var rings: [OpaquePointer] = []
        rings.reserveCapacity(p.rings.count)
        for ring in p.rings {
            guard let seq = sequence(ring), let r = GEOSGeom_createLinearRing_r(handle, seq) else {
                rings.forEach { GEOSGeom_destroy_r(handle, $0) }
                return nil
            }
            rings.append(r)
        }
        var holes: [OpaquePointer?] = Array(rings.dropFirst())
        return holes.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createPolygon_r(handle, rings[0], buf.baseAddress, UInt32(buf.count))
        }
    }

    private func collection(_ type: GEOSGeomTypes, _ parts: [Geometry]) -> OpaquePointer? {
        if parts.isEmpty { return GEOSGeom_createEmptyCollection_r(handle, Int32(type.rawValue)) }
        var made: [OpaquePointer?] = []
        made.reserveCapacity(parts.count)
        for part in parts {
            guard let m = make(part) else {
                made.forEach { GEOSGeom_destroy_r(handle, $0) }
                return nil
            }
            made.append(m)
        }
        return made.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buf.baseAddress, UInt32(buf.count))
        }
    }
}

extension NativeGeometry {
    /// Converts back to a C-free `Geometry` (`GEOSCoordSeq_copyToBuffer_r`, one call per array).
    ///
    /// An empty point becomes an empty `multiPoint`, since `Geometry.point` always has a position.
    package func geometry() throws -> Geometry {
        try Self.convert(handle, context)
    }

    static func convert(_ g: OpaquePointer, _ context: GEOSContext) throws -> Geometry {
        let h = context.handle
        let type = GEOSGeomTypeId_r(h, g)
        switch UInt32(type) {
        case GEOS_POINT.rawValue:
            let cs = try coordinates(g, context)
            return cs.isEmpty ? .multiPoint([]) : .point(cs[0])
        case GEOS_LINESTRING.rawValue, GEOS_LINEARRING.rawValue:
            return .lineString(try coordinates(g, context))
        case GEOS_POLYGON.rawValue:
            return .polygon(try polygon(g, context))
        case GEOS_MULTIPOINT.rawValue:
            return .multiPoint(try parts(g, context).flatMap { try coordinates($0, context) })
        case GEOS_MULTILINESTRING.rawValue:
            return .multiLineString(try parts(g, context).map { try coordinates($0, context) })
        case GEOS_MULTIPOLYGON.rawValue:
            return .multiPolygon(try parts(g, context).map { try polygon($0, context) })
        case GEOS_GEOMETRYCOLLECTION.rawValue:
            return .geometryCollection(try parts(g, context).map { try convert($0, context) })
        default:
            throw context.failure("GEOSGeomTypeId")
        }
    }

    private static func parts(_ g: OpaquePointer, _ context: GEOSContext) throws -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(context.handle, g)
        guard n >= 0 else { throw context.failure("GEOSGetNumGeometries") }
        return try (0..<n).map { i in
            guard let part = GEOSGetGeometryN_r(context.handle, g, i) else { throw context.failure("GEOSGetGeometryN") }
            return part
        }
    }

    private static func polygon(_ g: OpaquePointer, _ context: GEOSContext) throws -> Polygon {
        let h = context.handle
        if GEOSisEmpty_r(h, g) == 1 { return Polygon(rings: []) }
        guard let shell = GEOSGetExteriorRing_r(h, g) else { throw context.failure("GEOSGetExteriorRing") }
        var rings = [try coordinates(shell, context)]
        let holes = GEOSGetNumInteriorRings_r(h, g)
        guard holes >= 0 else { throw context.failure("GEOSGetNumInteriorRings") }
        for i in 0..<holes {
            guard let ring = GEOSGetInteriorRingN_r(h, g, i) else { throw context.failure("GEOSGetInteriorRingN") }
            rings.append(try coordinates(ring, context))
        }
        return Polygon(rings: rings)
    }

    private static func coordinates(_ g: OpaquePointer, _ context: GEOSContext) throws -> [Coordinate] {
        let h = context.handle
        if GEOSisEmpty_r(h, g) == 1 { return [] }
        guard let seq = GEOSGeom_getCoordSeq_r(h, g) else { throw context.failure("GEOSGeom_getCoordSeq") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(h, seq, &size) != 0 else { throw context.failure("GEOSCoordSeq_getSize") }
        if size == 0 { return [] }
        var ok: Int32 = 0
        let result = [Coordinate](unsafeUninitializedCapacity: Int(size)) { buffer, count in
            let doubles = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: Double.self)
            ok = GEOSCoordSeq_copyToBuffer_r(h, seq, doubles, 0, 0)
            count = ok != 0 ? Int(size) : 0
        }
        guard ok != 0 else { throw context.failure("GEOSCoordSeq_copyToBuffer") }
        return result
    }
}
