import Foundation
import GeoCore
import GeoIO

/// Reads a feature table of an OGC GeoPackage (as GDAL, QGIS or ``GeoPackageWriter`` write
/// it) through the system SQLite library, read-only.
///
/// The table is the one named, or the only feature table of the file (several: an error that
/// lists them). Its CRS is the `organization_coordsys_id` of its `srs_id` when the organisation
/// is EPSG. Geometries are GeoPackageBinary (header + WKB); attributes become properties:
/// INTEGER and REAL → numbers, BOOLEAN → booleans, TEXT → strings, NULL → null; BLOB columns
/// are skipped. (`X_unreachable` flags are folded by the caller, the same for every format:
/// ``UnreachableFlags``.) What reading may cost SQLite is bounded by the file's size
/// (``workBudget(fileSize:)``): a table that is a never-ending VIEW is an error naming it.
package enum GeoPackageReader {
    package struct Layer: Sendable {
        package var table: String
        package var crs: CRS?
        package var srsName: String
        package var featureCount: Int
    }

    /// The feature tables of a file, with their CRS.
    package static func layers(_ url: URL) throws -> [Layer] {
        try layers(open(url), url: url)
    }

    static func layers(_ db: SQLiteDatabase, url: URL) throws -> [Layer] {
        try reading(url, table: "gpkg_contents") { try featureTables(db, url: url) }
    }

    static func featureTables(_ db: SQLiteDatabase, url: URL) throws -> [Layer] {
        let s = try db.prepare("""
            SELECT c.table_name, s.organization, s.organization_coordsys_id, s.srs_name FROM gpkg_contents c
            JOIN gpkg_geometry_columns g ON g.table_name = c.table_name LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
            WHERE c.data_type = 'features' ORDER BY c.table_name
            """)
        var out: [Layer] = []
        while try s.step() {
            let table = s.text(0) ?? ""
            let epsg = (s.text(1)?.uppercased() == "EPSG") ? Int(s.int(2)) : nil
            let n = try reading(url, table: table) { try db.column("SELECT count(*) FROM \(quoted(table))") { Int($0.int(0)) }.first ?? 0 }
            out.append(Layer(table: table, crs: epsg.map { CRS(epsg: $0) }, srsName: s.text(3) ?? "undefined", featureCount: n))
        }
        return out
    }

    /// The layer named `table`, or the only feature table of the file.
    package static func layer(_ url: URL, table: String? = nil) throws -> Layer {
        try layer(open(url), url: url, table: table)
    }

    static func layer(_ db: SQLiteDatabase, url: URL, table: String?) throws -> Layer {
        let all = try layers(db, url: url)
        let layer: Layer
        if let table {
            guard let l = all.first(where: { $0.table == table }) else {
                throw InputError(file: url.relativePath, message: "no feature table '\(table)'; the file has \(all.map(\.table).joined(separator: ", "))")
            }
            layer = l
        } else {
            guard let l = all.first else { throw InputError(file: url.relativePath, message: "the GeoPackage holds no feature table") }
            guard all.count == 1 else {
                throw InputError(
                    file: url.relativePath,
                    message: "the GeoPackage holds \(all.count) feature tables (\(all.map(\.table).joined(separator: ", "))); name one as FILE.gpkg:TABLE")
            }
            layer = l
        }
        return layer
    }

    /// Reads the features of `table` (or of the only feature table) in `fid` order, calling
    /// `layerFound` with the layer (its CRS) first, then `body(index, feature)`; returns the
    /// layer read. The file is opened once.
    @discardableResult
    package static func read(_ url: URL, table: String? = nil, layerFound: ((Layer) throws -> Void)? = nil,
                            _ body: (Int, Feature) throws -> Void) throws -> Layer {
        let db = try open(url)
        let layer = try self.layer(db, url: url, table: table)
        try layerFound?(layer)
        let (geometryColumn, s) = try reading(url, table: layer.table) {
            let name =
                try db.column("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = '\(layer.table.replacingOccurrences(of: "'", with: "''"))'") {
                    $0.text(0) ?? "geom"
                }.first ?? "geom"
            return (name, try db.prepare("SELECT * FROM \(quoted(layer.table)) ORDER BY rowid"))
        }
        let names = (0..<s.columnCount).map { s.name($0) }
        let geometryIndex = names.firstIndex(of: geometryColumn).map(Int32.init)
        var i = 0
        do {
            while try s.step() {
                var properties = Properties()
                var geometry: Geometry?
                var id: PropertyValue?
                for c in 0..<s.columnCount {
                    let name = names[Int(c)]
                    if c == geometryIndex {
                        if case .blob(let bytes) = s.value(c), !bytes.isEmpty {
                            do {
                                geometry = try GeoPackageBinary.decode(bytes).geometry
                            } catch {
                                throw InputError(file: url.relativePath, feature: i, field: name, message: "\(error)")
                            }
                        }
                        continue
                    }
                    let value: PropertyValue
                    switch s.value(c) {
                    case .null: value = .null
                    case .integer(let n): value = s.declaredType(c).uppercased() == "BOOLEAN" ? .bool(n != 0) : .number(Double(n))
                    case .real(let d): value = .number(d)
                    case .text(let t): value = .string(t)
                    case .blob: continue
                    }
                    if name == "fid" { id = value; continue }
                    properties[name] = value
                }
                try body(i, Feature(id: id, geometry: geometry, properties: properties))
                i += 1
            }
        } catch let error as SQLiteDatabase.Error {
            throw failure(error, url: url, table: layer.table, feature: i)
        }
        return layer
    }

    /// What reading a GeoPackage may cost, in SQLite virtual-machine instructions: 100 million
    /// plus 64 per byte of the file. Reading a table costs a few instructions per row, and a
    /// row takes tens of bytes, so any table fits many times over (a 1 GB file may run 64
    /// billion, minutes); a VIEW that recurses for ever, or joins large tables without an
    /// index, stops there instead of never returning.
    package static func workBudget(fileSize: Int) -> Int { 100_000_000 + 64 * max(0, fileSize) }

    /// Runs `body`, SQLite's errors turned into an ``InputError`` naming the file and `table`.
    static func reading<T>(_ url: URL, table: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as SQLiteDatabase.Error { throw failure(error, url: url, table: table, feature: nil) }
    }

    static func failure(_ error: SQLiteDatabase.Error, url: URL, table: String, feature: Int?) -> InputError {
        guard error.budgetExceeded else {
            return InputError(file: url.relativePath, feature: feature, message: "cannot read the table \(table): \(error)")
        }
        return InputError(file: url.relativePath, feature: feature, message: """
            reading the table \(table) stopped: it cost more than GeoHealth allows a file of this size \
            (\(workBudget(fileSize: fileSize(url))) SQLite steps; a VIEW that recurses, or joins without an index?). \
            Copy it to a plain table first, e.g. `ogr2ogr out.gpkg \(url.lastPathComponent) \(table)`
            """)
    }

    static func fileSize(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func open(_ url: URL) throws -> SQLiteDatabase {
        guard FileManager.default.fileExists(atPath: url.path) else { throw InputError(file: url.relativePath, message: "no such file") }
        let db: SQLiteDatabase
        do {
            db = try SQLiteDatabase(path: url.path, readOnly: true)
        } catch {
            throw InputError(file: url.relativePath, message: "cannot open as SQLite: \(error)")
        }
        db.limitWork(to: workBudget(fileSize: fileSize(url)))
        let id = try? db.column("PRAGMA application_id") { $0.int(0) }.first
        let hasContents = (try? db.column("SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_contents'") { $0.int(0) }.first) ?? 0
        guard id == 0x4750_4B47 || id == 0x4750_3130 || hasContents == 1 else {
            throw InputError(file: url.relativePath, message: "not a GeoPackage (no 'GPKG' application id, no gpkg_contents table)")
        }
        return db
    }
}
