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
        try schema.check(columns: table.header, file: table.file)
        func column(_ chosen: String?, _ names: [String]) -> Int? { table.firstColumn(among: chosen.map { [$0] } ?? names) }
        guard let idColumn = column(schema.idField, idNames) else {
            throw InputError(file: table.file, wording: "no id column (one of \(idNames.joined(separator: ", ")), or name one with \(.siteIdField)); "
                                + "the columns are: \(table.header.joined(separator: ", "))")
        }
        let nameColumn = column(schema.nameField, nameNames)
        let kindColumn = column(schema.kindField, kindNames)
        let capacityColumn = column(schema.capacityField, capacityNames)
        let selected = schema.selection.map { rule in (rule, table.firstColumn(among: [rule.field])!) }
        var leftOut: [String: Int] = [:]
        if schema.kindMap != nil && kindColumn == nil {
            throw InputError(file: table.file, wording: "\(.kindMap) needs the kind column: name it with \(.siteKindField); "
                                + "the columns are: \(table.header.joined(separator: ", "))")
        }
        if kindColumn == nil && kind == nil {
            throw InputError(
                file: table.file, wording: "no kind column; say which kind these sites are with \(.defaultSiteKind) (e.g. \(.defaultSiteKind) hospital)")
        }
        let (xColumn, yColumn, sourceCRS) = try locationColumns(table, crs: crs)

        var sites: [Site] = []
        var points: [Coordinate] = []
        var withoutLocation: [String] = []
        var firstLine: [String: Int] = [:]
        var ofTheGivenKind = 0
        for (r, row) in table.rows.enumerated() {
            let line = table.lineNumbers[r]
            guard schema.keeps({ field in selected.first { $0.0.field == field }.map { row[$0.1] } }) else {
                leftOut[notSelected, default: 0] += 1
                continue
            }
            var siteKind = kind ?? .healthCentre
            if let kindColumn, !row[kindColumn].trimmingSpaces().isEmpty {
                guard let mapped = schema.kind(of: row[kindColumn]) else {
                    leftOut["kind not in the map: \(row[kindColumn].trimmingSpaces())", default: 0] += 1
                    continue
                }
                siteKind = mapped
            } else if kind != nil {
                ofTheGivenKind += 1
            }
            let id = row[idColumn].trimmingSpaces()
            if id.isEmpty { throw InputError(file: table.file, line: line, field: table.header[idColumn], message: "empty site id") }
            if let first = firstLine[id] {
                throw InputError(file: table.file, line: line, field: table.header[idColumn], message: "duplicate site id '\(id)' (first on line \(first))")
            }
            firstLine[id] = line
            let xText = row[xColumn].trimmingSpaces(), yText = row[yColumn].trimmingSpaces()
            if xText.isEmpty || yText.isEmpty {
                withoutLocation.append(id)
                continue
            }
            let x = try number(xText, table, line, xColumn), y = try number(yText, table, line, yColumn)
            if sourceCRS.isGeographic && (abs(x) > 180 || abs(y) > 90) {
                throw InputError(file: table.file, line: line, field: table.header[xColumn],
                                 wording: "(\(xText), \(yText)) is not a longitude/latitude; for projected x/y use x/y columns with \(.sitesCRS)")
            }
            var capacity: Double?
            if let capacityColumn, !row[capacityColumn].trimmingSpaces().isEmpty {
                capacity = try number(row[capacityColumn], table, line, capacityColumn)
                if capacity! < 0 {
                    throw InputError(file: table.file, line: line, field: table.header[capacityColumn], message: "negative capacity \(row[capacityColumn])")
                }
            }
            var attributes = Properties()
            let used = Set([idColumn, xColumn, yColumn] + [nameColumn, kindColumn, capacityColumn].compactMap { $0 })
            for (c, name) in table.header.enumerated() where !used.contains(c) && !row[c].isEmpty {
                attributes[name] = .string(row[c])
            }
            let name = nameColumn.map { row[$0].trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } ?? id
            sites.append(Site(id: id, name: name, kind: siteKind, location: Coordinate(x: x, y: y), capacity: capacity, attributes: attributes))
            points.append(Coordinate(x: x, y: y))
        }
        if !sourceCRS.isGeographic {
            let transformer = try CoordinateTransformer.shared(from: sourceCRS, to: .wgs84)
            try transformer.transform(&points)
            for i in sites.indices { sites[i].location = points[i] }
        }
        let lonLat = sourceCRS.isGeographic ? (lon: table.header[xColumn], lat: table.header[yColumn]) : nil
        return Result(sites: sites, withoutLocation: withoutLocation, leftOut: leftOut, lonLatColumns: lonLat, ofTheGivenKind: ofTheGivenKind)
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
            for key in idNames + nameNames + kindNames + capacityNames { props[key] = nil }
            sites.append(Site(id: id, name: name, kind: siteKind, location: p, capacity: capacity, attributes: props))
        }
        return Result(sites: sites, withoutLocation: withoutLocation, leftOut: leftOut, ofTheGivenKind: ofTheGivenKind)
    }
}
