import Foundation
import GeoCore
import GeoIO
import Spreadsheet

/// How table values become spreadsheet cells: numbers stay numbers (shown with their decimals
/// and grouped thousands, ``NumberFormat``), null is an empty cell, booleans are booleans,
/// lists are text joined by `;` (as in the CSV).
enum WorkbookCells {
    static func cell(_ v: PropertyValue) -> Sheet.Cell {
        switch v {
        case .number(let d): .number(d)
        case .null: .empty
        case .bool(let b): .bool(b)
        case .string(let s): .text(s)
        case .array(let items): .text(items.compactMap(\.stringValue).joined(separator: ";"))
        case .object: .text(JSONText.string(v))
        }
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
