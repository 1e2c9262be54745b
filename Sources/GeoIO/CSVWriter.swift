import Foundation

/// Writes CSV (comma-separated, RFC 4180 quoting where needed, `\n` line ends), atomically.
public enum CSVWriter {
    public static func string(header: [String], rows: [[String]]) -> String {
        var out = ""
        appendRecord(header, to: &out)
        for r in rows { appendRecord(r, to: &out) }
        return out
    }

    public static func write(header: [String], rows: [[String]], to url: URL, inputs: [URL] = []) throws {
        try OutputFile.write(Array(string(header: header, rows: rows).utf8), to: url, inputs: inputs)
    }

    static func appendRecord(_ fields: [String], to out: inout String) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            if f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out += "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                out += f
            }
        }
        out += "\n"
    }
}
