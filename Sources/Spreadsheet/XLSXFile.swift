import CXLSXWriter
import Foundation

/// The one owner of a libxlsxwriter workbook (`lxw_workbook`): created, filled sheet by sheet
/// and closed (which writes the file and frees everything) inside ``write(_:to:)``. Each C
/// call's `lxw_error` is checked beside it and thrown as a ``SpreadsheetError`` with
/// `lxw_strerror`'s text. Constant-memory mode: rows are written in order and flushed to a
/// temporary file as they go, so a national table does not sit twice in memory.
enum XLSXFile {
    static func write(_ book: Workbook, to path: String) throws {
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let workbook = workbook_new_opt(path, &options) else { throw SpreadsheetError("cannot create the workbook") }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }
        var properties = lxw_doc_properties()
        properties.created = time_t(book.created.timeIntervalSince1970)
        try check(workbook_set_properties(workbook, &properties), "setting the document's properties")
        let formats = Formats(workbook)
        for sheet in book.sheets { try add(sheet, to: workbook, formats: formats) }
        closed = true
        try check(workbook_close(workbook), "writing the file")
    }

    /// One sheet: column widths, header, rows, frozen header, filter buttons.
    static func add(_ sheet: Sheet, to workbook: UnsafeMutablePointer<lxw_workbook>, formats: Formats) throws {
        try check(workbook_validate_sheet_name(workbook, sheet.name), "sheet name '\(sheet.name)'")
        guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else { throw SpreadsheetError("cannot add the sheet '\(sheet.name)'") }
        let cellFormats = sheet.columns.map { $0.format.flatMap(formats.format) }
        for (c, width) in ColumnWidths.of(sheet).enumerated() {
            try check(worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), width, nil), "sheet '\(sheet.name)': column widths")
        }
        if sheet.freezeHeader { worksheet_freeze_panes(worksheet, 1, 0) }
        if sheet.autofilter && !sheet.columns.isEmpty {
            try check(worksheet_autofilter(worksheet, 0, 0, lxw_row_t(sheet.rows.count), lxw_col_t(sheet.columns.count - 1)), "sheet '\(sheet.name)': filter")
        }
        for (c, column) in sheet.columns.enumerated() {
            try check(worksheet_write_string(worksheet, 0, lxw_col_t(c), column.name, formats.header), "sheet '\(sheet.name)', header '\(column.name)'")
        }
        for (r, row) in sheet.rows.enumerated() {
            let line = lxw_row_t(r + 1)
            for (c, cell) in row.prefix(sheet.columns.count).enumerated() {
                let status: lxw_error
                switch cell {
                case .number(let d) where d.isFinite: status = worksheet_write_number(worksheet, line, lxw_col_t(c), d, cellFormats[c])
                case .text(let s) where !s.isEmpty: status = worksheet_write_string(worksheet, line, lxw_col_t(c), s, nil)
                case .bool(let b): status = worksheet_write_boolean(worksheet, line, lxw_col_t(c), b ? 1 : 0, nil)
                default: continue
                }
                try check(status, "sheet '\(sheet.name)', row \(r + 2), column '\(sheet.columns[c].name)'")
            }
        }
    }

    /// Throws unless `status` is `LXW_NO_ERROR`.
    static func check(_ status: lxw_error, _ doing: @autoclosure () -> String) throws {
        guard status != LXW_NO_ERROR else { return }
        let message = lxw_strerror(status).map { String(cString: $0) } ?? "error \(status.rawValue)"
        throw SpreadsheetError("\(doing()): \(message)")
    }

    /// The workbook's formats: the header's (bold) and one per number format code, made once
    /// (libxlsxwriter owns them and frees them with the workbook).
    final class Formats {
        let workbook: UnsafeMutablePointer<lxw_workbook>
        let header: UnsafeMutablePointer<lxw_format>?
        private var byCode: [String: UnsafeMutablePointer<lxw_format>] = [:]

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            self.workbook = workbook
            header = workbook_add_format(workbook)
            if let header { format_set_bold(header) }
        }

        func format(_ number: NumberFormat) -> UnsafeMutablePointer<lxw_format>? {
            if let known = byCode[number.code] { return known }
            guard let made = workbook_add_format(workbook) else { return nil }
            format_set_num_format(made, number.code)
            byCode[number.code] = made
            return made
        }
    }
}
