import Foundation
import GeoCore
import GeoIO
import Spreadsheet

/// How table values become spreadsheet cells: numbers stay numbers (shown with their decimals
/// and grouped thousands, ``NumberFormat``), null is an empty cell, booleans are booleans,
/// lists are text joined by `;` (as in the CSV). A text longer than a cell holds (32,767
/// characters: the codes of a national gap zone) is cut, saying how many items it had.
enum WorkbookCells {
    static func cell(_ v: PropertyValue) -> Sheet.Cell {
        switch v {
        case .number(let d): .number(d)
        case .null: .empty
        case .bool(let b): .bool(b)
        case .string(let s): .text(fitted(s, items: nil))
        case .array(let items): .text(fitted(items.compactMap(\.stringValue).joined(separator: ";"), items: items.count))
        case .object: .text(fitted(JSONText.string(v), items: nil))
        }
    }

    /// The most characters a cell holds (Excel's limit, which libxlsxwriter enforces).
    static let maxCellCharacters = 32_767

    /// `text`, or its beginning and `… (N in all)` when it is longer than a cell holds.
    static func fitted(_ text: String, items: Int?) -> String {
        let scalars = text.unicodeScalars  // libxlsxwriter counts code points
        guard scalars.count > maxCellCharacters else { return text }
        let note = " … (" + (items.map { "\($0) in all" } ?? "\(scalars.count) characters") + ")"
        return String(String.UnicodeScalarView(scalars.prefix(maxCellCharacters - note.unicodeScalars.count))) + note
    }

    /// The display format of a column of numbers: a share (its name says so: ``Summary/isShare(_:)``)
    /// as a percentage with one decimal, else grouped thousands with as many decimals as its
    /// values carry (at most 8); nil for a column that holds anything but numbers.
    static func format<S: Sequence<PropertyValue>>(column: String, values: S) -> NumberFormat? {
        var decimals = 0, numbers = 0
        for v in values {
            switch v {
            case .null: continue
            case .number(let d) where d.isFinite:
                numbers += 1
                decimals = max(decimals, Self.decimals(d))
            default: return nil
            }
        }
        guard numbers > 0 else { return nil }
        return Summary.isShare(column) ? .percent(decimals: 1) : .grouped(decimals: decimals)
    }

    /// The decimals `d` carries (0…8): the fewest after which it is whole, to a billionth of its size.
    static func decimals(_ d: Double) -> Int {
        var scaled = d
        for p in 0...8 {
            if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled)) { return p }
            scaled *= 10
        }
        return 8
    }
}
