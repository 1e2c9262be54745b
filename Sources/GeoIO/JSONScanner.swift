import GeoCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON (RFC 8259) tokenizer over raw bytes, with no document tree: callers pull exactly the
/// values they need, straight into their own buffers. Errors carry the byte offset, line and
/// column; nesting is bounded by `maxDepth`, number tokens by `maxNumberLength`, so hostile
/// input can neither exhaust the stack nor hang the reader.
struct JSONScanner {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    let file: String
    var pos = 0
    var depth = 0
    /// The feature being read, for error messages.
    var feature: Int?
    /// Positions of the array being read, reused from array to array: each array is then
    /// allocated once, at its exact size (no growth by doubling, no slack kept).
    var positions: [Coordinate] = []

    static let maxDepth = 256
    static let maxNumberLength = 1_000

    init(bytes: UnsafePointer<UInt8>, count: Int, file: String) {
        self.bytes = bytes
        self.count = count
        self.file = file
    }

    /// The byte at the cursor, or 0 at the end of input (0 never starts a valid token).
    @inline(__always) var current: UInt8 { pos < count ? bytes[pos] : 0 }
    var atEnd: Bool { pos >= count }

    @inline(__always) mutating func skipWhitespace() {
        while pos < count {
            let b = bytes[pos]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            pos += 1
        }
    }

    // MARK: Errors

    func error(_ message: String, at offset: Int? = nil) -> InputError {
        let at = min(offset ?? pos, count)
        var line = 1, lineStart = 0
        for i in 0..<at where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return InputError(file: file, line: line, column: at - lineStart + 1, byteOffset: at, feature: feature, message: message)
    }

    /// How the token at the cursor reads in a message: `'}'`, `a string`, `the end of the file`.
    var found: String {
        guard pos < count else { return "the end of the file" }
        let b = bytes[pos]
        switch b {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): return "a number"
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            var end = pos
            while end < count, end - pos < 20, (bytes[end] | 0x20) >= UInt8(ascii: "a"), (bytes[end] | 0x20) <= UInt8(ascii: "z") { end += 1 }
            let word = String(decoding: UnsafeBufferPointer(start: bytes + pos, count: end - pos), as: UTF8.self)
            let nonFinite = ["NaN", "Infinity", "inf", "nan"].contains(word)
            return "'\(word)'" + (nonFinite ? " (JSON has no NaN or Infinity)" : "")
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(b)))'"
        default: return "byte 0x\(String(b, radix: 16, uppercase: true))"
        }
    }

    // MARK: Structure

    @inline(__always) mutating func expect(_ byte: UInt8, _ context: @autoclosure () -> String) throws {
        skipWhitespace()
        guard current == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))' \(context()), found \(found)")
        }
        pos += 1
    }

    mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    /// Consumes `{` and enters the object.
    mutating func beginObject(_ what: @autoclosure () -> String) throws {
        skipWhitespace()
        guard current == UInt8(ascii: "{") else { throw error("expected \(what()) (a JSON object), found \(found)") }
        pos += 1
        try enter()
    }

    /// The next key of the object (cursor after its `:`), or nil after the closing `}`.
    mutating func nextKey(_ first: inout Bool) throws -> RawString? {
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return nil
        }
        if !first {
            guard current == UInt8(ascii: ",") else { throw error("expected ',' or '}' in object, found \(found)") }
            pos += 1
            skipWhitespace()
        }
        first = false
        guard current == UInt8(ascii: "\"") else { throw error("expected a member name (a string) in object, found \(found)") }
        let key = try scanString()
        try expect(UInt8(ascii: ":"), "after member name")
        skipWhitespace()
        return key
    }

    /// Consumes `[` and enters the array.
    mutating func beginArray(_ what: @autoclosure () -> String) throws {
        skipWhitespace()
        guard current == UInt8(ascii: "[") else { throw error("expected \(what()), found \(found)") }
        pos += 1
        try enter()
    }

    /// True when another element follows (cursor on it); false after the closing `]`.
    @inline(__always) mutating func nextElement(_ first: inout Bool) throws -> Bool {
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return false
        }
        if !first {
            guard current == UInt8(ascii: ",") else { throw error("expected ',' or ']' in array, found \(found)") }
            pos += 1
            skipWhitespace()
        }
        first = false
        return true
    }

    /// Consumes `null` if it is next.
    mutating func skipNull() -> Bool {
        skipWhitespace()
        if pos + 4 <= count, bytes[pos] == UInt8(ascii: "n"), bytes[pos + 1] == UInt8(ascii: "u"),
           bytes[pos + 2] == UInt8(ascii: "l"), bytes[pos + 3] == UInt8(ascii: "l") {
            pos += 4
            return true
        }
        return false
    }

    // MARK: Strings

    /// A string token's bytes, still escaped; `hasEscapes` says whether decoding is needed.
    struct RawString {
        var start: Int
        var end: Int
        var hasEscapes: Bool
    }

    /// Scans a string token (cursor on its opening quote) and leaves the cursor after it.
    mutating func scanString() throws -> RawString {
        let open = pos
        pos += 1
        let start = pos
        var escapes = false
        while pos < count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let raw = RawString(start: start, end: pos, hasEscapes: escapes)
                pos += 1
                return raw
            }
            if b == UInt8(ascii: "\\") {
                escapes = true
                pos += 2
            } else {
                pos += 1
            }
        }
        throw error("unterminated string (opened at byte \(open))", at: count)
    }

    func equals(_ raw: RawString, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard !raw.hasEscapes, raw.end - raw.start == n else { return false }
        return memcmp(bytes + raw.start, literal.utf8Start, n) == 0
    }

    /// Decodes a scanned string (escapes, `\u` surrogate pairs). Invalid UTF-8 is an error, not
    /// repaired: RFC 8259 §8.1 requires UTF-8, and replacing bytes would lose the user's text.
    func decode(_ raw: RawString) throws -> String {
        if !raw.hasEscapes {
            return try utf8(UnsafeBufferPointer(start: bytes + raw.start, count: raw.end - raw.start), at: raw.start)
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.end - raw.start)
        var i = raw.start
        while i < raw.end {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < raw.end else { throw error("unfinished escape sequence in string", at: i) }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= raw.end, bytes[i] == UInt8(ascii: "\\"),
                   bytes[i + 1] == UInt8(ascii: "u") {
                    let low = try hex4(at: i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(s)).utf8))
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in string", at: i - 2)
            }
        }
        return try out.withUnsafeBufferPointer { try utf8($0, at: raw.start) }
    }

    private func utf8(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> String {
        // ASCII (keys, codes, most values) is valid UTF-8 as it stands: the specialised decoder,
        // not the generic validator, which instantiates metadata at every call.
        var ascii: UInt8 = 0
        for b in buffer { ascii |= b }
        if ascii < 0x80 { return String(decoding: buffer, as: UTF8.self) }
        if let s = String(validating: buffer, as: UTF8.self) { return s }
        throw error("invalid UTF-8 in a string (GeoJSON must be UTF-8, RFC 8259 §8.1; convert a Latin-1 file with: iconv -f latin1 -t utf-8)", at: offset)
    }

    private func hex4(at i: Int) throws -> UInt32 {
        guard i + 4 <= count else { throw error("unfinished \\u escape in string", at: i) }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[i + k]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape in string", at: i - 2)
            }
            v = v << 4 | d
        }
        return v
    }

    mutating func parseString(_ what: @autoclosure () -> String) throws -> String {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw error("expected \(what()) (a string), found \(found)") }
        return try decode(scanString())
    }
}
