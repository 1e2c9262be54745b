import GeoCore
import GeoIO
import Testing

/// JSON string text: the strings that need no escape are copied whole, the others escaped byte
/// by byte; the same text as escaping every string byte by byte (the reference below), on random
/// strings mixing plain ASCII, accents, emoji, quotes, backslashes and control characters.
@Suite struct JSONTextTests {
    @Test(arguments: [31, 32]) func stringsAsEscapedByteByByte(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let pieces = ["a", "Z", "0", " ", "é", "Saint-Étienne", "🏥", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "/", "'", "\u{7F}"]
        for k in 0..<20_000 {
            let plainOnly = k % 2 == 0  // half of them without any character to escape
            let chosen = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces[Int.random(in: 0..<(plainOnly ? 7 : pieces.count), using: &rng)] }
            let s = chosen.joined()
            #expect(JSONText.string(.string(s)) == Self.reference(s), "seed \(seed): \(s.debugDescription)")
        }
    }

    /// Every byte escaped as JSON requires (RFC 8259 §7), one at a time.
    static func reference(_ s: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        let hex = Array("0123456789abcdef".utf8)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
