import Foundation

/// A delimited file read record by record, without holding its rows: for tables of millions of
/// lines (a 200 m population grid) whose cells are parsed as they go. Same dialect as
/// ``CSVTable`` (separator detected on the header, RFC 4180 quotes, BOM, Windows-1252 files,
/// blank lines skipped, a row of the wrong width is an error naming its line).
package enum CSVRecords {
    /// One record: its fields as bytes of the file (or of the unquoted text), and its line.
    package struct Record {
        /// The 1-based line on which the record starts.
        package var line = 0
        var bytes: UnsafeBufferPointer<UInt8>
        var ranges: [Range<Int>] = []
        var unquoted: [Int: [UInt8]] = [:]

        /// The number of fields.
        package var count: Int { ranges.count }

        /// Field `i` as its UTF-8 bytes.
        package func withField<T>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
            if let text = unquoted[i] { return try text.withUnsafeBufferPointer(body) }
            return try body(UnsafeBufferPointer(rebasing: bytes[ranges[i]]))
        }

        /// Field `i` as a string.
        package func string(_ i: Int) -> String {
            withField(i) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Calls `header` with the header's names and the separator, then `body` with each record.
    /// - Throws: ``InputError`` naming the file (and the line) on a malformed table, or what the closures throw.
    package static func scan(
        contentsOf url: URL, header: ([String], UInt8) throws -> Void, _ body: (inout Record) throws -> Void
    ) throws {
        let data = try InputFile.mapped(url)
        let (utf8, _) = try TextEncoding.utf8(data, file: url.relativePath)
        try utf8.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = CSVParser(bytes: bytes, file: url.relativePath)
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.pos = 3 }
            let separator = parser.detectSeparator()
            parser.skipBlankLines()
            guard parser.pos < bytes.count else { throw InputError(file: url.relativePath, message: "the file is empty (no header line)") }
            let names = try parser.record(separator).map { $0.trimmingCharacters(in: .whitespaces) }
            try header(names, separator)
            var record = Record(bytes: bytes)
            while true {
                parser.skipBlankLines()
                guard parser.pos < bytes.count else { break }
                record.line = parser.line
                try parser.ranges(separator, into: &record)
                guard record.count == names.count else {
                    throw InputError(file: url.relativePath, line: record.line, message: "row has \(record.count) fields, the header has \(names.count)")
                }
                try body(&record)
            }
        }
    }
}

extension CSVParser {
    /// One record as byte ranges (quoted fields unescaped aside), ending at an unquoted line end.
    mutating func ranges(_ separator: UInt8, into record: inout CSVRecords.Record) throws {
        record.ranges.removeAll(keepingCapacity: true)
        record.unquoted.removeAll()
        repeat {
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") {
                record.unquoted[record.ranges.count] = Array(try field(separator).utf8)
                record.ranges.append(0..<0)
            } else {
                let start = pos
                while pos < bytes.count, bytes[pos] != separator, bytes[pos] != 0x0A, bytes[pos] != 0x0D { pos += 1 }
                record.ranges.append(start..<pos)
            }
        } while nextField(separator)
    }
}
