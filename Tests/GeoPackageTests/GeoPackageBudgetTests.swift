import Foundation
import GeoCore
import GeoHealthTestSupport
import GeoIO
import GeoPackage
import Testing

/// A GeoPackage whose feature table is a VIEW that never ends: reading it stops at the work
/// budget (``GeoPackageReader/workBudget(fileSize:)``) with an error naming the file and the
/// table, instead of never returning.
@Suite struct GeoPackageBudgetTests {
    /// A valid GeoPackage (table `t`) plus `endless`, a recursive VIEW registered as a feature
    /// table the way GDAL registers views.
    static func writeEndlessView(to url: URL) throws {
        let writer = try GeoPackageWriter(url, table: "t", columns: [("code", .text)], geometryType: "POINT")
        try writer.write(.point(Coordinate(x: 2, y: 46)), [.string("a")])
        try writer.finish()
        let db = try SQLiteDatabase(path: url.path, readOnly: false)
        try db.execute("""
            CREATE VIEW endless AS WITH RECURSIVE n(fid) AS (SELECT 1 UNION ALL SELECT fid + 1 FROM n) SELECT fid, NULL AS geom FROM n;
            INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('endless', 'features', 'endless', 4326);
            INSERT INTO gpkg_geometry_columns VALUES ('endless', 'geom', 'POINT', 4326, 0, 0);
            """)
    }

    @Test(.timeLimit(.minutes(1))) func recursiveViewStopsWithAnErrorNamingTheTable() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("endless.gpkg")
            try Self.writeEndlessView(to: url)
            let error = try #require(throws: InputError.self) { try GeoPackageReader.read(url, table: "endless") { _, _ in } }
            let budget = GeoPackageReader.workBudget(fileSize: try Data(contentsOf: url).count)
            #expect(error.description == """
                \(url.relativePath): reading the table endless stopped: it cost more than GeoHealth allows a file of this size \
                (\(budget) SQLite steps; a VIEW that recurses, or joins without an index?). \
                Copy it to a plain table first, e.g. `ogr2ogr out.gpkg endless.gpkg endless`
                """)
        }
    }

    @Test func plainTablesStillReadWithinTheBudget() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plain.gpkg")
            let writer = try GeoPackageWriter(url, table: "t", columns: [("n", .integer)], geometryType: "POINT")
            for i in 0..<20_000 { try writer.write(.point(Coordinate(x: 2 + Double(i) * 1e-5, y: 46)), [.number(Double(i))]) }
            try writer.finish()
            var count = 0
            let layer = try GeoPackageReader.read(url) { _, _ in count += 1 }
            #expect(count == 20_000 && layer.featureCount == 20_000)
        }
    }
}
