/// How a travel cost that was not reached (beyond `--max-minutes`, off the road network) is
/// written and read back, the same in every format.
///
/// In memory an analysis marks such a cell with the word `unreachable` (``PropertyValue/unreachable``)
/// so that it never reads as "no data". On disk a cost column stays numeric in every format
/// (GeoJSON, CSV, GeoPackage): the cell is null (an empty CSV cell) and a boolean column
/// `NAME_unreachable` beside it says why, `true` there and `false` where the cost is a number.
/// GIS users and spreadsheets class the numbers (GDAL types the column Real, pandas float64),
/// and ``fold(_:)`` turns the flag back into the word when GeoHealth reads its own outputs.
/// Files with the word itself in the column (written before this convention) read the same.
package enum UnreachableFlags {
    package static let suffix = "_unreachable"

    /// The table with every cost column numeric and its flag column right after it.
    /// - Parameter costColumns: columns that may hold the word (their flag is written even
    ///   when every commune was reached, so that the schema does not depend on the data);
    ///   any other column holding the word gets a flag too.
    package static func flatten(columns: [String], rows: [[PropertyValue]], costColumns: Set<String>) -> (columns: [String], rows: [[PropertyValue]]) {
        let flagged = columns.indices.filter { c in
            costColumns.contains(columns[c]) || rows.contains { $0[c] == .unreachable }
        }
        guard !flagged.isEmpty else { return (columns, rows) }
        let isFlagged = Set(flagged)
        var outColumns: [String] = []
        outColumns.reserveCapacity(columns.count + flagged.count)
        for c in columns.indices {
            outColumns.append(columns[c])
            if isFlagged.contains(c) { outColumns.append(columns[c] + suffix) }
        }
        let outRows = rows.map { row -> [PropertyValue] in
            var out: [PropertyValue] = []
            out.reserveCapacity(outColumns.count)
            for c in row.indices {
                guard isFlagged.contains(c) else { out.append(row[c]); continue }
                let unreachable = row[c] == .unreachable
                out.append(unreachable ? .null : row[c])
                out.append(row[c] == .null ? .null : .bool(unreachable))
            }
            return out
        }
        return (outColumns, outRows)
    }

    /// Turns each true `NAME_unreachable` flag of a feature read from a file back into the
    /// word in `NAME` (and drops the flags whose column is present): what analyses read.
    /// A flag is true as a boolean, the number 1, or the text `true`/`1` (CSV).
    package static func fold(_ properties: inout Properties) {
        let flags = properties.keys.filter { $0.hasSuffix(suffix) && $0.count > suffix.count }
        for flag in flags {
            let column = String(flag.dropLast(suffix.count))
            guard properties[column] != nil else { continue }
            if isTrue(properties[flag]) { properties[column] = .unreachable }
            properties[flag] = nil
        }
    }

    static func isTrue(_ value: PropertyValue?) -> Bool {
        switch value {
        case .bool(let b): b
        case .number(let d): d == 1
        case .string(let s): s == "true" || s == "1" || s == "TRUE" || s == "True"
        default: false
        }
    }
}

extension PropertyValue {
    /// The in-memory mark of a travel cost not reached (``UnreachableFlags``).
    public static let unreachable = PropertyValue.string("unreachable")
}
