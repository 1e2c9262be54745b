import Accessibility
import GeoCore
import Testing

/// Each site's start-up delay is added to every cost towards it, and what then exceeds the
/// bound is dropped.
@Suite struct StartupDelayModelTests {
    // Straight line at 60 km/h, no detour: 1 km = 1 minute. Origin at 0; sites at 10 and 25 km.
    let origins = CostPoints(metric: [Coordinate(x: 0, y: 0)], ids: ["A"])
    let sites = CostPoints(metric: [Coordinate(x: 10_000, y: 0), Coordinate(x: 25_000, y: 0)], ids: ["smur", "sas"])
    let base = StraightLineModel(detourFactor: 1, speedKmh: 60)

    @Test func delaysAreAddedAndTheBoundApplies() throws {
        let model = StartupDelayModel(base: base, delays: ["smur": 15, "sas": 2])
        // smur: 10 + 15 = 25 min; sas: 25 + 2 = 27 min; both within 30, the order changes nothing.
        let m = try model.costs(from: origins, to: sites, maxMinutes: 30)
        #expect(m.row(0) == [CostMatrix.Entry(destination: 0, minutes: 25, kilometres: 10), CostMatrix.Entry(destination: 1, minutes: 27, kilometres: 25)])
        // Bound 26: sas (27) is dropped although its drive (25) fits.
        #expect(try model.costs(from: origins, to: sites, maxMinutes: 26).row(0) == [CostMatrix.Entry(destination: 0, minutes: 25, kilometres: 10)])
        // A delay beyond the bound leaves nothing.
        #expect(try StartupDelayModel(base: base, delays: ["smur": 40, "sas": 40]).costs(from: origins, to: sites, maxMinutes: 30).entryCount == 0)
    }

    @Test func theDelayCanReorderSites() throws {
        let model = StartupDelayModel(base: base, delays: ["smur": 20], otherSitesMinutes: 0)
        let n = try model.nearest(from: origins, to: sites, groups: [0, 0], groupCount: 1, maxMinutes: 60, countMinutes: 26)
        // smur at 30, sas (not listed: 0) at 25: sas is the nearest; only sas is within 26.
        #expect(n.nearest[0][0] == CostMatrix.Entry(destination: 1, minutes: 25, kilometres: 25))
        #expect(n.counts[0] == [1])
    }

    @Test func oneDelayForAllSitesAgreesWithTheMatrix() throws {
        let model = StartupDelayModel(base: base, delays: [:], otherSitesMinutes: 8)
        for (countMinutes, maxMinutes) in [(20.0, 30.0), (40, 60), (5, 60), (10, 7)] {
            let fast = try model.nearest(from: origins, to: sites, groups: [0, nil], groupCount: 1, maxMinutes: maxMinutes, countMinutes: countMinutes)
            let full = NearestCosts(try model.costs(from: origins, to: sites, maxMinutes: maxMinutes), groups: [0, nil], groupCount: 1, countMinutes: countMinutes)
            #expect(fast == full, "count within \(countMinutes), bound \(maxMinutes)")
        }
        #expect(try model.nearest(from: origins, to: sites, groups: [0, 0], groupCount: 1, maxMinutes: 60, countMinutes: 60).nearest[0][0]?.minutes == 18)
    }

    @Test func aSiteInsideTheCommuneIsAtItsDelayNotAtZero() throws {
        let intra = IntraAreaModel(base: base, areaOfSite: ["sas": "A"])
        let model = StartupDelayModel(base: intra, delays: ["sas": 12, "smur": 0])
        #expect(try model.costs(from: origins, to: sites, maxMinutes: 60).row(0).first == CostMatrix.Entry(destination: 0, minutes: 10, kilometres: 10))
        #expect(try model.costs(from: origins, to: sites, maxMinutes: 60).row(0).last == CostMatrix.Entry(destination: 1, minutes: 12, kilometres: 0))
    }
}
