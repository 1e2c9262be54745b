import Foundation
import GeoCore
import GeoIO

/// Territories as JSON member lists, the form of the official intercommunality lists
/// (`epci.json` of etalab/decoupage-administratif, the source of geo.api.gouv.fr): a top-level
/// array of objects, each with a `code` (or `id`), an optional `nom`/`name` and `kind`, and its
/// communes in `membres` (or `members`) — INSEE codes as strings, or objects with a `code`.
/// The kind defaults to the reader's default (`cpts`); a member listed twice is an error, as in
/// the CSV form.
extension TerritoryTable {
    /// Whether a `.json` file holds member lists (a top-level array) rather than GeoJSON.
    static func isMemberList(_ url: URL) -> Bool {
        guard url.pathExtension.lowercased() == "json", let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "[")
    }

    static func readMemberLists(_ url: URL, defaultKind: String) throws -> [Territory] {
        let file = url.relativePath
        guard case .array(let items) = try JSONDocument.read(contentsOf: url) else {
            throw InputError(file: file, message: "territory member lists must be a JSON array of objects")
        }
        var territories: [Territory] = []
        var seen = Set<String>()
        for (i, item) in items.enumerated() {
            guard case .object(let object) = item else {
                throw InputError(file: file, feature: i, message: "territory \(i) is not a JSON object")
            }
            guard let id = (object["code"] ?? object["id"])?.stringValue, !id.isEmpty else {
                throw InputError(file: file, feature: i, field: "code", message: "territory without code (code or id)")
            }
            guard seen.insert(id).inserted else { throw InputError(file: file, feature: i, field: "code", message: "duplicate territory code '\(id)'") }
            guard case .array(let list) = object["membres"] ?? object["members"] ?? .null else {
                throw InputError(file: file, feature: i, field: "membres", message: "territory '\(id)' has no member list (membres or members)")
            }
            var members: [String] = [], listed = Set<String>()
            for member in list {
                let code: String?
                if case .object(let m) = member { code = m["code"]?.stringValue } else { code = member.stringValue }
                guard let code, !code.isEmpty else {
                    throw InputError(file: file, feature: i, field: "membres", message: "territory '\(id)': a member without a commune code")
                }
                guard listed.insert(code).inserted else {
                    throw InputError(file: file, feature: i, field: "membres", message: "commune \(code) is listed twice in territory \(id)")
                }
                members.append(code)
            }
            let name = (object["nom"] ?? object["name"])?.stringValue ?? id
            let kind = object["kind"]?.stringValue?.lowercased() ?? defaultKind
            territories.append(Territory(id: id, name: name, kind: kind, definition: .areas(members)))
        }
        if territories.isEmpty { throw InputError(file: file, message: "the file lists no territory") }
        return territories
    }
}
