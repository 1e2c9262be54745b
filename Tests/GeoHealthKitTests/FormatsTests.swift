import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import Testing

/// Layers in other CRSs and formats, tables in other encodings and dialects: read as the
/// sample, or refused with what to do.
@Suite struct LayerFormatTests {
    /// The five communes GDAL wrote in Lambert-93 (Tests/fixtures/gdal), keyed by code, and the
    /// same communes of the sample in longitude/latitude.
    static func compare(_ url: URL, tolerance: Double = 1e-6) throws -> LayerReader.Info {
        let (original, _) = try LayerReader.features(Fixtures.sample.appendingPathComponent("communes.geojson"))
        let byCode = Dictionary(uniqueKeysWithValues: original.map { ($0.properties["code"]!.stringValue!, $0.geometry!) })
        let (features, info) = try LayerReader.features(url)
        #expect(features.count == 5)
        for f in features {
            let code = try #require(f.properties["code"]?.stringValue)
            let a = try #require(f.geometry).polygons.flatMap { $0.rings.flatMap { $0 } }
            let b = try #require(byCode[code]).polygons.flatMap { $0.rings.flatMap { $0 } }
            #expect(a.count == b.count, "\(code)")
            // Each position near one of the original's (a Shapefile turns the rings the other way).
            let worst = a.map { p in b.map { max(abs($0.x - p.x), abs($0.y - p.y)) }.min() ?? .infinity }.max() ?? .infinity
            #expect(worst < tolerance, "\(url.lastPathComponent) \(code): \(worst)°")
        }
        return info
    }

    @Test func lambert93GeoPackageFromGDAL() throws {
        let info = try Self.compare(Fixtures.url("Tests/fixtures/gdal/communes-l93.gpkg"))
        #expect(info.crs == .lambert93 && info.crsSource == "declared")
        #expect(info.warnings.map(\.message) == ["coordinates in EPSG:2154 (declared), converted to longitude/latitude"])
    }

    @Test func lambert93GeoJSONWithItsCRSMember() throws {
        // Written to 1 mm (COORDINATE_PRECISION=3): 1e-7° is about 1 cm.
        let info = try Self.compare(Fixtures.url("Tests/fixtures/gdal/communes-l93.geojson"), tolerance: 1e-7)
        #expect(info.crs == .lambert93 && info.crsSource == "declared")
    }

    @Test func lambert93WithoutCRSIsGuessedAndSaidSo() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let text = try String(contentsOf: Fixtures.url("Tests/fixtures/gdal/communes-l93.geojson"), encoding: .utf8)
                .replacingOccurrences(of: "\"crs\": { \"type\": \"name\", \"properties\": { \"name\": \"urn:ogc:def:crs:EPSG::2154\" } },\n", with: "")
            #expect(!text.contains("\"crs\""))
            let url = dir.appendingPathComponent("l93.geojson")
            try text.write(to: url, atomically: true, encoding: .utf8)
            let info = try Self.compare(url, tolerance: 1e-7)
            #expect(info.crs == .lambert93 && info.crsSource == "guessed from the coordinates")
            #expect(info.warnings.first?.message.contains("read as EPSG:2154") == true)
        }
    }

    /// A Shapefile GDAL wrote in Lambert-93 (its ESRI .prj has no EPSG code: read by name).
    @Test func lambert93ShapefileFromGDAL() throws {
        let info = try Self.compare(Fixtures.url("Tests/fixtures/shapefile/communes-l93.shp"), tolerance: 1e-7)
        // GDAL wrote the names in ISO-8859-1 (language driver 0x57, no .cpg).
        #expect(info.crs == .lambert93 && info.crsSource == "declared" && info.type == "Shapefile (Windows-1252 attributes)")
        #expect(try LayerReader.features(Fixtures.url("Tests/fixtures/shapefile/communes-l93.shp")).features[0].properties["nom"] == .string("Sainte-Bréy-les-Bois"))
    }

    /// Rings grouped as the format says (holes inside their polygon), Windows-1252 text of the
    /// .cpg, nulls, booleans as GDAL writes them; and broken files refused, not crashed on.
    @Test func shapefileRingsEncodingAndDamage() throws {
        let (features, info) = try LayerReader.features(Fixtures.url("Tests/fixtures/shapefile/shapes-cp1252.shp"))
        #expect(info.crs == .wgs84 && info.type == "Shapefile (Windows-1252 attributes)")
        #expect(features.map { $0.properties["nom"]?.stringValue } == ["Château-d’Œx", "Île-Molène"])
        #expect(features[0].properties["pop"] == .number(1250) && features[1].properties["pop"] == .null)
        guard case .polygon(let a)? = features[0].geometry, case .multiPolygon(let b)? = features[1].geometry else {
            Issue.record("types: \(features.map { $0.geometry?.typeName ?? "nil" })"); return
        }
        #expect(a.rings.count == 2 && a.holes.first?.count == 5, "the hole is in its polygon")
        #expect(b.count == 2 && b[0].rings.count == 1 && b[1].rings.count == 2, "the second part keeps its hole")
        #expect(Set(b[1].holes.first!) == [Coordinate(x: 6.5, y: 46.2), Coordinate(x: 6.8, y: 46.5), Coordinate(x: 6.8, y: 46.2)])

        try Fixtures.withTemporaryDirectory { dir in
            let source = Fixtures.url("Tests/fixtures/shapefile/communes-l93")
            let shp = try Data(contentsOf: source.appendingPathExtension("shp"))
            for ext in ["dbf", "prj"] {
                try FileManager.default.copyItem(at: source.appendingPathExtension(ext), to: dir.appendingPathComponent("cut.\(ext)"))
            }
            for cut in [0, 50, 100, 108, 150, shp.count - 3] {
                let url = dir.appendingPathComponent("cut.shp")
                try? FileManager.default.removeItem(at: url)
                try shp.prefix(cut).write(to: url)
                let e = try #require(throws: InputError.self, "cut at \(cut)") { try LayerReader.features(url) }
                #expect(e.description.hasPrefix(url.relativePath), "\(e.description)")
            }
            try shp.write(to: dir.appendingPathComponent("lonely.shp"))
            let e = try #require(throws: InputError.self) { try LayerReader.features(dir.appendingPathComponent("lonely.shp")) }
            #expect(e.description.contains("no .dbf beside the .shp"))
        }
    }

    @Test func otherProjectedCoordinatesAndFormatsAreRefusedWithWhatToDo() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let utm = dir.appendingPathComponent("utm.geojson")
            try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1"},"geometry":{"type":"Point","coordinates":[500000,1800000]}}]}"#
                .write(to: utm, atomically: true, encoding: .utf8)
            let e = try #require(throws: InputError.self) { try LayerReader.features(utm) }
            #expect(e.description.contains("not longitude/latitude and no CRS is declared") && e.description.contains("ogr2ogr -t_srs EPSG:4326"))
            let kml = dir.appendingPathComponent("communes.kml")
            try Data().write(to: kml)
            let s = try #require(throws: InputError.self) { try LayerReader.features(kml) }
            #expect(s.description == "\(kml.relativePath): KML is not read by GeoHealth: convert it with GDAL, e.g. `ogr2ogr -t_srs EPSG:4326 communes.gpkg communes.kml` (or `-f GeoJSON x.geojson`), and give the .gpkg or .geojson")
        }
    }

    /// A national-style chain: a table written as GeoPackage is read back by `study`,
    /// `inequality` and `map` as the GeoJSON one is, `unreachable` included.
    @Test func geoPackageTablesChainLikeGeoJSON() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let gpkg = dir.appendingPathComponent("d.gpkg").path, geojson = dir.appendingPathComponent("d.geojson").path
            for out in [gpkg, geojson] {
                let r = try CommandRunner.run(["distance", "geodata", "--site-kind", "hospital", "--max-minutes", "25", "--out", out])
                #expect(r.status == 0, "\(r.stderr)")
            }
            let a = try CommandRunner.run(["inequality", gpkg, "--value", "hospital_minutes", "--spatial-weights", "queen", "--format", "json"])
            let b = try CommandRunner.run(["inequality", geojson, "--value", "hospital_minutes", "--spatial-weights", "queen", "--format", "json"])
            #expect(a.status == 0 && a.stdout == b.stdout, "\(a.stderr)")
            #expect(a.stdout.contains("\"reason\":\"unreachable\""))
            let study = try CommandRunner.run(["study", "--areas", gpkg, "--format", "json"])
            #expect(study.status == 0 && study.stdout.contains("\"features\":236"), "\(study.stderr)")
        }
    }
}

@Suite struct TableEncodingTests {
    @Test func windows1252IsReadNotReplaced() throws {
        let t = try CSVTable.read(contentsOf: Fixtures.url("Tests/fixtures/encodings/population-cp1252.csv"))
        #expect(t.encoding == .windows1252)
        #expect(t.rows.map { $0[1] } == ["Sainte-Bréy-les-Bois", "Saint-Œuf-l’Abbaye", "Château-Thierry"])
        let l = try CSVTable.read(contentsOf: Fixtures.url("Tests/fixtures/encodings/population-latin1.csv"))
        #expect(l.encoding == .windows1252 && l.rows[1][1] == "Château-Thierry")
        let u = try CSVTable.read(contentsOf: Fixtures.sample.appendingPathComponent("population.csv"))
        #expect(u.encoding == .utf8 && !u.rows.joined().joined().contains("\u{FFFD}"))
    }

    @Test func aByteNeitherEncodingDefinesIsAnError() throws {
        let e = try #require(throws: InputError.self) { try CSVTable.read(contentsOf: Fixtures.url("Tests/fixtures/encodings/undefined-byte.csv")) }
        #expect(e.description.contains("line 2: byte 0x81 is neither UTF-8 nor Windows-1252") && e.description.contains("iconv"))
    }

    @Test func frenchDialectWrittenAndReadBack() throws {
        let text = CSVWriter.string(header: ["code", "nom", "minutes"], rows: [["00001", "Saint-Œuf; le haut", CSVDialect.french.number("12.5")]], dialect: .french)
        #expect(text == "\u{FEFF}code;nom;minutes\r\n00001;\"Saint-Œuf; le haut\";12,5\r\n")
        let t = try CSVTable.parse(Data(text.utf8), file: "fr.csv")
        #expect(t.header == ["code", "nom", "minutes"] && t.rows[0][1] == "Saint-Œuf; le haut")
        #expect(t.number(t.rows[0][2]) == 12.5 && t.number("1 234,5") == 1234.5 && t.number("1\u{202F}234,5") == 1234.5)
        // A comma-separated table keeps commas out of numbers.
        #expect(try CSVTable.parse("a,b\n1,2\n").number("1,5") == nil)
    }
}
