import Foundation
import GeoCore
import GeoIO

/// How to read a registry of sites as it is given (FINESS, Eurostat, an ARS list): which
/// columns hold the id, name, kind and capacity, which rows to keep, and how the registry's
/// categories map to kinds.
///
/// - Columns: `nil` means the usual names (``SiteTable``); a named column must exist, or the
///   error lists the columns there are.
/// - Selection (`--site-where FIELD=VALUE`, repeatable): a row is kept when, for every field
///   named, its value is one of the values given for that field (values of one field are
///   alternatives, fields must all hold). A value is taken whole, commas included
///   (`facility_type=Centre hospitalier, ex Hôpital local`); case and surrounding spaces are
///   ignored.
/// - Kind map (`--kind-map FILE`, CSV `value,kind`): the kind column's value → a kind. With a
///   map, rows whose value it does not list are left out and counted by value, never guessed.
package struct SiteSchema: Sendable {
    package var idField: String?
    package var nameField: String?
    package var kindField: String?
    package var capacityField: String?
    /// The column of each site's start-up delay in minutes (``Site/startupMinutes``); nil: none.
    package var startupField: String?
    package var selection: [(field: String, values: [String])] = []
    package var kindMap: [String: SiteKind]?

    package init() {}

    /// Adds `FIELD=VALUE` to the selection; a ``ParameterError`` (malformed) for anything else.
    package mutating func select(_ expression: String) throws {
        guard let eq = expression.firstIndex(of: "="), eq != expression.startIndex else {
            throw ParameterError(.malformed, "\(.siteWhere) takes FIELD=VALUE (e.g. facility_type=Centre Hospitalier (C.H.)); got '\(expression)'")
        }
        let field = String(expression[..<eq]).trimmingSpaces(), value = String(expression[expression.index(after: eq)...]).trimmingSpaces()
        if let k = selection.firstIndex(where: { $0.field == field }) { selection[k].values.append(value) } else { selection.append((field, [value])) }
    }

    /// Whether a row passes the selection; `value` reads a field of the row.
    func keeps(_ value: (String) -> String?) -> Bool {
        selection.allSatisfy { rule in
            let v = (value(rule.field) ?? "").trimmingSpaces().lowercased()
            return rule.values.contains { $0.lowercased() == v }
        }
    }

    /// The kind of a row from its kind-column value: through the map when there is one (nil:
    /// not listed), else the value itself in lower case.
    func kind(of raw: String) -> SiteKind? {
        let value = raw.trimmingSpaces()
        guard let kindMap else { return SiteKind(value.lowercased()) }
        return kindMap[value] ?? kindMap.first { $0.key.lowercased() == value.lowercased() }?.value
    }

    /// Reads a kind map: CSV with columns `value` and `kind` (or the first two columns).
    package static func kindMap(from url: URL) throws -> [String: SiteKind] {
        let table = try CSVTable.read(contentsOf: url)
        guard table.header.count >= 2 else { throw InputError(file: table.file, message: "a kind map needs two columns, value and kind") }
        let v = table.firstColumn(among: ["value", "valeur", "category", "categorie"]) ?? 0
        let k = table.firstColumn(among: ["kind", "type"]) ?? 1
        var map: [String: SiteKind] = [:]
        for (r, row) in table.rows.enumerated() {
            let value = row[v].trimmingSpaces(), kind = row[k].trimmingSpaces()
            guard !value.isEmpty, !kind.isEmpty else {
                throw InputError(file: table.file, line: table.lineNumbers[r], message: "a row of the kind map needs a value and a kind")
            }
            if let earlier = map[value], earlier != SiteKind(kind) {
                throw InputError(
                    file: table.file, line: table.lineNumbers[r], field: table.header[v], message: "'\(value)' is mapped to both \(earlier) and \(kind)")
            }
            map[value] = SiteKind(kind.lowercased())
        }
        return map
    }

    /// Checks that the named columns exist in `columns`.
    func check(columns: [String], file: String) throws {
        let lower = Set(columns.map { $0.lowercased() })
        let named: [(Parameter, String?)] = [
            (.siteIdField, idField), (.siteNameField, nameField), (.siteKindField, kindField), (.siteCapacityField, capacityField),
            (.startupField, startupField),
        ]
        for (parameter, field) in named + selection.map({ (.siteWhere, Optional($0.field)) }) {
            guard let field, !lower.contains(field.lowercased()) else { continue }
            throw InputError(file: file, field: field, wording: "\(parameter): no such column; the columns are: \(columns.joined(separator: ", "))")
        }
    }
}
