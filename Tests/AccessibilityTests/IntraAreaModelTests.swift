import Accessibility
import GeoCore
import Testing

/// A commune reaches the sites inside it at 0 minutes, whatever the distance from its
/// representative point; other costs are the base model's.
@Suite struct IntraAreaModelTests {
    // Two communes' points 100 km apart on the x axis; site "h" lies inside commune B but
    // 90 km from B's point (a huge commune), 10 km from A's point; site "m" at A's point.
    let origins = CostPoints(metric: [Coordinate(x: 0, y: 0), Coordinate(x: 100_000, y: 0)], ids: ["A", "B"])
    let sites = CostPoints(metric: [Coordinate(x: 10_000, y: 0), Coordinate(x: 0, y: 0)], ids: ["h", "m"])
    let base = StraightLineModel(detourFactor: 1, speedKmh: 60)

    @Test func theOwnCommunesSiteIsAtZeroAndAddedWhereBeyondReach() throws {
        let model = IntraAreaModel(base: base, areaOfSite: ["h": "B"])
        // Bound 30 min: B's point is 90 min from h, so the base matrix has no entry B→h.
        #expect(try base.costs(from: origins, to: sites, maxMinutes: 30).row(1).isEmpty)
        let m = try model.costs(from: origins, to: sites, maxMinutes: 30)
        #expect(m.row(0) == [CostMatrix.Entry(destination: 1, minutes: 0, kilometres: 0), CostMatrix.Entry(destination: 0, minutes: 10, kilometres: 10)])
        #expect(m.row(1) == [CostMatrix.Entry(destination: 0, minutes: 0, kilometres: 0)])
    }

    @Test func nearestAndCountsAgreeWithTheMatrix() throws {
        let model = IntraAreaModel(base: base, areaOfSite: ["h": "B", "m": "A"])
        for (countMinutes, maxMinutes) in [(5.0, 30.0), (20, 200), (0, 60)] {
            let groups: [Int?] = [0, 0]
            let fast = try model.nearest(from: origins, to: sites, groups: groups, groupCount: 1, maxMinutes: maxMinutes, countMinutes: countMinutes)
            let full = NearestCosts(try model.costs(from: origins, to: sites, maxMinutes: maxMinutes), groups: groups, groupCount: 1, countMinutes: countMinutes)
            #expect(fast == full, "count within \(countMinutes), bound \(maxMinutes)")
        }
        let n = try model.nearest(from: origins, to: sites, groups: [0, 0], groupCount: 1, maxMinutes: 30, countMinutes: 15)
        #expect(n.nearest[0][1] == CostMatrix.Entry(destination: 0, minutes: 0, kilometres: 0))
        // A: m at 0 (own, and at its point), h at 10 min; B: h only (its own).
        #expect(n.counts[0] == [2, 1])
    }

    @Test func settingZeroKeepsRowsSortedAndOthersUntouched() {
        let m = CostMatrix(destinationCount: 3, maxMinutes: 60, rows: [
            [.init(destination: 2, minutes: 5, kilometres: 4), .init(destination: 0, minutes: 7, kilometres: 6)],
            [.init(destination: 1, minutes: 3, kilometres: 2)],
        ])
        let z = m.settingZero([(origin: 0, destination: 0)])
        #expect(z.row(0) == [.init(destination: 0, minutes: 0, kilometres: 0), .init(destination: 2, minutes: 5, kilometres: 4)])
        #expect(z.row(1) == m.row(1))
        #expect(m.settingZero([]) == m)
    }
}
