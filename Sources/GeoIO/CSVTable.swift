import Foundation

/// A delimited text table (RFC 4180 quoting) read whole: a header and rows of strings.
///
/// The separator (`,` `;` or tab) is detected from the header line, outside quotes; a UTF-8
/// byte-order mark is skipped; a file that is not UTF-8 is read as Windows-1252/Latin-1
/// (``TextEncoding``); `\r\n` and `\n` line ends are both accepted; blank lines are
/// skipped. A row with a different number of fields than the header, or a quote left open,
/// is an error naming the line.
package struct CSVTable: Sendable {
    package var file: String
    package var header: [String]
    package var rows: [[String]]
    package var separator: UInt8
    /// The 1-based line on which each row starts, for messages.
    package var lineNumbers: [Int]
    /// The encoding the file was in (its text is held as Swift strings).
    package var encoding: TextEncoding = .utf8

    package init(file: String, header: [String], rows: [[String]], separator: UInt8 = UInt8(ascii: ","), lineNumbers: [Int]? = nil) {
        self.file = file
        self.header = header
        self.rows = rows
        self.separator = separator
        self.lineNumbers = lineNumbers ?? rows.indices.map { $0 + 2 }
    }

    package static func read(contentsOf url: URL) throws -> CSVTable {
        let data = try InputFile.mapped(url)
        let (utf8, encoding) = try TextEncoding.utf8(data, file: url.relativePath)
        var table = try parse(utf8, file: url.relativePath)
        table.encoding = encoding
        return table
    }

    package static func parse(_ text: String, file: String = "<text>") throws -> CSVTable {
        try parse(Data(text.utf8), file: file)
    }

    package static func parse(_ data: Data, file: String) throws -> CSVTable {
        try data.withUnsafeBytes { raw in
            var parser = CSVParser(bytes: raw.bindMemory(to: UInt8.self), file: file)
            return try parser.table()
        }
    }

    /// The index of column `name` (exact, then case-insensitive), or an error that lists the columns.
    package func column(_ name: String) throws -> Int {
        if let i = header.firstIndex(of: name) { return i }
        if let i = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return i }
        throw InputError(file: file, field: name, message: "no such column; the columns are: \(header.joined(separator: ", "))")
    }

    /// The first of `names` that is a column, if any.
    package func firstColumn(among names: [String]) -> Int? {
        for n in names { if let i = try? column(n) { return i } }
        return nil
    }

    /// Whether the table writes decimals with a comma (the French dialect: `;` separator and
    /// cells such as `12,5`), so that its numbers are read with ``number(_:)``.
    var decimalComma: Bool { separator == UInt8(ascii: ";") }

    /// A cell as a number: `12.5`, and with the `;` separator also `12,5` and `1 234,5`
    /// (spaces, no-break and narrow no-break spaces as thousands separators); nil otherwise.
    package func number(_ cell: String) -> Double? {
        let t = cell.trimmingCharacters(in: .whitespaces)
        if let d = Double(t) { return d }
        guard decimalComma else { return nil }
        let cleaned = t.replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
        return Double(cleaned)
    }

    package var separatorName: String {
        switch separator {
        case UInt8(ascii: ";"): "semicolon"
        case 0x09: "tab"
        default: "comma"
        }
    }
}

struct CSVParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var pos = 0
    var line = 1
    /// Fields per record (the header's, once read): each record's array is made at that size.
    var width = 8

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    mutating func table() throws -> CSVTable {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
        let separator = detectSeparator()
        skipBlankLines()
        guard pos < bytes.count else { throw InputError(file: file, message: "the file is empty (no header line)") }
        let header = try record(separator).map { $0.trimmingCharacters(in: .whitespaces) }
        width = header.count
        var rows: [[String]] = []
        var lines: [Int] = []
        while true {
            skipBlankLines()
            guard pos < bytes.count else { break }
            let start = line
            let fields = try record(separator)
            guard fields.count == header.count else {
                throw InputError(file: file, line: start,
                                 message: "row has \(fields.count) fields, the header has \(header.count)")
            }
            rows.append(fields)
            lines.append(start)
        }
        return CSVTable(file: file, header: header, rows: rows, separator: separator, lineNumbers: lines)
    }

    /// The most frequent of `,` `;` tab on the first line, counted outside quotes (`,` on a tie).
    func detectSeparator() -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        var quoted = false
        var i = pos
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (b == 0x0A || b == 0x0D) { break }
            if !quoted, counts[b] != nil { counts[b]! += 1 }
            i += 1
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != UInt8(ascii: ",") && b.key == UInt8(ascii: ",")) }
        return (best?.value ?? 0) > 0 ? best!.key : UInt8(ascii: ",")
    }

    mutating func skipBlankLines() {
        while pos < bytes.count, bytes[pos] == 0x0A || bytes[pos] == 0x0D {
            if bytes[pos] == 0x0A { line += 1 }
            pos += 1
        }
    }

    /// One record, ending at an unquoted line end or the end of the file.
    mutating func record(_ separator: UInt8) throws -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(width)
        repeat { fields.append(try field(separator)) } while nextField(separator)
        return fields
    }

    /// After a field: true when another field of the record follows (the separator is
    /// consumed); false at the record's end (its line end, `\r\n` or `\n`, is consumed).
    mutating func nextField(_ separator: UInt8) -> Bool {
        guard pos < bytes.count else { return false }
        if bytes[pos] == separator {
            pos += 1
            return true
        }
        if bytes[pos] == 0x0D { pos += 1 }
        if pos < bytes.count, bytes[pos] == 0x0A {
            pos += 1
            line += 1
        }
        return false
    }

    mutating func field(_ separator: UInt8) throws -> String {
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
            let start = pos
            while pos < bytes.count, bytes[pos] != separator, bytes[pos] != 0x0A, bytes[pos] != 0x0D { pos += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        }
        let openLine = line
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                if pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "\"") {
                    out.append(b)
                    pos += 2
                    continue
                }
                pos += 1
                guard pos >= bytes.count || bytes[pos] == separator || bytes[pos] == 0x0A || bytes[pos] == 0x0D else {
                    throw InputError(file: file, line: line, message: "unexpected text after a closing quote")
                }
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x0A { line += 1 }
            out.append(b)
            pos += 1
        }
        throw InputError(file: file, line: openLine, message: "quoted field opened on this line is never closed")
    }
}
