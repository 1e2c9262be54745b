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
/// Rows with an empty location are not sites: they are listed in ``Result/withoutLocation``.
/// A repeated id is an error naming both lines.
public enum SiteTable {
    public struct Result: Sendable {
        public var sites: [Site]
        /// Ids of rows that had no coordinates.
        public var withoutLocation: [String]
    }

    static let idNames = ["id", "site_id", "code", "finess"]
    static let nameNames = ["name", "nom", "site_name", "hospital_name", "raison_sociale"]
    static let kindNames = ["kind", "type"]
    static let capacityNames = ["capacity", "capacite", "fte", "etp"]

    public static func read(_ url: URL, kind: SiteKind?, crs: CRS? = nil) throws -> Result {
        let ext = url.pathExtension.lowercased()
        if ext == "geojson" || ext == "json" { return try readGeoJSON(url, kind: kind) }
        return try read(table: CSVTable.read(contentsOf: url), kind: kind, crs: crs)
    }

    public static func read(table: CSVTable, kind: SiteKind?, crs: CRS?) throws -> Result {
        guard let idColumn = table.firstColumn(among: idNames) else {
            throw InputError(file: table.file, message: "no id column (one of \(idNames.joined(separator: ", "))); the columns are: \(table.header.joined(separator: ", "))")
        }
        let nameColumn = table.firstColumn(among: nameNames)
        let kindColumn = table.firstColumn(among: kindNames)
        let capacityColumn = table.firstColumn(among: capacityNames)
        if kindColumn == nil && kind == nil {
            throw InputError(file: table.file, message: "no kind column; say which kind these sites are with --kind (e.g. --kind hospital)")
        }
        let (xColumn, yColumn, sourceCRS) = try locationColumns(table, crs: crs)

        var sites: [Site] = []
        var points: [Coordinate] = []
        var withoutLocation: [String] = []
        var firstLine: [String: Int] = [:]
        for (r, row) in table.rows.enumerated() {
            let line = table.lineNumbers[r]
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
                throw InputError(file: table.file, line: line, field: table.header[xColumn], message: "(\(xText), \(yText)) is not a longitude/latitude; for projected x/y use x/y columns with --sites-crs")
            }
            var siteKind = kind ?? .healthCentre
            if let kindColumn, !row[kindColumn].trimmingSpaces().isEmpty { siteKind = SiteKind(row[kindColumn].trimmingSpaces().lowercased()) }
            var capacity: Double?
            if let capacityColumn, !row[capacityColumn].trimmingSpaces().isEmpty {
                capacity = try number(row[capacityColumn], table, line, capacityColumn)
                if capacity! < 0 { throw InputError(file: table.file, line: line, field: table.header[capacityColumn], message: "negative capacity \(row[capacityColumn])") }
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
            let transformer = try CoordinateTransformer(from: sourceCRS, to: .wgs84)
            try transformer.transform(&points)
            for i in sites.indices { sites[i].location = points[i] }
        }
        return Result(sites: sites, withoutLocation: withoutLocation)
    }

    private static func locationColumns(_ table: CSVTable, crs: CRS?) throws -> (Int, Int, CRS) {
        if let lon = table.firstColumn(among: ["lon", "longitude", "lng"]), let lat = table.firstColumn(among: ["lat", "latitude"]) {
            return (lon, lat, crs ?? .wgs84)
        }
        if let x = table.firstColumn(among: ["x"]), let y = table.firstColumn(among: ["y"]) {
            guard let crs else {
                throw InputError(file: table.file, message: "x/y columns need their CRS: give --sites-crs EPSG:n (e.g. EPSG:2154)")
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

    static func readGeoJSON(_ url: URL, kind: SiteKind?) throws -> Result {
        var sites: [Site] = []
        var withoutLocation: [String] = []
        var seen: [String: Int] = [:]
        _ = try GeoJSONReader.read(contentsOf: url) { i, feature in
            let id = idNames.lazy.compactMap { feature.value(of: $0)?.stringValue }.first ?? feature.id?.stringValue
            guard let id, !id.isEmpty else { throw InputError(file: url.relativePath, feature: i, message: "site without id (one of \(idNames.joined(separator: ", ")))") }
            if let first = seen[id] { throw InputError(file: url.relativePath, feature: i, message: "duplicate site id '\(id)' (first at feature \(first))") }
            seen[id] = i
            guard let geometry = feature.geometry else { withoutLocation.append(id); return }
            guard case .point(let p) = geometry else {
                throw InputError(file: url.relativePath, feature: i, message: "site '\(id)' has a \(geometry.typeName) geometry; sites must be Points")
            }
            var props = feature.properties
            let kindText = kindNames.lazy.compactMap { props[$0]?.stringValue }.first
            guard let siteKind = kindText.map({ SiteKind($0.lowercased()) }) ?? kind else {
                throw InputError(file: url.relativePath, feature: i, message: "site '\(id)' has no kind; give --kind")
            }
            let name = nameNames.lazy.compactMap { props[$0]?.stringValue }.first ?? id
            let capacity = capacityNames.lazy.compactMap { props[$0]?.doubleValue }.first
            for key in idNames + nameNames + kindNames + capacityNames { props[key] = nil }
            sites.append(Site(id: id, name: name, kind: siteKind, location: p, capacity: capacity, attributes: props))
        }
        return Result(sites: sites, withoutLocation: withoutLocation)
    }
}
