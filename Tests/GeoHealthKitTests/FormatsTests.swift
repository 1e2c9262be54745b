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
            let worst = zip(a, b).map { max(abs($0.x - $1.x), abs($0.y - $1.y)) }.max() ?? .infinity
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

    @Test func otherProjectedCoordinatesAndFormatsAreRefusedWithWhatToDo() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let utm = dir.appendingPathComponent("utm.geojson")
            try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1"},"geometry":{"type":"Point","coordinates":[500000,1800000]}}]}"#
                .write(to: utm, atomically: true, encoding: .utf8)
            let e = try #require(throws: InputError.self) { try LayerReader.features(utm) }
            #expect(e.description.contains("not longitude/latitude and no CRS is declared") && e.description.contains("ogr2ogr -t_srs EPSG:4326"))
            let shp = dir.appendingPathComponent("communes.shp")
            try Data().write(to: shp)
            let s = try #require(throws: InputError.self) { try LayerReader.features(shp) }
            #expect(s.description == "\(shp.relativePath): ESRI Shapefile is not read by GeoHealth: convert it with GDAL, e.g. `ogr2ogr -t_srs EPSG:4326 communes.gpkg communes.shp` (or `-f GeoJSON x.geojson`), and give the .gpkg or .geojson")
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
