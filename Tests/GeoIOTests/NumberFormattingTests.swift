import Foundation
import GeoCore
import GeoIO
import Testing

/// ``NumberFormatting`` against C's `%.*f` with trailing zeros trimmed (an independent
/// formatter), on edge values and random values of every magnitude it writes without an exponent.
@Suite struct NumberFormattingTests {
    static func reference(_ v: Double, _ p: Int) -> String {
        var t = String(format: "%.\(p)f", v)
        if t.contains(".") {
            while t.hasSuffix("0") { t.removeLast() }
            if t.hasSuffix(".") { t.removeLast() }
        }
        if t == "-0" { t = "0" }
        return t
    }

    @Test func edgeValues() {
        let cases: [(Double, Int, String)] = [
            (0, 2, "0"), (-0.0, 3, "0"), (0.05, 2, "0.05"), (0.12, 2, "0.12"), (1.23, 2, "1.23"), (10, 2, "10"), (100.5, 0, "101"),
            (-2.5, 1, "-2.5"), (0.004, 2, "0"), (-0.004, 2, "0"), (123_456_789.125, 3, "123456789.125"), (1e-15, 15, "0.000000000000001"),
            (.nan, 2, "null"), (.infinity, 1, "null"),
        ]
        for (v, p, text) in cases { #expect(NumberFormatting.string(v, precision: p) == text, "\(v) at \(p)") }
    }

    @Test(arguments: [1, 2, 3]) func randomValuesMatchPrintf(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<20_000 {
            let p = Int.random(in: 0...8, using: &rng)
            let magnitude = Double.random(in: -6...9, using: &rng)
            let v = (Bool.random(using: &rng) ? -1 : 1) * pow(10, magnitude) * Double.random(in: 1...9.99, using: &rng)
            // Away from ties: printf rounds the binary value half-to-even, NumberFormatting half away from zero.
            // Beyond 9e15 units NumberFormatting writes Swift's shortest form instead (documented).
            let scaled = abs(v) * pow(10, Double(p))
            guard scaled < 9e15, abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { continue }
            #expect(NumberFormatting.string(v, precision: p) == Self.reference(v, p), "seed \(seed): \(v) at \(p)")
        }
    }

    /// A GeoJSON position in one append is the text of its two numbers written one by one,
    /// for ordinary, unusual (not finite, beyond 9e15 units) and zero values.
    @Test(arguments: [4, 5]) func pairsEqualTheirNumbers(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let unusual: [Double] = [.nan, .infinity, -.infinity, 1e300, -9.5e15, 0, -0.0, 1e-9]
        for k in 0..<20_000 {
            let p = Int.random(in: 0...15, using: &rng)
            func value() -> Double {
                k % 50 == 0 ? unusual.randomElement(using: &rng)!
                    : (Bool.random(using: &rng) ? -1 : 1) * pow(10, Double.random(in: -8...12, using: &rng))
            }
            let x = value(), y = value()
            var out: [UInt8] = Array("prefix".utf8)
            NumberFormatting.appendPair(x, y, precision: p, to: &out)
            let expected = "prefix[" + NumberFormatting.string(x, precision: p) + "," + NumberFormatting.string(y, precision: p) + "]"
            #expect(String(decoding: out, as: UTF8.self) == expected, "seed \(seed): (\(x), \(y)) at \(p)")
        }
    }
}
