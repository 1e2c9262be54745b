import Foundation
import GeoCore
import GeoIO

/// A per-commune result table (one row per area, in study order) written as CSV (`.csv`), as
/// GeoJSON polygons with the columns as properties (`.geojson`, `.json`), or as a GeoPackage
/// layer (`.gpkg`, ``GeoPackageTable``), atomically.
/// Numbers are written at fixed precision so outputs are deterministic.
public struct CommuneTable: Sendable {
    public var columns: [String]
    public var rows: [[PropertyValue]]

    public init(columns: [String], rows: [[PropertyValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// - Parameter dialect: the CSV dialect of a `.csv` output (``CSVDialect``).
    public func write(to url: URL, areas: [Area], inputs: [URL], dialect: CSVDialect = .standard) throws {
        switch url.pathExtension.lowercased() {
        case "geojson", "json":
            let writer = try GeoJSONWriter(url, inputs: inputs)
            for (area, row) in zip(areas, rows) {
                try writer.write(Feature(geometry: area.geometry, properties: Properties(Array(zip(columns, row)))))
            }
            try writer.finish()
        case "gpkg":
            try GeoPackageTable.write(columns: columns, rows: rows, geometries: areas.map(\.geometry), to: url, inputs: inputs)
        case "csv":
            try CSVWriter.write(header: columns, rows: rows.map { $0.map { Self.cell($0, dialect: dialect) } }, to: url, inputs: inputs, dialect: dialect)
        default:
            throw OptionError("--out \(url.relativePath): write .csv, .geojson or .gpkg")
        }
    }

    static func cell(_ v: PropertyValue, dialect: CSVDialect = .standard) -> String {
        switch v {
        case .number: dialect.number(v.stringValue ?? "")
        case .null: ""
        case .string(let s): s
        case .array(let items): items.compactMap(\.stringValue).joined(separator: ";")
        default: v.stringValue ?? JSONText.string(v)
        }
    }
}

extension PropertyValue {
    /// A number rounded to `precision` decimals, or null.
    static func rounded(_ value: Double?, _ precision: Int) -> PropertyValue {
        guard let value, value.isFinite else { return .null }
        return .fixed(value, precision)
    }
}

extension PropertyValue {
    /// A travel cost rounded to `precision` decimals; nil or infinite (beyond the matrix bound,
    /// off the network) is the word `unreachable`, never an empty "no data" cell.
    static func minutes(_ value: Double?, _ precision: Int) -> PropertyValue {
        guard let value, value.isFinite else { return .string("unreachable") }
        return .fixed(value, precision)
    }
}
