import Cartography
import Foundation
import GeoCore
import GeoHealthTestSupport
import Testing

@Suite struct ClassificationTests {
    /// Against mapclassify (Tests/reference/mapclassify.json, provenance inside), on seeded
    /// log-normal travel times and on mapclassify's own example data.
    @Test(arguments: ["lognormal", "calemp"])
    func breaksEqualMapclassify(set: String) throws {
        let ref = (try Fixtures.reference("mapclassify.json")["sets"] as! [String: Any])[set] as! [String: Any]
        let values = ref["values"] as! [Double]
        let cases: [(String, Classification)] = [
            ("quantiles5", .quantiles(5)), ("equal_interval5", .equalInterval(5)), ("fisher_jenks5", .fisherJenks(5)),
            ("std_mean", .standardDeviation), ("head_tail", .headTail),
        ]
        for (key, scheme) in cases {
            let want = ref[key] as! [Double]
            let got = try scheme.breaks(values)
            #expect(got.count == want.count, "\(set) \(key): \(got) vs \(want)")
            for (g, w) in zip(got, want) { #expect(abs(g - w) <= 1e-9 * max(1, abs(w)), "\(set) \(key): \(got) vs \(want)") }
        }
    }

    @Test func edgeCases() throws {
        #expect(try Classification.quantiles(4).breaks([3, 3, 3]) == [3], "all values equal: one class")
        #expect(throws: CartographyError.self) { try Classification.fisherJenks(5).breaks([1, 2, 3]) }
        #expect(throws: CartographyError.self) { try Classification.equalInterval(3).breaks([]) }
        #expect(try Classification.manual([10, 20]).breaks([1, 15, 30]) == [10, 20, 30])
        #expect(throws: CartographyError.self) { try Classification.manual([20, 10]).breaks([1, 2]) }
        #expect(Classification.index(of: 10, breaks: [10, 20]) == 0 && Classification.index(of: 10.5, breaks: [10, 20]) == 1)
        #expect(Classification.index(of: nil, breaks: [10]) == nil && Classification.index(of: .nan, breaks: [10]) == nil)
    }

    /// Exact Fisher–Jenks on thousands of values (no sampling) equals mapclassify's exact
    /// `FisherJenks` (Tests/reference/mapclassify.json, "large").
    @Test(arguments: [("lognormal3000", 5), ("lognormal3000", 7), ("mixture2500", 6)])
    func exactFisherJenksOnThousandsEqualsMapclassify(set: String, k: Int) throws {
        let ref = (try Fixtures.reference("mapclassify.json")["large"] as! [String: Any])[set] as! [String: Any]
        let values = ref["values"] as! [Double]
        let want = ref["fisher_jenks\(k)"] as! [Double]
        #expect(try Classification.fisherJenks(k).breaks(values) == want)
    }

    /// The O(k n log n) programme reaches the optimum of Fisher's O(k n²) one on random sets with
    /// ties (seeded; the seed is in the message).
    @Test func fastFisherJenksReachesTheQuadraticOptimum() throws {
        for seed in UInt64(1)...60 {
            var rng = SeededGenerator(seed: seed)
            let n = Int.random(in: 2...300, using: &rng), k = Int.random(in: 1...min(9, n), using: &rng)
            let spread = [1.0, 10, 1000][Int(seed % 3)]
            let values = (0..<n).map { _ in (Double.random(in: 0...1, using: &rng) * spread * 10).rounded() / 10 }
            guard Set(values).count > 1, Set(values).count >= k else { continue }
            let fast = try Classification.fisherJenks(k).breaks(values)
            let slow = Self.fisherJenksQuadratic(values, k)
            let a = Classification.withinSquares(values, breaks: fast), b = Classification.withinSquares(values, breaks: slow.breaks)
            #expect(abs(a - b) <= 1e-9 * max(1, b), "seed \(seed): n \(n), k \(k): \(a) vs \(b)")
            #expect(fast.count == k && fast.last == values.max(), "seed \(seed)")
        }
    }

    /// The fast SVG number writer gives the text `String(format:)` gives, trimmed, on seeded
    /// values of every magnitude and precision, halves and negative zeros included.
    @Test func svgNumbersAsPrintfWritesThem() {
        func reference(_ v: Double, _ p: Int) -> String {
            var s = String(format: "%.\(p)f", v)
            if s.contains(".") {
                while s.hasSuffix("0") { s.removeLast() }
                if s.hasSuffix(".") { s.removeLast() }
            }
            return s == "-0" ? "0" : s
        }
        var rng = SeededGenerator(seed: 2024)
        var values: [Double] = [0, -0.0, 0.25, 0.35, -0.05, 1.5, 2.5, -2.5, 0.125, 999.95, 1e-7, -1e-7, 123456789.5, 0.001, 100, -100.04]
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -4...9, using: &rng))
            values.append((Double.random(in: -1...1, using: &rng) * magnitude))
            values.append((Double.random(in: -1000...1000, using: &rng) * 100).rounded() / 100)
        }
        for v in values { for p in 0...6 { #expect(svgNumber(v, p) == reference(v, p), "seed 2024: \(v) at \(p)") } }
    }

    @Test func fisherJenksFindsObviousGroups() throws {
        #expect(try Classification.fisherJenks(3).breaks([1, 1.1, 1.2, 5, 5.1, 9, 9.2, 9.3]) == [1.2, 5.1, 9.3])
    }

    @Test func palettes() throws {
        let blues = try Palette("Blues")
        #expect(blues.kind == .sequential && blues.colorBlindSafe && blues.maxClasses == 9)
        #expect(try blues.colors(3) == ["#deebf7", "#9ecae1", "#3182bd"])
        #expect(try Palette("blues", reversed: true).colors(3) == ["#3182bd", "#9ecae1", "#deebf7"])
        #expect(try Palette("RdBu").kind == .diverging && Palette("RdBu").maxClasses == 11)
        #expect(try Palette("RdYlGn").colorBlindSafe == false)
        #expect(throws: CartographyError.self) { try Palette("Rainbow") }
        #expect(throws: CartographyError.self) { try blues.colors(12) }
    }
    /// The O(k n²) dynamic programme of Fisher (1958), the reference the fast one is checked against.
    static func fisherJenksQuadratic(_ values: [Double], _ k: Int) -> (breaks: [Double], cost: Double) {
        let v = values.sorted(), n = v.count
        var s1 = [0.0], s2 = [0.0]
        for x in v { s1.append(s1.last! + x); s2.append(s2.last! + x * x) }
        func cost(_ i: Int, _ j: Int) -> Double {
            let m = Double(j - i + 1), s = s1[j + 1] - s1[i]
            return s2[j + 1] - s2[i] - s * s / m
        }
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: k)
        var start = [[Int]](repeating: [Int](repeating: 0, count: n), count: k)
        for j in 0..<n { best[0][j] = cost(0, j) }
        for c in stride(from: 1, to: k, by: 1) {
            for j in c..<n {
                for i in c...j where best[c - 1][i - 1] + cost(i, j) < best[c][j] {
                    best[c][j] = best[c - 1][i - 1] + cost(i, j)
                    start[c][j] = i
                }
            }
        }
        var bounds: [Double] = []
        var j = n - 1
        for c in stride(from: k - 1, through: 0, by: -1) {
            bounds.append(v[j])
            if c > 0 { j = start[c][j] - 1 }
        }
        return (Array(bounds.reversed()), best[k - 1][n - 1])
    }

}
