import Foundation
import GeoCore
import GeoHealthTestSupport
import GeoIO
import GeoPackage
import Testing

/// WKB by hand, GeoPackage written and read back, opened by GDAL's ogrinfo, and files GDAL
/// wrote read here.
@Suite struct WKBTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = [], chars = Array(hex)
        while chars.count >= 2 { out.append(UInt8(String(chars[0..<2]), radix: 16)!); chars.removeFirst(2) }
        return out
    }

    /// POINT (1 2) is `01 01000000 000000000000F03F 0000000000000040` (little-endian, type 1,
    /// the IEEE 754 doubles 1.0 and 2.0), as shapely's `Point(1, 2).wkb_hex` prints it.
    @Test func pointByHand() throws {
        #expect(Self.hex(WKB.encode(.point(Coordinate(x: 1, y: 2)))) == "0101000000000000000000F03F0000000000000040")
        // The same point big-endian, and as ISO POINT Z (type 1001) whose z is dropped.
        #expect(try WKB.decode(Self.bytes("00000000013FF00000000000004000000000000000")) == .point(Coordinate(x: 1, y: 2)))
        #expect(try WKB.decode(Self.bytes("01E9030000000000000000F03F00000000000000400000000000000840")) == .point(Coordinate(x: 1, y: 2)))
        // EWKB with the Z flag (0x80000001).
        #expect(try WKB.decode(Self.bytes("0101000080000000000000F03F00000000000000400000000000000840")) == .point(Coordinate(x: 1, y: 2)))
    }

    @Test func everyTypeRoundTrips() throws {
        let ring = [Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0), Coordinate(x: 4, y: 4), Coordinate(x: 0, y: 0)]
        let hole = [Coordinate(x: 1, y: 1), Coordinate(x: 2, y: 1), Coordinate(x: 2, y: 2), Coordinate(x: 1, y: 1)]
        let polygon = Polygon(exterior: ring, holes: [hole])
        let all: [Geometry] = [
            .point(Coordinate(x: -61.5, y: 16.25)), .lineString(ring), .polygon(polygon), .multiPoint(ring),
            .multiLineString([ring, hole]), .multiPolygon([polygon, Polygon(exterior: hole)]),
            .geometryCollection([.point(Coordinate(x: 1, y: 2)), .polygon(polygon)]),
        ]
        for g in all { #expect(try WKB.decode(WKB.encode(g)) == g, "\(g.typeName)") }
        // POLYGON with one ring of 4 points: 1 + 4 + 4 + 4 + 4 × 16 bytes.
        #expect(WKB.encode(.polygon(Polygon(exterior: ring))).count == 77)
    }

    @Test func brokenWKBIsRefusedNotCrashed() {
        let good = WKB.encode(.polygon(Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)])))
        for cut in [0, 1, 5, 9, 20, good.count - 1] {
            #expect(throws: WKB.Error.self) { try WKB.decode(Array(good.prefix(cut))) }
        }
        var huge = good
        huge[9] = 0xFF; huge[10] = 0xFF; huge[11] = 0xFF; huge[12] = 0x7F  // ring count 2^31 − 1
        #expect(throws: WKB.Error.self) { try WKB.decode(huge) }
        #expect(throws: WKB.Error.self) { try WKB.decode([2] + good.dropFirst()) }  // byte order 2
        #expect(throws: WKB.Error.self) { try WKB.decode(Self.bytes("010800000000000000")) }  // CircularString
    }
}

@Suite struct GeoPackageFileTests {
    static let square = Geometry.polygon(Polygon(exterior: [Coordinate(x: 2, y: 46), Coordinate(x: 2.1, y: 46), Coordinate(x: 2.1, y: 46.1), Coordinate(x: 2, y: 46)]))

    func writeSample(to url: URL) throws {
        let writer = try GeoPackageWriter(url, table: "t", columns: [("code", .text), ("population", .integer), ("minutes", .real), ("ok", .boolean)], geometryType: "MULTIPOLYGON")
        try writer.write(Self.square, [.string("00001"), .number(38000), .number(12.5), .bool(true)])
        try writer.write(nil, [.string("l'Œuf \"quoted\""), .null, .null, .bool(false)])
        try writer.finish()
    }

    @Test func writtenAndReadBack() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("t.gpkg")
            try writeSample(to: url)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["t.gpkg"], "no temporary file left")
            var features: [Feature] = []
            let layer = try GeoPackageReader.read(url) { _, f in features.append(f) }
            #expect(layer.table == "t" && layer.crs == CRS.wgs84 && layer.featureCount == 2)
            #expect(features.count == 2)
            guard case .multiPolygon(let parts)? = features[0].geometry else { Issue.record("not promoted"); return }
            #expect(parts == Self.square.polygons)
            #expect(features[0].properties["population"] == .number(38000) && features[0].properties["minutes"] == .number(12.5))
            #expect(features[0].properties["ok"] == .bool(true) && features[1].properties["ok"] == .bool(false))
            #expect(features[1].geometry == nil && features[1].properties["code"] == .string("l'Œuf \"quoted\"") && features[1].properties["minutes"] == .null)
        }
    }

    @Test func theStandardTablesAndTheIndex() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("t.gpkg")
            try writeSample(to: url)
            let db = try SQLiteDatabase(path: url.path, readOnly: true)
            #expect(try db.column("PRAGMA application_id") { $0.int(0) } == [0x4750_4B47])
            #expect(try db.column("PRAGMA user_version") { $0.int(0) } == [10300])
            #expect(try db.column("SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id") { $0.int(0) } == [-1, 0, 4326])
            #expect(try db.column("SELECT data_type || ' ' || min_x || ' ' || max_y || ' ' || srs_id FROM gpkg_contents") { $0.text(0)! } == ["features 2.0 46.1 4326"])
            #expect(try db.column("SELECT geometry_type_name FROM gpkg_geometry_columns") { $0.text(0)! } == ["MULTIPOLYGON"])
            // The R-tree stores 32-bit floats rounded outwards: the box contains the square.
            #expect(try db.column("SELECT id FROM rtree_t_geom WHERE minx <= 2 AND maxx >= 2.1 AND miny <= 46 AND maxy >= 46.1") { $0.int(0) } == [1])
            #expect(try db.column("SELECT count(*) FROM rtree_t_geom") { $0.int(0) } == [1], "the feature without geometry is not indexed")
            #expect(try db.column("SELECT extension_name FROM gpkg_extensions") { $0.text(0)! } == ["gpkg_rtree_index"])
            #expect(try db.column("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_t_geom_%'") { $0.int(0) } == [6])
            #expect(try db.column("PRAGMA integrity_check") { $0.text(0)! } == ["ok"])
            // The geometry blob: 'GP', version 0, flags 0x03 (little-endian, xy envelope), srs 4326.
            let blob = try db.column("SELECT geom FROM t WHERE fid = 1") { s -> [UInt8] in if case .blob(let b) = s.value(0) { b } else { [] } }[0]
            #expect(Array(blob.prefix(8)) == [0x47, 0x50, 0, 0x03, 0xE6, 0x10, 0, 0])
        }
    }

    @Test func notAGeoPackageIsAClearError() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("x.gpkg")
            try Data("hello".utf8).write(to: url)
            let e = try #require(throws: InputError.self) { try GeoPackageReader.read(url) { _, _ in } }
            #expect(e.description.hasPrefix("\(url.relativePath): "))
        }
    }

    /// GDAL opens what we write: layer, geometry type, feature count, CRS and fields.
    @Test func ogrinfoOpensWhatWeWrite() throws {
        guard let ogrinfo = Self.tool("ogrinfo") else { print("NOTICE: ogrinfoOpensWhatWeWrite skipped: ogrinfo (gdal-bin) is absent"); return }
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("t.gpkg")
            try writeSample(to: url)
            let out = try Self.run(ogrinfo, ["-so", "-al", url.path])
            #expect(out.contains("Layer name: t") && out.contains("Geometry: Multi Polygon") && out.contains("Feature Count: 2"), "\(out)")
            #expect(out.contains("ID[\"EPSG\",4326]"), "\(out)")
            #expect(out.contains("population: Integer") && out.contains("minutes: Real") && out.contains("ok: Integer(Boolean)"), "\(out)")
            let all = try Self.run(ogrinfo, ["-al", url.path])
            #expect(!all.contains("ERROR") && !all.contains("Warning"), "\(all)")
            #expect(all.contains("MULTIPOLYGON (((2 46,2.1 46.0,2.1 46.1,2 46)))"), "\(all)")
        }
    }

    /// A GeoPackage GDAL wrote (Tests/fixtures/gdal/README.md): Lambert-93, five communes.
    @Test func readsWhatGDALWrote() throws {
        var features: [Feature] = []
        let layer = try GeoPackageReader.read(Fixtures.url("Tests/fixtures/gdal/communes-l93.gpkg")) { _, f in features.append(f) }
        #expect(layer.table == "communes" && layer.crs == CRS.lambert93 && features.count == 5)
        #expect(features.map { $0.properties["code"]?.stringValue } == ["00001", "00002", "00003", "00004", "00005"])
        #expect(features[0].properties["nom"] == .string("Sainte-Bréy-les-Bois"))
        let box = try #require(features[0].geometry).boundingBox
        #expect(box.minX > 600_000 && box.maxX < 700_000 && box.minY > 6_500_000, "Lambert-93 metres: \(box)")
    }

    static func tool(_ name: String) -> URL? {
        for dir in ["/usr/bin", "/usr/local/bin"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static func run(_ tool: URL, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = tool
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
