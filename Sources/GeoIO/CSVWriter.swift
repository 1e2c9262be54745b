import Foundation

/// How a CSV file is written: the standard dialect (RFC 4180: `,`, decimal point, UTF-8, `\n`)
/// for scripts, or the French spreadsheet dialect (`;`, decimal comma, UTF-8 with a byte-order
/// mark so that Excel reads the accents, `\r\n`), which French Excel and LibreOffice open by a
/// double click with numbers as numbers. GeoHealth reads both back (``CSVTable``).
package struct CSVDialect: Sendable, Equatable {
    package var separator: Character
    package var decimalComma: Bool
    package var byteOrderMark: Bool
    package var lineEnd: String

    package static let standard = CSVDialect(separator: ",", decimalComma: false, byteOrderMark: false, lineEnd: "\n")
    package static let french = CSVDialect(separator: ";", decimalComma: true, byteOrderMark: true, lineEnd: "\r\n")

    /// A number already written with a decimal point, in this dialect.
    package func number(_ text: String) -> String {
        decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// Writes CSV (RFC 4180 quoting where needed), atomically, in a ``CSVDialect``.
package enum CSVWriter {
    package static func string(header: [String], rows: [[String]], dialect: CSVDialect = .standard) -> String {
        var out = dialect.byteOrderMark ? "\u{FEFF}" : ""
        appendRecord(header, dialect: dialect, to: &out)
        for r in rows { appendRecord(r, dialect: dialect, to: &out) }
        return out
    }

    package static func write(header: [String], rows: [[String]], to url: URL, inputs: [URL] = [], dialect: CSVDialect = .standard) throws {
        try OutputFile.write(Array(string(header: header, rows: rows, dialect: dialect).utf8), to: url, inputs: inputs)
    }

    static func appendRecord(_ fields: [String], dialect: CSVDialect, to out: inout String) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(dialect.separator) }
            out += field(f, dialect: dialect)
        }
        out += dialect.lineEnd
    }

    /// A field as written: quoted (quotes doubled) when it holds the separator, a quote or a line end.
    package static func field(_ f: String, dialect: CSVDialect) -> String {
        guard f.contains(where: { $0 == dialect.separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return f }
        return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
