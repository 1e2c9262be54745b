import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

@Suite struct GapsAndSitingTests {
    static func sample() throws -> Study { try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study }

    @Test func zonesPartitionTheUnderServedAndAreRanked() throws {
        let study = try Self.sample()
        var o = GapsAnalysis.Options()
        o.travelKind = .hospital
        o.minutesAbove = 30
        o.outsideCPTS = true
        let g = try GapsAnalysis.run(study, options: o)
        let members = g.zones.flatMap(\.communes)
        #expect(members.count == Set(members).count, "a commune is in one zone")
        #expect(Set(members) == Set(study.areas.indices.filter { g.underServed[$0] }))
        #expect(zip(g.zones, g.zones.dropFirst()).allSatisfy { $0.population >= $1.population })
        #expect(g.zones.map(\.rank) == Array(1...g.zones.count))
        for i in study.areas.indices { #expect(g.underServed[i] == (g.rules["travel"]![i] || g.rules["outside-cpts"]![i])) }
        // The white zones hold exactly the population the CPTS coverage leaves out.
        let coverage = try CoverageAnalysis.run(study, options: CoverageAnalysis.Options())
        let uncovered = zip(study.areas, coverage.shareInAny).reduce(0) { $0 + ($1.0.population ?? 0) * (1 - $1.1) }
        #expect(abs(g.whiteZones.reduce(0) { $0 + $1.population } - uncovered) < 1e-6 * uncovered)
        o.combineAll = true
        let both = try GapsAnalysis.run(study, options: o)
        #expect(both.underServed.filter { $0 }.count <= g.underServed.filter { $0 }.count)
    }

    @Test func thresholdsThatNobodyMeetsGiveNoZone() throws {
        var o = GapsAnalysis.Options()
        o.travelKind = .msp
        o.minutesAbove = 10_000
        let g = try GapsAnalysis.run(try Self.sample(), options: o)
        #expect(g.zones.isEmpty && g.summary["note"] == .string("no commune meets the rules: no gap zone"))
        let noRule = try #require(throws: ParameterError.self) { try GapsAnalysis.run(try Self.sample(), options: GapsAnalysis.Options()) }
        #expect(noRule.kind == .incomplete)
        #expect(noRule.description == "state at least one rule: minutes_above N (with site_kind), access_below X, outside_cpts or low_low")
        var withoutKind = GapsAnalysis.Options()
        withoutKind.minutesAbove = 10
        let e = try #require(throws: ParameterError.self) { try GapsAnalysis.run(try Self.sample(), options: withoutKind) }
        #expect(e.kind == .incomplete && e.parameters == [.minutesAbove, .siteKind] && e.description == "minutes_above needs site_kind")
    }

    @Test func sitingImprovesAndReportsWhatItDid() throws {
        let study = try Self.sample()
        var o = SitingAnalysis.Options(kind: .msp)
        o.k = 3
        o.thresholdMinutes = 15
        let s = try SitingAnalysis.run(study, options: o)
        #expect(s.chosen.count == 3)
        #expect(abs(s.before.populationBeyond - s.after.populationBeyond - s.chosen.reduce(0) { $0 + $1.newlyCovered }) < 1e-6)
        #expect(s.after.meanMinutes <= s.before.meanMinutes)
        // k larger than the candidates.
        var few = SitingAnalysis.Options(kind: .msp)
        few.k = 5
        few.candidatesFromCommunes = false
        few.candidates = Array(study.sites.filter { $0.kind == .hospital }.prefix(2))
        let all = try SitingAnalysis.run(study, options: few)
        #expect(all.chosen.count <= 2)
        #expect(all.summary["note"] != nil)
        var bad = SitingAnalysis.Options(kind: .msp)
        bad.remove = ["NOPE"]
        let removed = try #require(throws: ParameterError.self) { try SitingAnalysis.run(study, options: bad) }
        #expect(removed.kind == .contradicted && removed.description == "remove: no site with id NOPE")
    }

    @Test func whatIfRemovingEverySiteLeavesEveryoneBeyond() throws {
        let study = try Self.sample()
        var o = SitingAnalysis.Options(kind: .hospital)
        o.remove = study.sites.filter { $0.kind == .hospital }.map(\.id)
        let s = try SitingAnalysis.run(study, options: o)
        #expect(s.after.populationBeyond == study.totalPopulation)
    }
}
