import Foundation
import GeoCore
import GeoIO
import Spreadsheet

extension CommuneTable {
    /// The table as an `.xlsx` workbook: the table itself on the first sheet (named after the
    /// file; a header row, frozen, with filter buttons), then the lists of the command's summary
    /// one sheet each (``SummarySheets``), then the "Méthode" sheet (``MethodSheet``).
    ///
    /// Numbers are numbers (shown with grouped thousands and their decimals, or as a percentage
    /// for a share: a display format only); a missing value is an empty cell, the reason in its
    /// own column (`NAME_unreachable`, a boolean: the whole-country rule of ``UnreachableFlags``).
    /// - Parameters:
    ///   - columns, rows: the table with its flags beside the cost columns (``UnreachableFlags/flatten(columns:rows:costColumns:)``).
    func workbook(columns: [String], rows: [[PropertyValue]], name: String, inputs: [URL]) throws -> Workbook {
        let table = Sheet(name: Sheet.safeName(name), columns: columns.indices.map { c in
            Sheet.Column(columns[c], format: WorkbookCells.format(column: columns[c], values: rows.lazy.map { $0[c] }))
        }, rows: rows.map { $0.map(WorkbookCells.cell) })
        let summary = context?.summary.map(SummarySheets.init)
        let flagged = columns.filter { columns.contains($0 + UnreachableFlags.suffix) }
        let method = try MethodSheet.sheet(context: context, summaryScalars: summary?.scalars ?? [], inputs: inputs, flagged: flagged)
        return Workbook(sheets: Self.distinctNames([table] + (summary?.sheets ?? []) + [method]))
    }

    /// The sheets with names distinct ignoring case: a later sheet named like an earlier one
    /// gets ` (2)`, ` (3)`… (the table's own name comes first and stays).
    static func distinctNames(_ sheets: [Sheet]) -> [Sheet] {
        var taken = Set<String>()
        return sheets.map { sheet in
            var s = sheet, k = 2
            while taken.contains(s.name.lowercased()) {
                s.name = Sheet.safeName(String(sheet.name.prefix(Sheet.maxNameLength - 5)) + " (\(k))")
                k += 1
            }
            taken.insert(s.name.lowercased())
            return s
        }
    }
}
