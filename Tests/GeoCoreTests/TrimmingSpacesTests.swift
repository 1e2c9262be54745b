import GeoCore
import Testing

/// `trimmingSpaces()` (a fast return when neither end byte is a space, tab or line break)
/// against the Character-by-Character rule it shortcuts, on edge cases and random strings.
@Suite struct TrimmingSpacesTests {
    /// The rule: leading and trailing Characters equal to a space, tab, `\n` or `\r` removed.
    static func reference(_ s: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = s.firstIndex(where: { !isSpace($0) }) else { return "" }
        return String(s[start...s.lastIndex(where: { !isSpace($0) })!])
    }

    @Test func edgeCasesFollowTheRule() {
        let cases = ["", " ", "\t\n\r ", "01001", " 01001", "01001 ", "\t01001\r\n", "a b", "é", " é ", "\r\n", "a\r\n",
                     " \u{301}a", "a \u{301}", "\u{A0}x\u{A0}", "x\u{2003}", "\u{FEFF}01001", "1 234", "\n\n x \n\n"]
        for s in cases { #expect(s.trimmingSpaces() == Self.reference(s), "\(s.debugDescription)") }
    }

    @Test func randomStringsFollowTheRule() {
        let seed = UInt64.random(in: 0 ... UInt64.max)
        var g = SeededGenerator(seed: seed)
        let pieces: [String] = [" ", "\t", "\n", "\r", "\r\n", "a", "0", "é", "\u{301}", "\u{A0}", "-", ",", "🙂"]
        for _ in 0 ..< 5_000 {
            let s = (0 ..< Int.random(in: 0 ... 8, using: &g)).map { _ in pieces[Int.random(in: 0 ..< pieces.count, using: &g)] }.joined()
            #expect(s.trimmingSpaces() == Self.reference(s), "seed \(seed): \(s.debugDescription)")
        }
    }
}
