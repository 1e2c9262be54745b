/// One worksheet of a ``Workbook``: a header row of column names, then rows of typed cells.
///
/// Cells keep their type in the file: a number is a number (its ``NumberFormat`` only changes
/// how it is shown), a boolean a boolean, an ``Cell/empty`` cell is absent (what a missing
/// value is: its reason goes in a column of its own, never a word in a number column).
package struct Sheet: Sendable, Equatable {
    /// A cell's value.
    package enum Cell: Sendable, Equatable {
        case number(Double)
        case text(String)
        case bool(Bool)
        /// No value: nothing is written (a non-finite number is written as empty too).
        case empty
    }

    /// A column: its header and how its numbers are shown.
    package struct Column: Sendable, Equatable {
        package var name: String
        /// The display format of the column's numbers; nil: the spreadsheet's "General".
        package var format: NumberFormat?
        package init(_ name: String, format: NumberFormat? = nil) {
            self.name = name
            self.format = format
        }
    }

    /// The sheet's name: at most 31 characters, none of `[ ] : * ? / \` (``safeName(_:)``).
    package var name: String
    package var columns: [Column]
    /// One array of cells per row, each as long as ``columns`` (shorter rows end in empty cells).
    package var rows: [[Cell]]
    /// The header row stays in view when scrolling, and carries filter buttons.
    package var freezeHeader = true
    package var autofilter = true

    package init(name: String, columns: [Column], rows: [[Cell]], freezeHeader: Bool = true, autofilter: Bool = true) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.freezeHeader = freezeHeader
        self.autofilter = autofilter
    }

    /// The longest sheet name Excel accepts (ECMA-376 leaves it open; Excel and LibreOffice
    /// refuse more than 31 characters).
    package static let maxNameLength = 31
    /// Characters Excel forbids in a sheet name.
    package static let forbiddenNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// `name` made acceptable as a sheet name: forbidden characters become `_`, apostrophes at
    /// either end are dropped, the result is cut to 31 characters; an empty result is `Feuille`.
    package static func safeName(_ name: String) -> String {
        var text = String(name.map { forbiddenNameCharacters.contains($0) ? "_" : $0 })
        while text.hasPrefix("'") { text.removeFirst() }
        text = String(text.prefix(maxNameLength))
        while text.hasSuffix("'") { text.removeLast() }
        return text.isEmpty ? "Feuille" : text
    }
}

/// How a number is shown (never what it is): an Excel number format code (ECMA-376 Part 1,
/// §18.8.31), written in the file's own syntax (`,` groups thousands, `.` marks decimals) and
/// tagged French (`[$-40C]`, the locale id of French–France): LibreOffice then shows `38 000,50`
/// and `12,3 %` whatever its own locale, Excel shows them with its user's separators (French ones
/// in a French Excel). The cell holds the number either way.
package struct NumberFormat: Sendable, Hashable {
    package var code: String
    package init(code: String) { self.code = code }

    /// The locale tag of the formats: French (France).
    package static let french = "[$-40C]"

    /// Thousands grouped, `decimals` digits after the decimal mark (`[$-40C]#,##0.00`: 38 000,50).
    package static func grouped(decimals: Int) -> NumberFormat {
        NumberFormat(code: french + (decimals > 0 ? "#,##0." + String(repeating: "0", count: decimals) : "#,##0"))
    }

    /// A fraction shown as a percentage with `decimals` digits (`[$-40C]0.0%`: 0.123 reads `12,3%`).
    package static func percent(decimals: Int) -> NumberFormat {
        NumberFormat(code: french + (decimals > 0 ? "0." + String(repeating: "0", count: decimals) + "%" : "0%"))
    }
}
