import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// The answers of `geohealth site` on the sample study, recorded from the build before the
/// compact siting matrix (issue 24: rows cut at the existing times, no transposed copy, candidate
/// lists in one flat array) and printed as `--format json` prints them: chosen sites in order,
/// the population each newly brings within the threshold, and the before/after indicators.
/// Any change of answer fails here.
@Suite struct SitingAnswersTests {
    struct Expected {
        var chosen: [(String, Double)]
        var before: (beyond: Double, mean: Double, gini: Double)
        var after: (beyond: Double, mean: Double, gini: Double)
    }

    static func check(_ o: SitingAnalysis.Options, _ e: Expected) throws {
        let s = try SitingAnalysis.run(try GapsAndSitingTests.sample(), options: o)
        let label = "\(o.method) k \(o.k) \(o.kind) \(o.thresholdMinutes) min"
        #expect(s.chosen.map(\.name) == e.chosen.map(\.0), "\(label)")
        #expect(s.chosen.map { $0.newlyCovered.rounded() } == e.chosen.map(\.1), "\(label)")
        func rounded(_ i: SitingAnalysis.Indicators) -> [Double] {
            [i.populationBeyond.rounded(), (i.meanMinutes * 100).rounded() / 100, (i.gini * 10_000).rounded() / 10_000]
        }
        #expect(rounded(s.before) == [e.before.beyond, e.before.mean, e.before.gini], "\(label): before")
        #expect(rounded(s.after) == [e.after.beyond, e.after.mean, e.after.gini], "\(label): after")
    }

    @Test func maximalCoveringOnTheSample() throws {
        var o = SitingAnalysis.Options(kind: .msp)
        o.k = 3
        o.thresholdMinutes = 15
        try Self.check(
            o,
            Expected(
                chosen: [("Saint-Vilay (00037)", 4435), ("Montbréigny (00069)", 3411), ("Vauès-sur-Synthe (00036)", 2530)],
                before: (17182, 5.4, 0.6864), after: (6806, 4.33, 0.6423)))
    }

    @Test func pMedianOnTheSample() throws {
        var o = SitingAnalysis.Options(kind: .msp)
        o.k = 3
        o.thresholdMinutes = 15
        o.method = .pmedian
        try Self.check(
            o,
            Expected(
                chosen: [("Neuay (00228)", 3351), ("Vauières (00025)", 1562), ("Chaumneuay (00131)", 0)],
                before: (17182, 5.4, 0.6864), after: (12269, 4.14, 0.6837)))
        var h = SitingAnalysis.Options(kind: .hospital)
        h.k = 2
        h.method = .pmedian
        try Self.check(
            h,
            Expected(
                chosen: [("Villiers-Lustreon-la-Rivière (00050)", 8202), ("Bréac (00110)", 8690)],
                before: (20314, 13.47, 0.557), after: (3422, 9.1, 0.5471)))
    }

    @Test func whatIfOnTheSample() throws {
        var o = SitingAnalysis.Options(kind: .msp)
        o.thresholdMinutes = 15
        o.add = [.init(location: Coordinate(x: 2.2, y: 46.3), capacity: 4, name: "MSP en projet")]
        o.remove = ["M3"]
        try Self.check(o, Expected(chosen: [], before: (17182, 5.4, 0.6862), after: (17055, 5.3, 0.6882)))
    }
}
