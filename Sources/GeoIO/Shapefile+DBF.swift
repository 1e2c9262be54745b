import Foundation
import GeoCore

/// The `.dbf` of a Shapefile (dBase III): a 32-byte header (record count at byte 4, header
/// length at 8, record length at 10, language driver at 29), 32-byte field descriptors ended
/// by 0x0D, then fixed-length records whose first byte is `*` when deleted.
///
/// The header is checked before any record is read or any row allocated: the header length
/// lies within the file, every field lies within the record, and the records the header
/// announces fit in the bytes after it. A header that asks for more (2³² − 1 records of
/// 0 bytes: 34 GB of rows) is an error naming the file, never an allocation.
extension Shapefile {
    struct DBFField {
        var name: String
        var type: UInt8
        /// Offset in the record (the deletion flag is byte 0).
        var offset: Int
        var length: Int
    }

    struct DBFHeader {
        var count: Int
        var headerLength: Int
        var recordLength: Int
        var fields: [DBFField]
    }

    /// The rows of a `.dbf` (nil for a deleted record) and the encoding its text was read in.
    package static func readDBF(_ b: [UInt8], file: String, codePage: String?) throws -> (rows: [Properties?], encoding: TextEncoding) {
        let header = try dbfHeader(b, file: file)
        let encoding = dbfEncoding(b, headerLength: header.headerLength, codePage: codePage)
        var rows: [Properties?] = []
        rows.reserveCapacity(header.count)  // bounded: the records fit in the file
        for r in 0..<header.count {
            let start = header.headerLength + r * header.recordLength
            if b[start] == 0x2A { rows.append(nil); continue }
            var p = Properties()
            for f in header.fields {
                let raw = b[start + f.offset..<start + f.offset + f.length]
                do {
                    p[f.name] = try dbfValue(raw, type: f.type, encoding: encoding, file: file)
                } catch let e as InputError {
                    throw InputError(file: file, feature: r, field: f.name, message: e.message)
                }
            }
            rows.append(p)
        }
        return (rows, encoding)
    }

    /// The header and field descriptors, every offset and count checked against the file.
    static func dbfHeader(_ b: [UInt8], file: String) throws -> DBFHeader {
        func fail(_ m: String, field: String? = nil) -> InputError { InputError(file: file, field: field, message: m) }
        guard b.count >= 32 else { throw fail("not a dBase file (shorter than its header)") }
        let count = Int(UInt32(b[4]) | UInt32(b[5]) << 8 | UInt32(b[6]) << 16 | UInt32(b[7]) << 24)
        let headerLength = Int(b[8]) | Int(b[9]) << 8, recordLength = Int(b[10]) | Int(b[11]) << 8
        guard headerLength >= 32, headerLength <= b.count else {
            throw fail("the .dbf header says it is \(headerLength) bytes long; the file has \(b.count)")
        }
        var fields: [DBFField] = []
        var pos = 32, offset = 1
        while pos + 32 <= headerLength, b[pos] != 0x0D {
            let name = String(decoding: b[pos..<pos + 11].prefix { $0 != 0 }, as: UTF8.self)
            let length = Int(b[pos + 16])
            guard offset + length <= recordLength else {
                throw fail(
                    "field ends at byte \(offset + length) of a \(recordLength)-byte record (the header's field lengths exceed its record length)", field: name)
            }
            fields.append(DBFField(name: name, type: b[pos + 11], offset: offset, length: length))
            offset += length
            pos += 32
        }
        guard count == 0 || recordLength >= 1 else { throw fail("the .dbf says \(count) records of 0 bytes (a record holds at least its deletion flag)") }
        guard count <= (b.count - headerLength) / max(recordLength, 1) else {
            throw fail("the .dbf says \(count) records of \(recordLength) bytes, more than the file holds (\(b.count - headerLength) bytes after the header)")
        }
        return DBFHeader(count: count, headerLength: headerLength, recordLength: recordLength, fields: fields)
    }

    /// The encoding: the .cpg, else the language driver byte, else UTF-8 if valid, else 1252.
    static func dbfEncoding(_ b: [UInt8], headerLength: Int, codePage: String?) -> TextEncoding {
        let declared = codePage?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if let d = declared, d.contains("UTF") { return .utf8 }
        if let d = declared, ["1252", "CP1252", "WINDOWS-1252", "ISO-8859-1", "ISO88591", "8859-1", "LATIN1", "88591"].contains(d) { return .windows1252 }
        if [0x57, 0x03].contains(b[29]) { return .windows1252 }
        return String(data: Data(b[headerLength...]), encoding: .utf8) == nil ? .windows1252 : .utf8
    }

    /// One field's value: C text (trailing spaces trimmed), N/F numbers (blank or `*` is null),
    /// L booleans (`?` is null), D dates as `YYYY-MM-DD`. A number that is not finite (`nan`,
    /// `inf`) stays text: no NaN reaches the analyses or the JSON written.
    static func dbfValue(_ raw: ArraySlice<UInt8>, type: UInt8, encoding: TextEncoding, file: String) throws -> PropertyValue {
        var text: String
        if encoding == .utf8, let s = String(bytes: raw, encoding: .utf8) { text = s }
        else { text = String(decoding: try TextEncoding.utf8(Data(raw), file: file).bytes, as: UTF8.self) }
        text = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case UInt8(ascii: "N"), UInt8(ascii: "F"):
            guard !text.isEmpty, !text.hasPrefix("*") else { return .null }
            if let v = Double(text), v.isFinite { return .number(v) }
            return .string(text)
        case UInt8(ascii: "L"):
            return "TtYy".contains(text) && !text.isEmpty ? .bool(true) : "FfNn".contains(text) && !text.isEmpty ? .bool(false) : .null
        case UInt8(ascii: "D") where text.count == 8:
            return .string("\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))")
        default:
            return text.isEmpty && type != UInt8(ascii: "C") ? .null : .string(text)
        }
    }
}
