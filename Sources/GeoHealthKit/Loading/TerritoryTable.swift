import Foundation
import GeoCore
import GeoIO

/// Reads territories (CPTS, SAS areas, EPCI…), given either way planners receive them:
/// - a CSV of memberships, one row per (territory, commune): columns `territory` (or `cpts`,
///   `id`), `code` (or `commune`, `COM`), optional `name`/`nom` and `kind`; rows of one
///   territory need not be adjacent, and a commune may belong to several territories;
/// - a GeoJSON layer of polygons with an `id` (or `code`) and optional `name`/`nom`, `kind`;
/// - JSON member lists (a top-level array of objects with `code` and `membres`), the form of
///   the official EPCI lists (``readMemberLists(_:defaultKind:)``).
///
/// The kind defaults to `cpts`. Member codes are checked against the areas by the study
/// loader, which reports unknown codes.
package enum TerritoryTable {
    package static func read(_ url: URL, defaultKind: String = "cpts") throws -> [Territory] {
        if isMemberList(url) { return try readMemberLists(url, defaultKind: defaultKind) }
        if LayerReader.isLayer(url) { return try readGeoJSON(url, defaultKind: defaultKind) }
        let table = try CSVTable.read(contentsOf: url)
        guard let idColumn = table.firstColumn(among: ["territory", "cpts", "territoire", "id"]) else {
            throw InputError(file: table.file, message: "no territory column (territory, cpts or id); the columns are: \(table.header.joined(separator: ", "))")
        }
        guard let codeColumn = table.firstColumn(among: ["code", "commune", "COM", "insee"]) else {
            throw InputError(
                file: table.file, message: "no commune code column (code, commune or COM); the columns are: \(table.header.joined(separator: ", "))")
        }
        let nameColumn = table.firstColumn(among: ["name", "nom"])
        let kindColumn = table.firstColumn(among: ["kind"])
        var order: [String] = []
        var members: [String: [String]] = [:]
        var names: [String: String] = [:]
        var kinds: [String: String] = [:]
        var listed = Set<String>()  // "territory\0code": a repeated member found in O(1), not by scanning the list
        for (r, row) in table.rows.enumerated() {
            let id = row[idColumn].trimmingSpaces(), code = row[codeColumn].trimmingSpaces()
            guard !id.isEmpty, !code.isEmpty else {
                throw InputError(file: table.file, line: table.lineNumbers[r], message: "a membership row needs both a territory and a commune code")
            }
            if members[id] == nil { order.append(id) }
            if !listed.insert(id + "\u{0}" + code).inserted {
                throw InputError(
                    file: table.file, line: table.lineNumbers[r], field: table.header[codeColumn], message: "commune \(code) is listed twice in territory \(id)"
                )
            }
            members[id, default: []].append(code)
            if let nameColumn, names[id] == nil, !row[nameColumn].isEmpty { names[id] = row[nameColumn] }
            if let kindColumn, kinds[id] == nil, !row[kindColumn].isEmpty { kinds[id] = row[kindColumn].lowercased() }
        }
        return order.map {
            Territory(id: $0, name: names[$0] ?? $0, kind: kinds[$0] ?? defaultKind, definition: .areas(members[$0]!))
        }
    }

    static func readGeoJSON(_ url: URL, defaultKind: String) throws -> [Territory] {
        var territories: [Territory] = []
        var seen = Set<String>()
        _ = try LayerReader.read(url) { i, feature in
            let id = feature.value(of: "id")?.stringValue ?? feature.value(of: "code")?.stringValue
            guard let id, !id.isEmpty else { throw InputError(file: url.relativePath, feature: i, message: "territory without id (id or code)") }
            guard seen.insert(id).inserted else { throw InputError(file: url.relativePath, feature: i, message: "duplicate territory id '\(id)'") }
            guard let geometry = feature.geometry, geometry.isPolygonal else {
                throw InputError(
                    file: url.relativePath, feature: i,
                    message: "territory '\(id)' has a \(feature.geometry?.typeName ?? "null") geometry; territories must be polygons")
            }
            let name = feature.properties["name"]?.stringValue ?? feature.properties["nom"]?.stringValue ?? id
            let kind = feature.properties["kind"]?.stringValue?.lowercased() ?? defaultKind
            territories.append(Territory(id: id, name: name, kind: kind, definition: .geometry(geometry)))
        }
        return territories
    }
}
