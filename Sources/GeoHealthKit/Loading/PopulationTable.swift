import Foundation
import GeoCore
import GeoIO

/// A population table keyed by commune code: total residents and, optionally, residents by
/// age group (every column whose name starts with `age_`, e.g. `age_00_14`).
///
/// Numbers may use a space as thousands separator and a comma as decimal mark (French
/// spreadsheets); anything else that is not a number from 0 to ``maximumCount`` is an error
/// naming the file, line and column (`1e20`, a 23-digit number: a typo or the wrong column,
/// never a population; bounded so that every total of a study is an exact integer). Rows whose
/// key is empty are counted, not joined (the INSEE file carries Mayotte that way). A table with
/// no data row, or none with a code, is an error: it would join nobody and report a
/// population of 0 as if it were one.
package struct PopulationTable: Sendable {
    package var file: String
    package var keys: [String]
    package var population: [Double]
    /// Age-group labels (the column names without the `age_` prefix).
    package var ageGroups: [String]
    /// `byAge[row][group]`, empty when the table has no age columns.
    package var byAge: [[Double]]
    /// Rows skipped because their key was empty.
    package var rowsWithoutKey: Int
    /// The other columns (e.g. `DEP`, `REG` of the INSEE file), kept as area attributes so that
    /// analyses can group by them.
    var otherColumns: [String]
    var otherValues: [[String]]
    /// The encoding the table was read in.
    package var encoding: TextEncoding

    package static func read(_ url: URL, key: String, field: String) throws -> PopulationTable {
        try PopulationTable(table: CSVTable.read(contentsOf: url), key: key, field: field)
    }

    package init(table: CSVTable, key: String, field: String) throws {
        file = table.file
        encoding = table.encoding
        let keyColumn = try table.column(key)
        let valueColumn = try table.column(field)
        let ageColumns = table.header.indices.filter { table.header[$0].lowercased().hasPrefix("age_") }
        ageGroups = ageColumns.map { String(table.header[$0].dropFirst(4)) }
        guard !table.rows.isEmpty else {
            throw InputError(file: table.file, message: "no data rows: the table has only its header (\(table.header.joined(separator: ", ")))")
        }
        keys = []
        population = []
        byAge = []
        rowsWithoutKey = 0
        let others = table.header.indices.filter { $0 != keyColumn && $0 != valueColumn && !ageColumns.contains($0) }
        otherColumns = others.map { table.header[$0] }
        otherValues = []
        keys.reserveCapacity(table.rows.count)
        population.reserveCapacity(table.rows.count)
        for (r, row) in table.rows.enumerated() {
            let code = row[keyColumn].trimmingSpaces()
            if code.isEmpty {
                rowsWithoutKey += 1
                continue
            }
            keys.append(code)
            otherValues.append(others.map { row[$0] })
            population.append(try Self.count(row[valueColumn], table: table, row: r, field: table.header[valueColumn]))
            if !ageColumns.isEmpty {
                byAge.append(try ageColumns.map { try Self.count(row[$0], table: table, row: r, field: table.header[$0]) })
            }
        }
        guard !keys.isEmpty else {
            throw InputError(
                file: table.file, field: table.header[keyColumn], message: "no data row has a commune code (\(rowsWithoutKey) row(s) with this column empty)")
        }
    }

    /// The largest head count of one row: a billion, more than any commune or grid cell holds
    /// (35,000 communes at this bound still sum to an exact integer).
    static let maximumCount = 1e9

    /// Whether `value` is a head count GeoHealth accepts: finite, from 0 to ``maximumCount``.
    static func isCount(_ value: Double) -> Bool {
        value.isFinite && value >= 0 && value <= maximumCount
    }

    /// Parses a head count: `1234`, `1 234`, `1234,5`; rejects negatives, NaN, values above
    /// ``maximumCount`` and text.
    static func count(_ raw: String, table: CSVTable, row: Int, field: String) throws -> Double {
        if let plain = Double(raw), isCount(plain) { return plain }  // the common case, without Foundation's string search
        var text = raw.trimmingSpaces().replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
        text = text.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(text), isCount(value) else {
            throw InputError(
                file: table.file, line: table.lineNumbers[row], field: field,
                message: "'\(raw)' is not a population count (a number from 0 to 1,000,000,000)")
        }
        return value
    }
}
