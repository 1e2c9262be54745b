import Foundation
import GeoCore
import GeoIO
import GeoPackage

/// A result table as a GeoPackage layer (named after the file), in longitude/latitude
/// (EPSG:4326) like the GeoJSON outputs, polygons promoted to MULTIPOLYGON (what QGIS expects
/// of one layer).
///
/// Column types follow the values: integers only → INTEGER, numbers → REAL, booleans →
/// BOOLEAN, anything else TEXT (lists joined by `;`). A travel column that holds numbers and
/// the word `unreachable` (a commune beyond `--max-minutes`) is REAL with NULL there, and a
/// BOOLEAN column `NAME_unreachable` beside it says which: spreadsheet and GIS users can class
/// the numbers, and ``GeoPackageReader`` turns the flag back into the word, so `inequality`,
/// `map` and `chart` read the .gpkg as they read the .geojson.
public enum GeoPackageTable {
    public static func write(columns: [String], rows: [[PropertyValue]], geometries: [Geometry], to url: URL, inputs: [URL]) throws {
        var types: [GeoPackageWriter.ColumnType] = []
        var flagged: [Int] = []
        for c in columns.indices {
            var numbers = 0, integers = 0, bools = 0, unreachable = 0, other = 0
            for row in rows {
                switch row[c] {
                case .null: break
                case .number(let d): numbers += 1; if d == d.rounded() && abs(d) < 9e15 { integers += 1 }
                case .bool: bools += 1
                case .string("unreachable"): unreachable += 1
                default: other += 1
                }
            }
            if other > 0 || (bools > 0 && numbers + unreachable > 0) { types.append(.text) }
            else if bools > 0 { types.append(.boolean) }
            else if numbers > 0 || unreachable > 0 {
                types.append(integers == numbers && unreachable == 0 ? .integer : .real)
                if unreachable > 0 { flagged.append(c) }
            } else { types.append(.text) }
        }
        let schema = zip(columns, types).map { (name: $0, type: $1) } + flagged.map { (name: columns[$0] + "_unreachable", type: .boolean) }
        let geometryType = geometries.allSatisfy(\.isPolygonal) ? "MULTIPOLYGON" : "GEOMETRY"
        let table = url.deletingPathExtension().lastPathComponent
        let writer = try GeoPackageWriter(url, table: table, columns: schema, geometryType: geometryType, inputs: inputs)
        for (g, row) in zip(geometries, rows) {
            var values = row
            for c in flagged {
                let isUnreachable = row[c] == .string("unreachable")
                if isUnreachable { values[c] = .null }
                values.append(.bool(isUnreachable))
            }
            for c in columns.indices where types[c] == .text { if case .number = values[c] { values[c] = .string(values[c].stringValue ?? "") } }
            try writer.write(g, values)
        }
        try writer.finish()
    }
}
