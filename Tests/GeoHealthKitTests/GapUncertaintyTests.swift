import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// `gaps --uncertainty` on the sample: held parameters give the stated study back, draws are
/// seeded, the communes' order changes nothing, and the percentiles bracket the stated values.
@Suite struct GapUncertaintyTests {
    static func options(draws: Int = 40, ranges: UncertaintyRanges = .defaults) -> GapsAnalysis.Options {
        var o = GapsAnalysis.Options()
        o.travelKind = .msp
        o.minutesAbove = 15
        o.accessKinds = [.msp]
        o.accessBelow = 40
        o.per = 100_000
        var u = GapUncertainty.Options(draws: draws)
        u.ranges = ranges
        o.uncertainty = u
        return o
    }

    @Test func heldParametersGiveTheStatedStudyBack() throws {
        let study = try GapsAndSitingTests.sample()
        let held = try UncertaintyRanges.parse("catchment=1:1,decay=1:1,speed=1:1,detour=1:1,activity=1:1,population=0")
        let g = try GapsAnalysis.run(study, options: Self.options(ranges: held))
        let u = try #require(g.uncertainty)
        #expect(u.parameters.isEmpty)
        #expect(u.underServedShare == g.underServed.map { $0 ? 1 : 0 })
        #expect(u.access!.p5 == g.access! && u.access!.p95 == g.access!, "the stated draw is the stated access, bit for bit")
        #expect(u.minutes!.p5 == g.travelMinutes! && u.minutes!.p95 == g.travelMinutes!)
        #expect(g.robustZones.map(\.communes) == g.zones.map(\.communes))
        #expect(u.sensitivity.isEmpty && u.underServedPopulation.p5 == u.underServedPopulation.p95)
    }

    @Test func drawsAreSeededAndBracketTheStatedValues() throws {
        let study = try GapsAndSitingTests.sample()
        let g = try GapsAnalysis.run(study, options: Self.options())
        let again = try GapsAnalysis.run(study, options: Self.options())
        let u = try #require(g.uncertainty), v = try #require(again.uncertainty)
        #expect(u.underServedShare == v.underServedShare && u.access!.p95 == v.access!.p95)
        #expect(u.parameters == [.catchment, .decay, .speed, .detour, .activity, .population])
        for i in study.areas.indices {
            #expect(u.access!.p5[i] <= u.access!.p95[i])
            if let t = g.travelMinutes![i] {
                #expect(u.minutes!.p5[i]! <= t && t <= u.minutes!.p95[i]!, "commune \(study.areas[i].id)")
            }
            #expect((0...1).contains(u.underServedShare[i]))
        }
        #expect(g.robustZones.flatMap(\.communes).sorted() == study.areas.indices.filter { u.robust[$0] })
        var other = Self.options()
        other.uncertainty!.seed = 2
        #expect(try GapsAnalysis.run(study, options: other).uncertainty!.underServedShare != u.underServedShare)
    }

    @Test func theCommunesOrderChangesNothing() throws {
        let study = try GapsAndSitingTests.sample()
        var reversed = study
        reversed.areas.reverse()
        let g = try GapsAnalysis.run(study, options: Self.options())
        let r = try GapsAnalysis.run(reversed, options: Self.options())
        let byCode = Dictionary(uniqueKeysWithValues: zip(reversed.areas.map(\.id), r.uncertainty!.underServedShare))
        let p95 = Dictionary(uniqueKeysWithValues: zip(reversed.areas.map(\.id), r.uncertainty!.access!.p95))
        for (i, a) in study.areas.enumerated() {
            #expect(byCode[a.id] == g.uncertainty!.underServedShare[i], "\(a.id)")
            #expect(abs(p95[a.id]! - g.uncertainty!.access!.p95[i]) <= 1e-9 * max(1, p95[a.id]!), "\(a.id)")
        }
    }

    /// Sites with start-up delays of their own: in a slow draw, a site with a longer delay and
    /// a shorter drive can become the nearest. Every draw at speed ÷ 1.2 must give what the
    /// stated study gives at 50 km/h instead of 60: same minutes, same gaps.
    @Test func startupDelaysCanReorderTheSitesInADraw() throws {
        var study = try GapsAndSitingTests.sample()
        // M1, M3, M5…: a 6-minute delay (six communes change nearest MSP in the slow draws).
        for k in study.sites.indices where study.sites[k].kind == .msp && Int(study.sites[k].id.dropFirst())! % 2 == 1 {
            study.sites[k].startupMinutes = 6
        }
        var o = GapsAnalysis.Options()
        o.travelKind = .msp
        o.minutesAbove = 15
        var u = GapUncertainty.Options(draws: 10)
        u.ranges = try UncertaintyRanges.parse("speed=0.8333333333:0.8333333334,detour=1:1,population=0")
        o.uncertainty = u
        let drawn = try GapsAnalysis.run(study, options: o)
        var slow = o
        slow.uncertainty = nil
        slow.cost.speedKmh = 50
        let stated = try GapsAnalysis.run(study, options: slow)
        let p95 = try #require(drawn.uncertainty?.minutes?.p95)
        for i in study.areas.indices {
            #expect(abs((p95[i] ?? .infinity) - (stated.travelMinutes![i] ?? .infinity)) < 1e-6 || (p95[i] == nil && stated.travelMinutes![i] == nil),
                    "\(study.areas[i].id): \(String(describing: p95[i])) drawn, \(String(describing: stated.travelMinutes![i])) at 50 km/h")
            #expect(drawn.uncertainty!.underServedShare[i] == (stated.underServed[i] ? 1 : 0), "\(study.areas[i].id)")
        }
    }

    /// A range that makes travel much faster than stated: a commune beyond the stated search
    /// bound may come within the limit in a draw, so the search reaches limit ÷ the lowest
    /// factor; a tight `max_minutes` then changes nothing.
    @Test func theSearchReachesTheFastestDraw() throws {
        let study = try GapsAndSitingTests.sample()
        func shares(maxMinutes: Double) throws -> [Double] {
            var o = GapsAnalysis.Options()
            o.travelKind = .hospital
            o.minutesAbove = 15
            o.cost.maxMinutes = maxMinutes
            var u = GapUncertainty.Options(draws: 20)
            u.ranges = try UncertaintyRanges.parse("speed=0.5:3")
            o.uncertainty = u
            return try GapsAnalysis.run(study, options: o).uncertainty!.underServedShare
        }
        let tight = try shares(maxMinutes: 20), loose = try shares(maxMinutes: 120)
        #expect(tight == loose)
        #expect(tight.contains { $0 > 0 && $0 < 1 })
    }

    @Test func tooFewDrawsAreRefused() throws {
        let few = try #require(throws: ParameterError.self) { try GapsAnalysis.run(try GapsAndSitingTests.sample(), options: Self.options(draws: 3)) }
        #expect(few.description.hasPrefix("uncertainty 3: at least 10 draws") && few.parameters == [.uncertainty])
    }
}
