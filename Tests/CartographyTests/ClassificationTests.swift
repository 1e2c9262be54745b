import Cartography
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
}
