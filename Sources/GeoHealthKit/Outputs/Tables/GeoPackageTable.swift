import Foundation
import GeoCore
import GeoIO
import GeoPackage

/// A result table as a GeoPackage layer (named after the file), in longitude/latitude
/// (EPSG:4326) like the GeoJSON outputs, polygons promoted to MULTIPOLYGON (what QGIS expects
/// of one layer).
///
/// Column types follow the values: integers only → INTEGER, numbers → REAL, booleans →
/// BOOLEAN, anything else TEXT (lists joined by `;`). Cost columns arrive numeric with their
/// `NAME_unreachable` flag already beside them (``UnreachableFlags``, applied by
/// ``CommuneTable``), as in the other formats.
package enum GeoPackageTable {
    /// - Parameter style: the layer's default QGIS style, written in `layer_styles` (nil: none).
    package static func write(columns: [String], rows: [[PropertyValue]], geometries: [Geometry], to url: URL, inputs: [URL], style: LayerStyle? = nil) throws {
        let types = columns.indices.map { c in
            // A cost column (its flag follows it) is REAL even when no commune was reached.
            let isCost = c + 1 < columns.count && columns[c + 1] == columns[c] + UnreachableFlags.suffix
            return columnType(rows.lazy.map { $0[c] }, empty: isCost ? .real : .text)
        }
        let schema = zip(columns, types).map { (name: $0, type: $1) }
        let geometryType = geometries.allSatisfy(\.isPolygonal) ? "MULTIPOLYGON" : "GEOMETRY"
        let table = url.deletingPathExtension().lastPathComponent
        let writer = try GeoPackageWriter(url, table: table, columns: schema, geometryType: geometryType, inputs: inputs)
        for (g, row) in zip(geometries, rows) {
            var values = row
            for c in columns.indices where types[c] == .text { if case .number = values[c] { values[c] = .string(values[c].stringValue ?? "") } }
            try writer.write(g, values)
        }
        if let style { try writer.addStyle(style) }
        try writer.finish()
    }

    /// Several layers in one GeoPackage, in order, each `(name, columns, rows, geometries,
    /// real)`, typed as ``write(columns:rows:geometries:to:inputs:)`` types one except that the
    /// columns named in `real` are REAL when their values are numbers, whole or not (a feature
    /// without a geometry is written with a NULL one); the file appears whole when the last is
    /// written.
    package static func write(
        layers: [(name: String, columns: [String], rows: [[PropertyValue]], geometries: [Geometry?], real: Set<String>)], to url: URL, inputs: [URL]
    ) throws {
        var writer: GeoPackageWriter?
        for layer in layers {
            let types = layer.columns.indices.map { c in
                let inferred = columnType(layer.rows.lazy.map { $0[c] }, empty: .real)
                return inferred == .integer && layer.real.contains(layer.columns[c]) ? .real : inferred
            }
            let schema = zip(layer.columns, types).map { (name: $0, type: $1) }
            let geometryType = layer.geometries.allSatisfy { $0?.isPolygonal ?? true } ? "MULTIPOLYGON" : "GEOMETRY"
            if let writer {
                try writer.nextTable(layer.name, columns: schema, geometryType: geometryType)
            } else {
                writer = try GeoPackageWriter(url, table: layer.name, columns: schema, geometryType: geometryType, inputs: inputs)
            }
            for (g, row) in zip(layer.geometries, layer.rows) {
                var values = row
                for c in layer.columns.indices where types[c] == .text { if case .number = values[c] { values[c] = .string(values[c].stringValue ?? "") } }
                try writer!.write(g, values)
            }
        }
        try writer?.finish()
    }

    /// INTEGER when every value is an integral number, REAL when numbers, BOOLEAN when
    /// booleans, TEXT otherwise (nulls do not count; `empty` when every value is null).
    static func columnType<S: Sequence<PropertyValue>>(_ values: S, empty: GeoPackageWriter.ColumnType) -> GeoPackageWriter.ColumnType {
        var numbers = 0, integers = 0, bools = 0, other = 0
        for v in values {
            switch v {
            case .null: break
            case .number(let d): numbers += 1; if d == d.rounded() && abs(d) < 9e15 { integers += 1 }
            case .bool: bools += 1
            default: other += 1
            }
        }
        if other > 0 || (bools > 0 && numbers > 0) { return .text }
        if bools > 0 { return .boolean }
        if numbers > 0 { return integers == numbers ? .integer : .real }
        return empty
    }
}
