import GeoCore
import GeoIO
import Spreadsheet

/// A command's ``Summary`` as spreadsheet sheets: every list of items (`nearest_site`,
/// `population_beyond_by_group`, `zones`…) becomes a sheet of its own, one row per item, one
/// column per key, numbers as numbers; a list inside an item goes to its own sheet too, each row
/// headed by the item it belongs to (its first key: `kind`, `group`). The other values (single
/// figures and parameters) are the ``scalars``, by their path (`cost › detour factor`).
struct SummarySheets {
    /// A table being gathered: its columns in order of appearance, its rows by column name.
    struct Table {
        var name: String
        var columns: [String] = []
        var rows: [[String: PropertyValue]] = []

        mutating func add(_ row: [(String, PropertyValue)]) {
            for (k, _) in row where !columns.contains(k) { columns.append(k) }
            rows.append(Dictionary(row, uniquingKeysWith: { a, _ in a }))
        }
    }

    var scalars: [(path: String, value: PropertyValue)] = []
    var tables: [String: Table] = [:]
    var order: [String] = []

    /// The summary's scalars and tables.
    init(_ summary: Summary) {
        walk(summary.root, path: [])
    }

    /// The tables as sheets, in the order they appear in the summary.
    var sheets: [Sheet] {
        order.map { key in
            let table = tables[key]!
            let rows = table.rows.map { row in table.columns.map { SummarySheets.cell(row[$0] ?? .null) } }
            let columns = table.columns.map { name in
                Sheet.Column(name, format: WorkbookCells.format(column: name, values: table.rows.map { $0[name] ?? .null }))
            }
            return Sheet(name: table.name, columns: columns, rows: rows)
        }
    }

    private mutating func walk(_ props: Properties, path: [String]) {
        for (key, value) in props {
            switch value {
            case .object(let inner): walk(inner, path: path + [key])
            case .array(let items) where items.contains(where: \.isObject): gather(items, path: path + [key], context: [])
            default: scalars.append((Self.label(path + [key]), Self.flat(value)))
            }
        }
    }

    /// One row per object of `items` in the table of `path`, headed by `context`; lists of
    /// objects inside an item go to their own table, headed by the item's first key.
    private mutating func gather(_ items: [PropertyValue], path: [String], context: [(String, PropertyValue)]) {
        let key = path.joined(separator: ".")
        if tables[key] == nil {
            tables[key] = Table(name: sheetName(path))
            order.append(key)
        }
        for item in items {
            guard case .object(let inner) = item else { tables[key]!.add(context + [("value", Self.flat(item))]); continue }
            var row = context.filter { c in inner[c.0] == nil }
            var nested: [(String, [PropertyValue])] = []
            for (k, v) in inner {
                switch v {
                case .object(let o): for (k2, v2) in o where !v2.isObject { row.append(("\(k).\(k2)", Self.flat(v2))) }
                case .array(let sub) where sub.contains(where: \.isObject): nested.append((k, sub))
                default: row.append((k, Self.flat(v)))
                }
            }
            tables[key]!.add(row)
            let head = inner.first { !$0.value.isContainer }.map { [($0.key, $0.value)] } ?? []
            for (k, sub) in nested { gather(sub, path: path + [k], context: context + head) }
        }
    }

    /// The sheet's name: the list's key in words, or with its parent's when taken.
    private func sheetName(_ path: [String]) -> String {
        let taken = Set(tables.values.map { $0.name.lowercased() })
        var name = Sheet.safeName(Summary.label(path.last!))
        if taken.contains(name.lowercased()) && path.count > 1 { name = Sheet.safeName(Summary.label(path.suffix(2).joined(separator: " - "))) }
        var k = 2, unique = name
        while taken.contains(unique.lowercased()) || ["méthode", "résumé"].contains(unique.lowercased()) {
            unique = Sheet.safeName(String(name.prefix(Sheet.maxNameLength - 4)) + " (\(k))")
            k += 1
        }
        return unique
    }

    static func label(_ path: [String]) -> String { path.map(Summary.label).joined(separator: " › ") }

    /// A list of values as one text (`00061, 00170`), cut at what a cell holds.
    static func flat(_ v: PropertyValue) -> PropertyValue {
        guard case .array(let items) = v else { return v }
        let text = items.map { $0.stringValue ?? JSONText.string($0) }.joined(separator: ", ")
        return .string(WorkbookCells.fitted(text, items: items.count))
    }

    static func cell(_ v: PropertyValue) -> Sheet.Cell { WorkbookCells.cell(v) }
}

extension PropertyValue {
    var isObject: Bool { if case .object = self { true } else { false } }
}
