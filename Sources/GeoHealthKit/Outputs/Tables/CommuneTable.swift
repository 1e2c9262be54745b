import Foundation
import GeoCore
import GeoIO
import GeoPackage

/// A per-commune result table (one row per reported area, in study order, each with its own
/// polygon) written as CSV (`.csv`), as GeoJSON polygons with the columns as properties
/// (`.geojson`, `.json`), as a GeoPackage layer (`.gpkg`, ``GeoPackageTable``; with its QGIS
/// style when the table has a mapped indicator, ``mapStyle``) or as an Excel workbook (`.xlsx`:
/// the table, the summary's lists and a "Méthode" sheet), atomically.
/// Numbers are written at fixed precision so outputs are deterministic.
///
/// The polygons travel with the rows: a regional study reports fewer areas than it loaded
/// (its buffer), so no writer may pair rows with another list of areas. Cost columns (travel
/// minutes and kilometres) are numeric in every format, with a `NAME_unreachable` flag
/// beside them (``UnreachableFlags``).
public struct CommuneTable: Sendable {
    /// The column names, in order (snake_case, as the schema of the command names them).
    public var columns: [String]
    /// One row per reported area, one value per column.
    public var rows: [[PropertyValue]]
    /// Per row: the area's polygon (longitude/latitude); nil for a table read from a CSV
    /// file, which can be written as CSV only.
    public var geometries: [Geometry]?
    /// Columns that may hold ``PropertyValue/unreachable``: always written with their flag.
    public var costColumns: Set<String>
    /// The indicator a GeoPackage of the table carries as its default QGIS style (nil: none).
    package var mapStyle: MapStyle?
    /// The command, arguments and summary an `.xlsx` of the table shows beside it.
    package var context: TableContext?

    /// A table of `rows` under `columns`, with one polygon per row when `geometries` is given.
    /// - Precondition: `geometries`, when given, has one polygon per row.
    public init(columns: [String], rows: [[PropertyValue]], geometries: [Geometry]?, costColumns: Set<String> = []) {
        precondition(geometries.map { $0.count == rows.count } ?? true, "a commune table has one polygon per row")
        self.columns = columns
        self.rows = rows
        self.geometries = geometries
        self.costColumns = costColumns
    }

    /// Writes the table to `url` in the format its extension names (`.csv`, `.geojson`/`.json`,
    /// `.gpkg`, `.xlsx`), atomically (a temporary file, then renamed), never over one of `inputs` (the
    /// files the table was computed from). CSV is written comma-separated with a point for decimals.
    /// - Throws: ``ParameterError`` when the extension is none of these, or when a table without
    ///   polygons (read from a CSV file) is written as GeoJSON or GeoPackage; the writer's errors.
    public func write(to url: URL, inputs: [URL]) throws {
        try write(to: url, inputs: inputs, dialect: .standard)
    }

    /// ``write(to:inputs:)`` in a CSV dialect of a `.csv` output (``CSVDialect``).
    package func write(to url: URL, inputs: [URL], dialect: CSVDialect) throws {
        let (columns, rows) = UnreachableFlags.flatten(columns: columns, rows: rows, costColumns: costColumns)
        let format = url.pathExtension.lowercased()
        if ["geojson", "json", "gpkg"].contains(format) && geometries == nil {
            throw ParameterError(.contradicted, "\(.table) \(url.relativePath): the table has no polygons (its input was a CSV file); write .csv")
        }
        switch format {
        case "geojson", "json":
            guard let geometries else { return }
            let writer = try GeoJSONWriter(url, inputs: inputs)
            try writer.write(count: rows.count) { Feature(geometry: geometries[$0], properties: Properties(Array(zip(columns, rows[$0])))) }
            try writer.finish()
        case "gpkg":
            let style = try layerStyle(columns: columns, rows: rows, url: url)
            try GeoPackageTable.write(columns: columns, rows: rows, geometries: geometries ?? [], to: url, inputs: inputs, style: style)
        case "xlsx":
            try workbook(columns: columns, rows: rows, name: url.deletingPathExtension().lastPathComponent, inputs: inputs).write(to: url, inputs: inputs)
        case "csv":
            try CSVWriter.write(header: columns, rows: rows.map { $0.map { Self.cell($0, dialect: dialect) } }, to: url, inputs: inputs, dialect: dialect)
        default:
            throw ParameterError(.contradicted, "\(.table) \(url.relativePath): write .csv, .geojson, .gpkg or .xlsx")
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
    /// off the network) is ``PropertyValue/unreachable``, never an empty "no data" cell
    /// (written as null with a flag: ``UnreachableFlags``).
    static func minutes(_ value: Double?, _ precision: Int) -> PropertyValue {
        guard let value, value.isFinite else { return .unreachable }
        return .fixed(value, precision)
    }
}

extension CommuneTable {
    /// The QGIS style of ``mapStyle``'s indicator over the rows (its classes and colours those
    /// of the SVG map: ``MapStyle``); nil without an indicator, when the table lacks its column
    /// or when no value is there to classify.
    func layerStyle(columns: [String], rows: [[PropertyValue]], url: URL) throws -> LayerStyle? {
        guard let mapStyle, let values = mapStyle.values(columns: columns, rows: rows),
              let graduated = try mapStyle.graduated(values, layer: url) else { return nil }
        let layer = url.deletingPathExtension().lastPathComponent
        let description = "\(mapStyle.field): \(mapStyle.scheme.rawValue), \(graduated.breaks.count) classes, \(mapStyle.palette)"
            + " (GeoHealth \(GeoHealthKitInfo.version))"
        return LayerStyle(name: mapStyle.field, qml: graduated.qml, sld: graduated.sld(layer: layer), description: description)
    }
}
