import Foundation

/// The character encodings GeoHealth reads tables in: UTF-8 (with or without a byte-order
/// mark), and Windows-1252, the superset of ISO-8859-1 (Latin-1) that French public files
/// exported from Excel or older systems use (INSEE, FINESS, ARS extracts). A file that is not
/// valid UTF-8 is read as Windows-1252 — never with U+FFFD replacement characters — and a
/// byte that Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D) is an error naming
/// its line and the `iconv` command that converts the file.
package enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case windows1252 = "Windows-1252"

    /// Bytes 0x80–0x9F in Windows-1252 (0 where undefined); the other bytes are Latin-1.
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// `data` as UTF-8 bytes, with the encoding it was in.
    package static func utf8(_ data: Data, file: String) throws -> (bytes: Data, encoding: TextEncoding) {
        if String(data: data, encoding: .utf8) != nil { return (data, .utf8) }
        var out = Data(capacity: data.count + data.count / 8)
        var line = 1
        for b in data {
            if b == 0x0A { line += 1 }
            if b < 0x80 { out.append(b); continue }
            let scalar = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            guard scalar != 0, let u = Unicode.Scalar(scalar) else {
                throw InputError(
                    file: file, line: line,
                    message:
                        "byte 0x\(String(b, radix: 16, uppercase: true)) is neither UTF-8 nor Windows-1252 (Latin-1); convert the file, e.g. `iconv -f " +
                        "CP850 -t UTF-8 \(file) > utf8.csv`"
                )
            }
            out.append(contentsOf: Array(String(Character(u)).utf8))
        }
        return (out, .windows1252)
    }
}
