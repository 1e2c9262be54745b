import Foundation
import GeoCore
import GeoIO
import Projection

/// Reads care sites from a CSV table or a GeoJSON layer of points.
///
/// CSV columns are found by name (case-insensitive), first match wins:
/// - id: `id`, `site_id`, `code`, `finess` (required, unique);
/// - name: `name`, `nom`, `site_name`, `hospital_name`, `raison_sociale` (optional; the id otherwise);
/// - kind: `kind`, `type` (optional when a kind is given for the whole file);
/// - location: `lon`/`lat` (`longitude`/`latitude`, `lng`) in WGS84, or `x`/`y` in the CRS given
///   with `--sites-crs` (then transformed to WGS84 in one batch);
/// - capacity: `capacity`, `capacite`, `fte`, `etp` (optional, non-negative).
///
/// A ``SiteSchema`` names other columns, selects rows by attribute values and maps the
/// registry's categories to kinds; rows it leaves out are counted in ``Result/leftOut``.
/// Rows with an empty location are not sites: they are listed in ``Result/withoutLocation``.
/// A repeated id is an error naming both lines.
package enum SiteTable {
    package struct Result: Sendable {
        package var sites: [Site]
        /// Ids of rows that had no coordinates.
        package var withoutLocation: [String]
        /// Rows left out by the schema, by reason (not selected; a kind value the map lacks).
        package var leftOut: [String: Int] = [:]
        /// The longitude and latitude columns of a CSV in degrees (nil for GeoJSON points and
        /// projected x/y), named when the positions look wrong (``SiteBoundsCheck``).
        var lonLatColumns: (lon: String, lat: String)?
        /// Sites that took the kind given for the file (no kind column, or an empty cell).
        var ofTheGivenKind = 0
    }

    static let idNames = ["id", "site_id", "code", "finess"]
    static let nameNames = ["name", "nom", "site_name", "hospital_name", "raison_sociale"]
    static let kindNames = ["kind", "type"]
    static let capacityNames = ["capacity", "capacite", "fte", "etp"]
    /// The reason counted in ``Result/leftOut`` for rows the site selection drops.
    static var notSelected: String { ParameterSpelling.text("not selected by \(.siteWhere)") }

    package static func read(_ url: URL, kind: SiteKind?, crs: CRS? = nil, schema: SiteSchema = SiteSchema()) throws -> Result {
        if LayerReader.isLayer(url) { return try readGeoJSON(url, kind: kind, schema: schema) }
        return try read(table: CSVTable.read(contentsOf: url), kind: kind, crs: crs, schema: schema)
    }

    package static func read(table: CSVTable, kind: SiteKind?, crs: CRS?, schema: SiteSchema = SiteSchema()) throws -> Result {
        let columns = try Columns(table, kind: kind, crs: crs, schema: schema)
        var result = Result(sites: [], withoutLocation: [])
        var points: [Coordinate] = []
        var firstLine: [String: Int] = [:]
        for (r, row) in table.rows.enumerated() {
            let line = table.lineNumbers[r]
            guard schema.keeps({ field in columns.selected.first { $0.0.field == field }.map { row[$0.1] } }) else {
                result.leftOut[notSelected, default: 0] += 1
                continue
            }
            guard let siteKind = siteKind(row, columns, kind: kind, schema: schema, result: &result) else { continue }
            let id = try uniqueID(row, line: line, table, columns, firstLine: &firstLine)
            if row[columns.x].trimmingSpaces().isEmpty || row[columns.y].trimmingSpaces().isEmpty {
                result.withoutLocation.append(id)
                continue
            }
            let site = try site(row, id: id, kind: siteKind, line: line, table, columns)
            result.sites.append(site)
            points.append(site.location)
        }
        if !columns.crs.isGeographic {
            let transformer = try CoordinateTransformer.shared(from: columns.crs, to: .wgs84)
            try transformer.transform(&points)
            for i in result.sites.indices { result.sites[i].location = points[i] }
        }
        result.lonLatColumns = columns.crs.isGeographic ? (lon: table.header[columns.x], lat: table.header[columns.y]) : nil
        return result
    }

    /// The columns of a site table, found by name or as the schema names them, with the CRS of
    /// its location columns and the columns of the schema's selection.
    struct Columns {
        var id: Int
        var name: Int?
        var kind: Int?
        var capacity: Int?
        var startup: Int?
        var x: Int
        var y: Int
        var crs: CRS
        var selected: [((field: String, values: [String]), Int)]

        /// - Throws: ``InputError`` when the id column is missing, when a kind map or no kind for
        ///   the file comes without a kind column, or when the location columns are missing.
        init(_ table: CSVTable, kind: SiteKind?, crs: CRS?, schema: SiteSchema) throws {
            try schema.check(columns: table.header, file: table.file)
            func column(_ chosen: String?, _ names: [String]) -> Int? { table.firstColumn(among: chosen.map { [$0] } ?? names) }
            guard let idColumn = column(schema.idField, idNames) else {
                throw InputError(file: table.file, wording: "no id column (one of \(idNames.joined(separator: ", ")), or name one with \(.siteIdField)); "
                                    + "the columns are: \(table.header.joined(separator: ", "))")
            }
            id = idColumn
            name = column(schema.nameField, nameNames)
            self.kind = column(schema.kindField, kindNames)
            capacity = column(schema.capacityField, capacityNames)
            startup = schema.startupField.flatMap { table.firstColumn(among: [$0]) }
            selected = schema.selection.map { rule in (rule, table.firstColumn(among: [rule.field])!) }
            if schema.kindMap != nil && self.kind == nil {
                throw InputError(file: table.file, wording: "\(.kindMap) needs the kind column: name it with \(.siteKindField); "
                                    + "the columns are: \(table.header.joined(separator: ", "))")
            }
            if self.kind == nil && kind == nil {
                throw InputError(
                    file: table.file, wording: "no kind column; say which kind these sites are with \(.defaultSiteKind) (e.g. \(.defaultSiteKind) hospital)")
            }
            (x, y, self.crs) = try locationColumns(table, crs: crs)
        }
    }

    /// A row's kind: its kind cell mapped by the schema, or the file's kind when the cell is
    /// empty or there is no kind column (counted); `nil` for a value the kind map lacks (counted
    /// as left out).
    static func siteKind(_ row: [String], _ columns: Columns, kind: SiteKind?, schema: SiteSchema, result: inout Result) -> SiteKind? {
        if let kindColumn = columns.kind, !row[kindColumn].trimmingSpaces().isEmpty {
            guard let mapped = schema.kind(of: row[kindColumn]) else {
                result.leftOut["kind not in the map: \(row[kindColumn].trimmingSpaces())", default: 0] += 1
                return nil
            }
            return mapped
        }
        if kind != nil { result.ofTheGivenKind += 1 }
        return kind ?? .healthCentre
    }

    /// A row's id, recorded in `firstLine`.
    /// - Throws: ``InputError`` for an empty id, or one already on an earlier line.
    static func uniqueID(_ row: [String], line: Int, _ table: CSVTable, _ columns: Columns, firstLine: inout [String: Int]) throws -> String {
        let id = row[columns.id].trimmingSpaces()
        if id.isEmpty { throw InputError(file: table.file, line: line, field: table.header[columns.id], message: "empty site id") }
        if let first = firstLine[id] {
            throw InputError(file: table.file, line: line, field: table.header[columns.id], message: "duplicate site id '\(id)' (first on line \(first))")
        }
        firstLine[id] = line
        return id
    }

    /// The site of a row with a location (in the table's CRS), its capacity and its other
    /// columns as attributes.
    /// - Throws: ``InputError`` for a location or capacity that is not a number, a negative
    ///   capacity, or degrees out of range.
    static func site(_ row: [String], id: String, kind: SiteKind, line: Int, _ table: CSVTable, _ columns: Columns) throws -> Site {
        let xText = row[columns.x].trimmingSpaces(), yText = row[columns.y].trimmingSpaces()
        let x = try number(xText, table, line, columns.x), y = try number(yText, table, line, columns.y)
        if columns.crs.isGeographic && (abs(x) > 180 || abs(y) > 90) {
            throw InputError(file: table.file, line: line, field: table.header[columns.x],
                             wording: "(\(xText), \(yText)) is not a longitude/latitude; for projected x/y use x/y columns with \(.sitesCRS)")
        }
        var capacity: Double?
        if let capacityColumn = columns.capacity, !row[capacityColumn].trimmingSpaces().isEmpty {
            capacity = try number(row[capacityColumn], table, line, capacityColumn)
            if capacity! < 0 {
                throw InputError(file: table.file, line: line, field: table.header[capacityColumn], message: "negative capacity \(row[capacityColumn])")
            }
        }
        let startup = try columns.startup.map { try startupMinutes(.string(row[$0]), file: table.file, line: line, field: table.header[$0]) }
        var attributes = Properties()
        let used = Set([columns.id, columns.x, columns.y] + [columns.name, columns.kind, columns.capacity, columns.startup].compactMap { $0 })
        for (c, name) in table.header.enumerated() where !used.contains(c) && !row[c].isEmpty {
            attributes[name] = .string(row[c])
        }
        let name = columns.name.map { row[$0].trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } ?? id
        return Site(id: id, name: name, kind: kind, location: Coordinate(x: x, y: y), capacity: capacity, attributes: attributes, startupMinutes: startup)
    }

    private static func locationColumns(_ table: CSVTable, crs: CRS?) throws -> (Int, Int, CRS) {
        if let lon = table.firstColumn(among: ["lon", "longitude", "lng"]), let lat = table.firstColumn(among: ["lat", "latitude"]) {
            return (lon, lat, crs ?? .wgs84)
        }
        if let x = table.firstColumn(among: ["x"]), let y = table.firstColumn(among: ["y"]) {
            guard let crs else {
                throw InputError(file: table.file, wording: "x/y columns need their CRS: give \(.sitesCRS) EPSG:n (e.g. EPSG:2154)")
            }
            return (x, y, crs)
        }
        throw InputError(file: table.file, message: "no location columns (lon/lat or x/y); the columns are: \(table.header.joined(separator: ", "))")
    }

    private static func number(_ text: String, _ table: CSVTable, _ line: Int, _ column: Int) throws -> Double {
        // The common case, without Foundation's string search: a number as it stands has no
        // space at either end and no comma, so trimming and replacing would leave it as it is.
        if let v = Double(text), v.isFinite { return v }
        guard let v = Double(text.trimmingSpaces().replacingOccurrences(of: ",", with: ".")), v.isFinite else {
            throw InputError(file: table.file, line: line, field: table.header[column], message: "'\(text)' is not a number")
        }
        return v
    }

    static func readGeoJSON(_ url: URL, kind: SiteKind?, schema: SiteSchema) throws -> Result {
        var sites: [Site] = []
        var withoutLocation: [String] = []
        var leftOut: [String: Int] = [:]
        var seen: [String: Int] = [:]
        var ofTheGivenKind = 0
        let idNames = schema.idField.map { [$0] } ?? idNames, nameNames = schema.nameField.map { [$0] } ?? nameNames
        let kindNames = schema.kindField.map { [$0] } ?? kindNames, capacityNames = schema.capacityField.map { [$0] } ?? capacityNames
        _ = try LayerReader.read(url) { i, feature in
            guard schema.keeps({ feature.properties[$0]?.stringValue }) else { leftOut[notSelected, default: 0] += 1; return }
            let id = idNames.lazy.compactMap { feature.value(of: $0)?.stringValue }.first ?? feature.id?.stringValue
            guard let id, !id.isEmpty else {
                throw InputError(file: url.relativePath, feature: i, message: "site without id (one of \(idNames.joined(separator: ", ")))")
            }
            if let first = seen[id] { throw InputError(file: url.relativePath, feature: i, message: "duplicate site id '\(id)' (first at feature \(first))") }
            seen[id] = i
            guard let geometry = feature.geometry else { withoutLocation.append(id); return }
            guard case .point(let p) = geometry else {
                throw InputError(file: url.relativePath, feature: i, message: "site '\(id)' has a \(geometry.typeName) geometry; sites must be Points")
            }
            var props = feature.properties
            let kindText = kindNames.lazy.compactMap { props[$0]?.stringValue }.first
            if let kindText, schema.kind(of: kindText) == nil { leftOut["kind not in the map: \(kindText)", default: 0] += 1; return }
            guard let siteKind = kindText.flatMap(schema.kind(of:)) ?? kind else {
                throw InputError(file: url.relativePath, feature: i, wording: "site '\(id)' has no kind; give \(.defaultSiteKind)")
            }
            if kindText == nil { ofTheGivenKind += 1 }
            let name = nameNames.lazy.compactMap { props[$0]?.stringValue }.first ?? id
            let capacity = capacityNames.lazy.compactMap { props[$0]?.doubleValue }.first
            let startup = try schema.startupField.map { try startupMinutes(props[$0], file: url.relativePath, feature: i, field: $0) }
            for key in idNames + nameNames + kindNames + capacityNames + [schema.startupField].compactMap({ $0 }) { props[key] = nil }
            sites.append(Site(id: id, name: name, kind: siteKind, location: p, capacity: capacity, attributes: props, startupMinutes: startup))
        }
        return Result(sites: sites, withoutLocation: withoutLocation, leftOut: leftOut, ofTheGivenKind: ofTheGivenKind)
    }
}
