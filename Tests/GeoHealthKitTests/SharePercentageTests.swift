import GeoCore
import GeoHealthKit
import Testing

/// A share that is not exactly 0 or 1 never reads 0 % or 100 % (issue 19, item 9e).
@Suite struct SharePercentageTests {
    @Test func sharesNearTheEndsAreNotRoundedToThem() {
        #expect(Summary.percentage(201 / 534_490) == "< 0.1 %")  // Aisne: 201 people not covered
        #expect(Summary.percentage(1 - 6_435 / 67_000_000) == "> 99.9 %")
        #expect(Summary.percentage(0) == "0 %" && Summary.percentage(1) == "100 %")
        #expect(Summary.percentage(0.0005) == "0.1 %" && Summary.percentage(0.9994) == "99.9 %")
        #expect(Summary.percentage(0.25) == "25 %")
    }

    @Test func theSummaryTextAndJSONKeepThemApart() {
        let s = Summary([
            ("covered_share", .share(534_490 - 201, of: 534_490)),
            ("uncovered_share", .share(201, of: 534_490)),
            ("beyond_share", .share(3, of: 67_000_000)),
            ("within_share", .share(67_000_000 - 3, of: 67_000_000)),
        ])
        #expect(s.text() == "covered share: > 99.9 %\nuncovered share: < 0.1 %\nbeyond share: < 0.1 %\nwithin share: > 99.9 %\n")
        #expect(s["beyond_share"] != .number(0) && s["within_share"] != .number(1))
        #expect(s["uncovered_share"] == .number(0.0004))
    }
}
