import GeoCore

/// Well-Known Binary (OGC Simple Features Access 1.2.1 §8.2; ISO 13249-3), 2D.
///
/// Writes little-endian WKB. Reads either byte order, and ISO (type + 1000/2000/3000) or EWKB
/// flags (0x80000000 Z, 0x40000000 M) for Z/M inputs, whose extra ordinates are dropped (every
/// analysis here is 2D). Type codes: 1 Point, 2 LineString, 3 Polygon, 4 MultiPoint,
/// 5 MultiLineString, 6 MultiPolygon, 7 GeometryCollection. An empty point is written as
/// (NaN, NaN), as GDAL and GEOS do. Reading is bounded by the bytes given: every count is
/// checked against the bytes that remain (at the smallest size one element takes) before
/// anything is allocated, and collections nest at most 32 levels.
package enum WKB {
    package struct Error: Swift.Error, CustomStringConvertible {
        package var description: String
        package init(description: String) { self.description = description }
    }

    package static func encode(_ g: Geometry) -> [UInt8] {
        var out: [UInt8] = []
        append(g, to: &out)
        return out
    }

    static func append(_ g: Geometry, to out: inout [UInt8]) {
        func header(_ type: UInt32) { out.append(1); put(type, &out) }
        func ring(_ r: [Coordinate]) { put(UInt32(r.count), &out); for c in r { put(c.x, &out); put(c.y, &out) } }
        switch g {
        case .point(let c): header(1); put(c.x, &out); put(c.y, &out)
        case .lineString(let cs): header(2); ring(cs)
        case .polygon(let p): header(3); put(UInt32(p.rings.count), &out); p.rings.forEach(ring)
        case .multiPoint(let cs): header(4); put(UInt32(cs.count), &out); for c in cs { append(.point(c), to: &out) }
        case .multiLineString(let ls): header(5); put(UInt32(ls.count), &out); for l in ls { append(.lineString(l), to: &out) }
        case .multiPolygon(let ps): header(6); put(UInt32(ps.count), &out); for p in ps { append(.polygon(p), to: &out) }
        case .geometryCollection(let gs): header(7); put(UInt32(gs.count), &out); for g in gs { append(g, to: &out) }
        }
    }

    static func put(_ v: UInt32, _ out: inout [UInt8]) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    static func put(_ v: Double, _ out: inout [UInt8]) { put64(v.bitPattern, &out) }
    static func put64(_ v: UInt64, _ out: inout [UInt8]) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }

    /// Decodes one geometry starting at `offset` of `bytes`.
    package static func decode(_ bytes: some RandomAccessCollection<UInt8>, offset: Int = 0) throws -> Geometry {
        var reader = Reader(bytes: Array(bytes), position: offset)
        return try reader.geometry(depth: 0)
    }

    struct Reader {
        var bytes: [UInt8]
        var position: Int
        var little = true

        mutating func need(_ n: Int) throws {
            guard n >= 0, position + n <= bytes.count else { throw Error(description: "WKB ends early (byte \(position), \(n) more needed)") }
        }

        mutating func uint32() throws -> UInt32 {
            try need(4)
            var v: UInt32 = 0
            for i in 0..<4 { v |= UInt32(bytes[position + i]) << (8 * (little ? i : 3 - i)) }
            position += 4
            return v
        }

        mutating func double() throws -> Double {
            try need(8)
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * (little ? i : 7 - i)) }
            position += 8
            return Double(bitPattern: v)
        }

        mutating func count(_ what: String, bytesEach: Int) throws -> Int {
            let n = Int(try uint32())
            // Each element needs at least `bytesEach` bytes: refuse counts the data cannot hold.
            guard n <= (bytes.count - position) / max(bytesEach, 1) else { throw Error(description: "WKB \(what) count \(n) larger than the data") }
            return n
        }

        mutating func geometry(depth: Int) throws -> Geometry {
            guard depth < 32 else { throw Error(description: "WKB nested deeper than 32 levels") }
            try need(5)
            switch bytes[position] {
            case 0: little = false
            case 1: little = true
            default: throw Error(description: "WKB byte order \(bytes[position]) at byte \(position) (expected 0 or 1)")
            }
            position += 1
            var code = try uint32()
            var dims = 2
            if code & 0x8000_0000 != 0 { dims += 1 }
            if code & 0x4000_0000 != 0 { dims += 1 }
            code &= 0x0FFF_FFFF
            switch code / 1000 {
            case 1, 2: dims += 1
            case 3: dims += 2
            default: break
            }
            let type = code % 1000
            func coordinate() throws -> Coordinate {
                let x = try double(), y = try double()
                for _ in 2..<dims { _ = try double() }
                return Coordinate(x: x, y: y)
            }
            func points() throws -> [Coordinate] {
                let n = try count("point", bytesEach: 8 * dims)
                return try (0..<n).map { _ in try coordinate() }
            }
            func polygon() throws -> Polygon {
                let n = try count("ring", bytesEach: 4)
                return Polygon(rings: try (0..<n).map { _ in try points() })
            }
            func parts<T>(_ expected: UInt32, _ pick: (Geometry) -> T?) throws -> [T] {
                let n = try count("part", bytesEach: 9)
                return try (0..<n).map { _ in
                    let g = try geometry(depth: depth + 1)
                    guard let v = pick(g) else { throw Error(description: "a WKB multi-geometry of type \(type) holds a \(g.typeName)") }
                    return v
                }
            }
            switch type {
            case 1: return .point(try coordinate())
            case 2: return .lineString(try points())
            case 3: return .polygon(try polygon())
            case 4: return .multiPoint(try parts(1) { if case .point(let c) = $0 { c } else { nil } })
            case 5: return .multiLineString(try parts(2) { if case .lineString(let l) = $0 { l } else { nil } })
            case 6: return .multiPolygon(try parts(3) { if case .polygon(let p) = $0 { p } else { nil } })
            case 7: return .geometryCollection(try parts(0) { $0 })
            default: throw Error(description: "WKB geometry type \(code) is not supported (curves, surfaces, TIN)")
            }
        }
    }
}
