import Foundation
import GeoCore
import GeoIO

/// Writes one feature table (or several, one after the other: ``nextTable(_:columns:geometryType:)``)
/// into a new OGC GeoPackage 1.3 file (OGC 12-128r18) through the
/// system SQLite library, as QGIS and GDAL read it:
///
/// - `application_id` 'GPKG' and `user_version` 10300;
/// - `gpkg_spatial_ref_sys` with the three rows the standard requires (EPSG:4326, undefined
///   cartesian −1, undefined geographic 0) plus the layer's CRS;
/// - `gpkg_contents` (data type `features`, extent) and `gpkg_geometry_columns`;
/// - the feature table: `fid INTEGER PRIMARY KEY AUTOINCREMENT`, `geom` (GeoPackageBinary:
///   header + little-endian WKB), one column per attribute (INTEGER, REAL, TEXT or BOOLEAN);
/// - the R-tree spatial index extension (`rtree_<table>_geom`, filled while writing, the six
///   maintenance triggers of Annex F.3 created afterwards, a `gpkg_extensions` row).
///
/// The file is built beside the target under a temporary name and renamed over it when
/// finished: the target appears whole or not at all; an input is never overwritten.
///
/// `gpkg_contents.last_change` is fixed (``defaultLastChange``), not the time of writing, so
/// that the same table always gives the same bytes.
package final class GeoPackageWriter {
    package enum ColumnType: String, Sendable { case integer = "INTEGER", real = "REAL", text = "TEXT", boolean = "BOOLEAN" }

    /// A CRS row of `gpkg_spatial_ref_sys`.
    package struct SpatialReference: Sendable {
        package var epsg: Int32
        package var name: String
        package var definition: String
        package init(epsg: Int32, name: String, definition: String) {
            self.epsg = epsg
            self.name = name
            self.definition = definition
        }

        package static let wgs84 = SpatialReference(epsg: 4326, name: "WGS 84 geodetic", definition: """
            GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],\
            PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],\
            AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]
            """)
    }

    package let url: URL
    /// The table being written (the last one started: ``nextTable(_:columns:geometryType:)``).
    package private(set) var table: String
    private let temporary: URL
    var db: SQLiteDatabase?
    // Finalised before the database closes (SQLite keeps a database with live statements open).
    private var insert: SQLiteDatabase.Statement!
    private var index: SQLiteDatabase.Statement!
    private var columns: [(name: String, type: ColumnType)]
    private var geometryType: String
    private let srs: SpatialReference
    private var extent = BoundingBox.empty
    private var count: Int64 = 0
    let lastChange: Date

    /// The `last_change` written: `SOURCE_DATE_EPOCH` when set (``SourceDateEpoch``), else
    /// 1970-01-01T00:00:00.000Z, the GeoPackage form of "not stated" that GDAL's
    /// `OGR_CURRENT_DATE` also serves for reproducible files.
    package static var defaultLastChange: Date { SourceDateEpoch.date() ?? Date(timeIntervalSince1970: 0) }

    /// - Parameters:
    ///   - geometryType: `POINT`, `MULTIPOLYGON`, … or `GEOMETRY`; polygons are promoted to
    ///     multipolygons (and points to multipoints) when the type says so.
    ///   - lastChange: `gpkg_contents.last_change`.
    package init(_ url: URL, table: String, columns: [(name: String, type: ColumnType)], geometryType: String,
                srs: SpatialReference = .wgs84, inputs: [URL] = [], lastChange: Date = GeoPackageWriter.defaultLastChange) throws {
        try OutputFile.checkTarget(url, inputs: inputs)
        self.url = url
        self.table = table
        self.columns = columns
        self.geometryType = geometryType
        self.srs = srs
        self.lastChange = lastChange
        temporary = OutputFile.temporaryURL(for: url)
        let database: SQLiteDatabase
        do {
            database = try SQLiteDatabase(path: temporary.path, readOnly: false)
        } catch {
            throw InputError(file: url.relativePath, message: "cannot create the GeoPackage: \(error)")
        }
        db = database
        do {
            try database.execute("""
                PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
                CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
                CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
                  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
                INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
                INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
                """)
            let srsRow = try database.prepare("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, ?, NULL)")
            for s in srs.epsg == 4326 ? [srs] : [.wgs84, srs] {
                srsRow.bind(1, s.name); srsRow.bind(2, Int64(s.epsg)); srsRow.bind(3, Int64(s.epsg)); srsRow.bind(4, s.definition)
                try srsRow.step(); srsRow.reset()
            }
            try begin(database)
        } catch {
            insert = nil
            index = nil
            db = nil
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: url.relativePath, message: "cannot write the GeoPackage: \(error)")
        }
    }

    /// Creates the current table and its R-tree, opens the transaction its rows go in.
    private func begin(_ database: SQLiteDatabase) throws {
        let t = quoted(table), r = quoted("rtree_\(table)_geom")
        try database.execute("""
            CREATE TABLE \(t) (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom \(geometryType)\(columns.map { ", \(quoted($0.name)) \($0.type.rawValue)" }.joined()));
            CREATE VIRTUAL TABLE \(r) USING rtree(id, minx, maxx, miny, maxy);
            BEGIN;
            """)
        insert = try database.prepare(
            "INSERT INTO \(t) (fid, geom\(columns.map { ", \(quoted($0.name))" }.joined())) VALUES (?, ?\(String(repeating: ", ?", count: columns.count)))")
        index = try database.prepare("INSERT INTO \(r) VALUES (?, ?, ?, ?, ?)")
    }

    /// Ends the current table (its contents row, index triggers) and starts another in the same
    /// file, in the same CRS: a GeoPackage of several layers (`isochrones` and `catchments`).
    package func nextTable(_ name: String, columns: [(name: String, type: ColumnType)], geometryType: String) throws {
        guard let db else { return }
        try endTable(db)
        insert = nil
        index = nil
        table = name
        self.columns = columns
        self.geometryType = geometryType
        extent = .empty
        count = 0
        do { try begin(db) } catch { throw InputError(file: url.relativePath, message: "cannot write the GeoPackage: \(error)") }
    }

    deinit {
        if db != nil {
            insert = nil
            index = nil
            db = nil
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Adds one feature: its geometry (nil: NULL) and one value per column (numbers, text,
    /// booleans, null; an array is written as text joined by `;`).
    package func write(_ geometry: Geometry?, _ values: [PropertyValue]) throws {
        precondition(values.count == columns.count)
        count += 1
        insert.bind(1, count)
        if let g = geometry.map(promoted) {
            insert.bind(2, blob: GeoPackageBinary.encode(g, srsID: srs.epsg))
            let box = g.boundingBox
            if !box.isEmpty {
                extent.extend(box)
                index.bind(1, count); index.bind(2, box.minX); index.bind(3, box.maxX); index.bind(4, box.minY); index.bind(5, box.maxY)
                try step(index)
            }
        } else {
            insert.bind(2, nil as String?)
        }
        for (k, v) in values.enumerated() {
            let i = Int32(k + 3)
            switch v {
            case .null: insert.bind(i, nil as String?)
            case .bool(let b): insert.bind(i, Int64(b ? 1 : 0))
            case .number(let d) where columns[k].type == .integer: insert.bind(i, Int64(d))
            case .number(let d): insert.bind(i, d)
            case .string(let s): insert.bind(i, s)
            case .array(let items): insert.bind(i, items.compactMap(\.stringValue).joined(separator: ";"))
            case .object: insert.bind(i, JSONText.string(v))
            }
        }
        try step(insert)
    }

    private func step(_ s: SQLiteDatabase.Statement) throws {
        do { try s.step() } catch { throw InputError(file: url.relativePath, message: "cannot write feature \(count): \(error)") }
        s.reset()
    }

    /// `2024-05-01T12:00:00.000Z`, the form of the standard's `strftime('%Y-%m-%dT%H:%M:%fZ')`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    private func promoted(_ g: Geometry) -> Geometry {
        switch (geometryType, g) {
        case ("MULTIPOLYGON", .polygon(let p)): .multiPolygon([p])
        case ("MULTIPOINT", .point(let c)): .multiPoint([c])
        case ("MULTILINESTRING", .lineString(let l)): .multiLineString([l])
        default: g
        }
    }

    /// Writes the contents and geometry-column rows, the index triggers, closes the database
    /// and moves the file into place.
    package func finish() throws {
        guard let db else { return }
        try endTable(db)
        insert = nil
        index = nil
        self.db = nil
        try OutputFile.replace(url, with: temporary)
    }

    /// The current table's `gpkg_contents`, `gpkg_geometry_columns` and `gpkg_extensions` rows,
    /// the commit of its rows, and the R-tree maintenance triggers.
    private func endTable(_ db: SQLiteDatabase) throws {
        let t = table, r = "rtree_\(table)_geom"
        let box = extent.isEmpty ? nil : extent
        func num(_ v: Double?) -> String { v.map { String($0) } ?? "NULL" }
        func lit(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        let trigger = { (name: String, body: String) in "CREATE TRIGGER \(quoted("\(r)_\(name)")) \(body);" }
        let values = "VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom))"
        do {
            try db.execute("""
                INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, min_x, min_y, max_x, max_y, srs_id)
                  VALUES (\(lit(t)), 'features', \(lit(t)), \(lit(Self.timestamp(lastChange))), \(num(box?.minX)), \(num(box?.minY)), \(num(box?.maxX)), \(num(box?.maxY)), \(srs.epsg));
                INSERT INTO gpkg_geometry_columns VALUES (\(lit(t)), 'geom', \(lit(geometryType)), \(srs.epsg), 0, 0);
                INSERT INTO gpkg_extensions VALUES (\(lit(t)), 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
                COMMIT;
                \(trigger("insert", "AFTER INSERT ON \(quoted(t)) WHEN (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO \(quoted(r)) \(values); END"))
                \(trigger("update1", "AFTER UPDATE OF geom ON \(quoted(t)) WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO \(quoted(r)) \(values); END"))
                \(trigger("update2", "AFTER UPDATE OF geom ON \(quoted(t)) WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM \(quoted(r)) WHERE id = OLD.fid; END"))
                \(trigger("update3", "AFTER UPDATE ON \(quoted(t)) WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM \(quoted(r)) WHERE id = OLD.fid; INSERT OR REPLACE INTO \(quoted(r)) \(values); END"))
                \(trigger("update4", "AFTER UPDATE ON \(quoted(t)) WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM \(quoted(r)) WHERE id IN (OLD.fid, NEW.fid); END"))
                \(trigger("delete", "AFTER DELETE ON \(quoted(t)) WHEN old.geom NOT NULL BEGIN DELETE FROM \(quoted(r)) WHERE id = OLD.fid; END"))
                """)
        } catch {
            throw InputError(file: url.relativePath, message: "cannot finish the GeoPackage: \(error)")
        }
    }
}
