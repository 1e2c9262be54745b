import Foundation
import GeoCore
import GeoIO
import Testing

/// The GeoJSON reader's numbers (its byte-level parser: Clinger's fast path, eight fraction
/// digits at once, `strtod` beyond) against Swift's own `Double(String)`, bit for bit, on edge
/// cases and random texts of every shape (seed printed on failure).
@Suite struct NumberParsingTests {
    /// Each text read as the two coordinates of a Point (the hot path) and as a property value.
    static func parsed(_ texts: [String]) throws -> [(Double, Double, Double)] {
        var json = #"{"type":"FeatureCollection","features":["#
        for (i, t) in texts.enumerated() {
            if i > 0 { json += "," }
            json += #"{"type":"Feature","properties":{"v":\#(t)},"geometry":{"type":"Point","coordinates":[\#(t),\#(t)]}}"#
        }
        json += "]}"
        let (features, _) = try GeoJSONReader.features(data: Data(json.utf8), file: "numbers")
        return features.map { f in
            guard case .point(let c)? = f.geometry, case .number(let v)? = f.properties["v"] else { return (.nan, .nan, .nan) }
            return (c.x, c.y, v)
        }
    }

    static func check(_ texts: [String], _ context: String) throws {
        let values = try parsed(texts)
        for (t, (x, y, v)) in zip(texts, values) {
            let expected = try #require(Double(t), "\(t) is not a Swift Double")
            let ok = x.bitPattern == expected.bitPattern && y.bitPattern == expected.bitPattern && v.bitPattern == expected.bitPattern
            #expect(ok, "\(context): '\(t)' read as \(x) / \(y) / \(v), Double(String) gives \(expected)")
        }
    }

    @Test func edgeCasesEqualDoubleFromString() throws {
        try Self.check([
            "0", "-0", "0.0", "-0.0", "0.00000000", "-0.000000000000", "1", "-1", "5.54554", "45.71359", "-61.23456",
            "0.1", "0.12345678", "0.123456789", "0.000123", "0.00000001", "0.000000001", "100000000.5",
            "1.2345678901234567", "12345678901234567890", "1234567890123456789012345", "0.30000000000000004",
            "9007199254740993", "9007199254740993.0", "1e0", "1E5", "1e-7", "-1.5e2", "1.5E+2", "2.5e-3", "1e22", "1e23",
            "1e-22", "1e-23", "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "123.456e-5",
            "0.99999999999999999999", "45.00000001", "45.000000001", "3.14159265358979323846264338327950288",
            "7.00000000", "12.3456789e3", "0.0000000000000000000000000001",
        ], "edge cases")
    }

    @Test func randomTextsEqualDoubleFromString() throws {
        let seed = UInt64.random(in: 0 ... UInt64.max)
        var g = SeededGenerator(seed: seed)
        var texts: [String] = []
        for _ in 0 ..< 20_000 {
            let sign = Bool.random(using: &g) ? "-" : ""
            let integer = String(UInt64.random(in: 0 ... 999_999, using: &g) / [1, 10, 1_000, 100_000][Int.random(in: 0 ... 3, using: &g)])
            let digits = Int.random(in: 1 ... 24, using: &g)
            var fraction = (0 ..< digits).map { _ in String(Int.random(in: 0 ... 9, using: &g)) }.joined()
            if Int.random(in: 0 ... 4, using: &g) == 0 { fraction = String(repeating: "0", count: Int.random(in: 1 ... 9, using: &g)) + fraction }
            var text = "\(sign)\(integer).\(fraction)"
            switch Int.random(in: 0 ... 5, using: &g) {
            case 0: text += "e\(Int.random(in: -30 ... 30, using: &g))"
            case 1: text = "\(sign)\(integer)"
            case 2: text = String(Double.random(in: -1e6 ... 1e6, using: &g))
            default: break
            }
            texts.append(text)
        }
        try Self.check(texts, "seed \(seed)")
    }
}
