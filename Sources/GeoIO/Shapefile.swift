import Foundation
import GeoCore

/// Reads an ESRI Shapefile (ESRI Shapefile Technical Description, July 1998): the geometries of
/// the `.shp`, the attributes of the `.dbf` (dBase III), the encoding of the `.cpg` and the
/// CRS of the `.prj`.
///
/// - Shapes: Null, Point, PolyLine, Polygon, MultiPoint and their Z and M variants (Z and M
///   values dropped; every analysis here is 2D). A polygon's rings are grouped as the format
///   says: a clockwise ring starts a polygon, a counter-clockwise ring is a hole of the
///   smallest clockwise ring that holds it (a hole that fits none becomes a polygon of its own,
///   as GDAL does).
/// - Attributes: C (text, trailing spaces trimmed), N and F (numbers; blank is null), L
///   (booleans; `?` is null), D (dates as `YYYY-MM-DD`); deleted records are skipped.
/// - Encoding of the text: the `.cpg` (`UTF-8`, `1252`, `ISO-8859-1`, `LATIN1`…); without one,
///   the dBase language driver byte (0x57, 0x03 → Windows-1252); otherwise UTF-8 when the
///   bytes are valid UTF-8, else Windows-1252 (``TextEncoding``).
/// - CRS: the `.prj` WKT's last `AUTHORITY["EPSG", n]` or `ID["EPSG", n]`, or the ESRI name of
///   the French CRSs (Lambert-93, the overseas UTM zones, WGS 84); ``crsName`` is nil when
///   the `.prj` is missing or unknown (the caller then guesses from the coordinates).
/// - Damaged files: every length, offset and count read from the `.shp` or `.dbf` is checked
///   against the bytes that remain before anything is allocated; a header that asks for more
///   is an ``InputError`` naming the file, the record (feature) and the field.
package enum Shapefile {
    package struct Layer: Sendable {
        package var features: [Feature]
        /// `EPSG:n` from the .prj, if recognised.
        package var crsName: String?
        /// The .prj text, if any.
        package var projection: String?
        package var encoding: TextEncoding
    }

    package static func read(_ shp: URL) throws -> Layer {
        let base = shp.deletingPathExtension()
        let file = shp.relativePath
        func sibling(_ ext: String) -> URL? {
            for e in [ext, ext.uppercased()] {
                let u = base.appendingPathExtension(e)
                if FileManager.default.fileExists(atPath: u.path) { return u }
            }
            return nil
        }
        let shpData = try InputFile.mapped(shp)
        guard let dbf = sibling("dbf") else {
            throw InputError(file: file, message: "no .dbf beside the .shp (a Shapefile is .shp, .shx, .dbf and usually .prj)")
        }
        let geometries = try readShapes(Array(shpData), file: file)
        let cpg = sibling("cpg").flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        let (rows, encoding) = try readDBF(Array(try InputFile.mapped(dbf)), file: dbf.relativePath, codePage: cpg)
        guard rows.count == geometries.count || rows.isEmpty else {
            throw InputError(file: file, message: "the .shp holds \(geometries.count) shapes but the .dbf \(rows.count) records")
        }
        let projection = sibling("prj").flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        var features: [Feature] = []
        features.reserveCapacity(geometries.count)
        for (i, g) in geometries.enumerated() where !(rows.isEmpty ? false : rows[i] == nil) {
            features.append(Feature(geometry: g, properties: rows.isEmpty ? Properties() : rows[i]!))
        }
        return Layer(features: features, crsName: projection.flatMap(epsg).map { "EPSG:\($0)" }, projection: projection, encoding: encoding)
    }

    // MARK: .shp

    /// The shapes of a `.shp`, one per record (nil for a Null shape). Every length and count
    /// read from the file is checked against the bytes that remain before anything is
    /// allocated, so a damaged header is an error naming the record, never a crash.
    package static func readShapes(_ b: [UInt8], file: String) throws -> [Geometry?] {
        guard b.count >= 100, int32BE(b, 0) == 9994 else { throw InputError(file: file, message: "not a Shapefile .shp (no file code 9994)") }
        var out: [Geometry?] = []
        var pos = 100
        let end = min(b.count, Int(int32BE(b, 24)) * 2)
        while pos + 8 <= end {
            let record = Int(int32BE(b, pos))
            let length = Int(int32BE(b, pos + 4)) * 2
            let start = pos + 8
            guard length >= 4, length <= b.count - start else {
                throw InputError(file: file, feature: out.count, message: "record \(record): its length (\(length) bytes) runs past the end of the file")
            }
            do {
                out.append(try shape(b, start, length))
            } catch let e as WKB.Error {
                throw InputError(file: file, feature: out.count, message: "record \(record): \(e.description)")
            }
            pos = start + length
        }
        return out
    }

    /// One shape record's content (`length` bytes from `start`, already within `b`).
    static func shape(_ b: [UInt8], _ start: Int, _ length: Int) throws -> Geometry? {
        let type = int32LE(b, start)
        func need(_ n: Int) throws {
            guard n <= length else { throw WKB.Error(description: "shape data shorter than its counts say (\(n) bytes needed, \(length) in the record)") }
        }
        func count(_ at: Int, _ what: String) throws -> Int {
            let n = Int(int32LE(b, start + at))
            guard n >= 0 else { throw WKB.Error(description: "negative \(what) count \(n)") }
            return n
        }
        func point(_ at: Int) -> Coordinate { Coordinate(x: double(b, at), y: double(b, at + 8)) }
        switch type {
        case 0: return nil
        case 1, 11, 21:
            try need(20)
            return .point(point(start + 4))
        case 8, 18, 28:
            try need(40)
            let n = try count(36, "point")
            try need(40 + 16 * n)
            return .multiPoint((0..<n).map { point(start + 40 + 16 * $0) })
        case 3, 13, 23, 5, 15, 25:
            try need(44)
            let parts = try count(36, "part"), points = try count(40, "point")
            try need(44 + 4 * parts + 16 * points)
            let rings = try partRings(b, start + 44, parts: parts, points: points)
            if type % 10 == 3 { return rings.count == 1 ? .lineString(rings[0]) : .multiLineString(rings) }
            let polygons = assemble(rings.filter { $0.count >= 4 })
            return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
        default:
            throw WKB.Error(description: "shape type \(type) is not supported (MultiPatch)")
        }
    }

    /// The parts of a PolyLine or Polygon: `parts` start indices at `at`, then `points` points
    /// (their bytes already checked); each part runs from its start to the next one's.
    static func partRings(_ b: [UInt8], _ at: Int, parts: Int, points: Int) throws -> [[Coordinate]] {
        let first = (0..<parts).map { Int(int32LE(b, at + 4 * $0)) }
        let base = at + 4 * parts
        return try (0..<parts).map { k in
            let from = first[k], to = k + 1 < parts ? first[k + 1] : points
            guard from >= 0, from <= to, to <= points else { throw WKB.Error(description: "part \(k) starts at point \(from), outside 0…\(points)") }
            return (from..<to).map { Coordinate(x: double(b, base + 16 * $0), y: double(b, base + 16 * $0 + 8)) }
        }
    }

    /// Groups rings into polygons: clockwise rings are exteriors, the others holes of the
    /// smallest exterior that contains their first point (exteriors whose box misses the
    /// point are not tested).
    /// - Complexity: O(holes × exteriors) box tests, plus a ring test for each box that holds.
    static func assemble(_ rings: [[Coordinate]]) -> [Polygon] {
        let area = rings.map(Ring.signedArea)
        var polygons: [Polygon] = []
        var exteriorOf: [Int] = []
        var boxes: [BoundingBox] = []
        for (i, r) in rings.enumerated() where area[i] <= 0 {
            polygons.append(Polygon(exterior: r))
            exteriorOf.append(i)
            boxes.append(r.reduce(into: BoundingBox.empty) { $0.extend($1) })
        }
        for (i, r) in rings.enumerated() where area[i] > 0 {
            let holders = exteriorOf.indices.filter { boxes[$0].contains(r[0]) && Ring.contains(rings[exteriorOf[$0]], r[0]) }
            if let k = holders.min(by: { abs(area[exteriorOf[$0]]) < abs(area[exteriorOf[$1]]) }) {
                polygons[k].rings.append(r)
            } else {
                polygons.append(Polygon(exterior: r))
            }
        }
        return polygons
    }

    // MARK: .prj

    /// The EPSG code of a .prj: its last EPSG authority, or the ESRI name of a French CRS.
    package static func epsg(_ wkt: String) -> Int? {
        let patterns = [#"AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$"#, #"ID\["EPSG",\s*(\d+)\]\s*\]\s*$"#]
        for p in patterns {
            if let r = wkt.range(of: p, options: .regularExpression) {
                let digits = wkt[r].filter(\.isNumber)
                return Int(digits)
            }
        }
        let names: [(String, Int)] = [
            ("Lambert_93", 2154), ("Lambert-93", 2154), ("UTM_Zone_20N", 5490), ("UTM zone 20N", 5490), ("RGFG95_UTM_Zone_22N", 2972),
            ("UTM_Zone_22N", 2972), ("RGR92_UTM_Zone_40S", 2975), ("UTM_Zone_40S", 2975), ("RGM04_UTM_Zone_38S", 4471), ("UTM_Zone_38S", 4471),
        ]
        let head = wkt.prefix(while: { $0 != "," })
        for (name, code) in names where head.contains(name) { return code }
        if wkt.hasPrefix("GEOGCS[\"GCS_WGS_1984\"") || wkt.hasPrefix("GEOGCS[\"WGS 84\"") { return 4326 }
        if wkt.hasPrefix("GEOGCS[\"GCS_RGF_1993\"") || wkt.hasPrefix("GEOGCS[\"RGF93") { return 4171 }
        return nil
    }

    // MARK: bytes

    static func int32BE(_ b: [UInt8], _ at: Int) -> Int32 {
        Int32(bitPattern: UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3]))
    }
    static func int32LE(_ b: [UInt8], _ at: Int) -> Int32 {
        Int32(bitPattern: UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24)
    }
    static func double(_ b: [UInt8], _ at: Int) -> Double {
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(b[at + i]) << (8 * i) }
        return Double(bitPattern: v)
    }
}
