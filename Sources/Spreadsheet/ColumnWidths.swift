import Foundation

/// Column widths that show a column's header and values without cutting them: the widest of
/// the header and of the values as displayed (numbers with their grouping and decimals), plus
/// two characters, between 6 and 60 (in Excel's unit, the width of a digit).
enum ColumnWidths {
    static let minimum = 6.0, maximum = 60.0

    static func of(_ sheet: Sheet) -> [Double] {
        sheet.columns.indices.map { c in
            let decimals = sheet.columns[c].format.map { decimalsOf($0.code) } ?? 6
            var widest = sheet.columns[c].name.count
            for row in sheet.rows where c < row.count {
                widest = max(widest, shownLength(row[c], decimals: decimals))
            }
            return min(max(Double(widest + 2), minimum), maximum)
        }
    }

    /// The characters a cell shows, near enough: a number's digits, group separators, sign,
    /// decimal mark and decimals.
    static func shownLength(_ cell: Sheet.Cell, decimals: Int) -> Int {
        switch cell {
        case .number(let d) where d.isFinite:
            let digits = abs(d) < 1 ? 1 : Int(log10(abs(d)).rounded(.down)) + 1
            return digits + (digits - 1) / 3 + (d < 0 ? 1 : 0) + (decimals > 0 ? decimals + 1 : 0)
        case .text(let s): return s.count
        case .bool: return 5
        default: return 0
        }
    }

    /// The zeros after the decimal point of a format code (`#,##0.00` → 2).
    static func decimalsOf(_ code: String) -> Int {
        guard let point = code.firstIndex(of: ".") else { return 0 }
        return code[code.index(after: point)...].prefix { $0 == "0" }.count
    }
}
