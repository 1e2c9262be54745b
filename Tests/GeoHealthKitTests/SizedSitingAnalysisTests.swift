import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// `site --method access-gap|access-gini|access-palma|capacitated` on the sample's GPs: the
/// access after the chosen sites, computed by linearity (docs/siting.md), equals `access`'s APL
/// on the GP file with the new GPs added by hand; budget and sizes are kept.
@Suite struct SizedSitingAnalysisTests {
    static func gps() throws -> Study {
        var study = try GapsAndSitingTests.sample()
        study.sites = try SiteTable.read(Fixtures.sample.appendingPathComponent("generalistes.csv"), kind: nil).sites
        return study
    }

    static func options(_ method: SitingAnalysis.Method) -> SitingAnalysis.Options {
        var o = SitingAnalysis.Options(kind: SiteKind("gp"))
        o.method = method
        o.k = 3
        o.siteSizes = [1, 2]
        o.budget = 4
        return o
    }

    /// The population with an APL below 2.5 when each FTE of each chosen site is one more GP row
    /// (a new practitioner: 5,400 consultations) at the site, by `AccessAnalysis`.
    static func belowAfterAddingGPs(_ study: Study, _ sites: [(fte: Double, location: Coordinate)]) throws -> Double {
        var after = study
        for (n, site) in sites.enumerated() {
            for g in 0..<Int(site.fte) {
                after.sites.append(Site(id: "NEW\(n)-\(g)", kind: SiteKind("gp"), location: site.location,
                                        attributes: Properties([("activity", .string("0")), ("new_practitioner", .string("1"))])))
            }
        }
        var a = AccessAnalysis.Options()
        a.method = .apl
        a.kinds = [SiteKind("gp")]
        let access = try AccessAnalysis.run(after, options: a)
        return zip(access.access, after.areas).reduce(0) { $0 + ($1.0 < 2.5 ? $1.1.population ?? 0 : 0) }
    }

    @Test func accessGapAfterEqualsTheAPLWithTheGPsAdded() throws {
        let study = try Self.gps()
        let s = try SitingAnalysis.run(study, options: Self.options(.accessGap))
        let sized = try #require(s.sized)
        #expect(sized.threshold == 2.5 && !sized.sites.isEmpty)
        #expect(sized.sites.reduce(0) { $0 + $1.fte } <= 4 && sized.sites.count <= 3 && sized.sites.allSatisfy { [1, 2].contains($0.fte) })
        let added = zip(sized.sites, s.chosen).map { ($0.fte, $1.location) }
        #expect(s.after.accessGapPopulation == (try Self.belowAfterAddingGPs(study, added)))
        #expect(s.before.accessGapPopulation == (try Self.belowAfterAddingGPs(study, [])))
        #expect(s.after.accessGapPopulation! < s.before.accessGapPopulation!)
        #expect(s.summary["access_below"] == .number(2.5))
    }

    @Test func everyObjectiveImprovesWithinTheBudget() throws {
        let study = try Self.gps()
        for method in [SitingAnalysis.Method.accessGini, .accessPalma] {
            let s = try SitingAnalysis.run(study, options: Self.options(method))
            let solution = try #require(s.sized).solution
            #expect(solution.after < solution.before, "\(method)")
            #expect(solution.steps.last == solution.after)
        }
        var o = SitingAnalysis.Options(kind: .msp)
        o.method = .capacitated
        o.k = 2
        o.siteSizes = [1]
        o.thresholdMinutes = 15
        let c = try SitingAnalysis.run(try GapsAndSitingTests.sample(), options: o)
        let served = try #require(c.sized).solution
        // Each 1-FTE site serves at most 2,160 residents (5,400 / 2.5).
        #expect(served.before.value - served.after.value <= 2 * 2_160 + 1e-9 && served.after < served.before)
    }

    @Test func theE2SFCANeedsAThreshold() throws {
        var o = SitingAnalysis.Options(kind: .msp)
        o.method = .accessGap
        o.k = 1
        let e = try #require(throws: ParameterError.self) { try SitingAnalysis.run(try GapsAndSitingTests.sample(), options: o) }
        #expect(e.kind == .incomplete && e.description.contains("access_below"), "\(e.description)")
    }

    @Test func sizesAndAmountsThatAreNotPositiveAreRefused() throws {
        let study = try Self.gps()
        for change in [{ (o: inout SitingAnalysis.Options) in o.siteSizes = [] }, { $0.siteSizes = [2, -1] }, { $0.budget = .nan },
                       { $0.activityPerFTE = 0 }, { $0.populationPerFTE = .infinity }] {
            var o = Self.options(.accessGap)
            change(&o)
            let e = try #require(throws: ParameterError.self) { try SitingAnalysis.run(study, options: o) }
            #expect(e.description.contains("positive"), "\(e.description)")
        }
    }
}
