import Accessibility
import GeoCore
import GeoHealthTestSupport
import Testing

/// The straight-line model's matrix-free nearest search against the full matrix, and the
/// compressed-row builder.
@Suite struct NearestCostsTests {
    /// Random origins and destinations (some on a coarse lattice, so that ties occur), two or
    /// three groups, several bounds: the fast path equals reading the full matrix.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func matrixFreeNearestEqualsTheFullMatrix(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        func point() -> Coordinate {
            g.nextUnit() < 0.3
                ? Coordinate(x: Double(g.below(20)) * 5_000, y: Double(g.below(20)) * 5_000)
                : Coordinate(x: g.nextUnit() * 100_000, y: g.nextUnit() * 100_000)
        }
        let origins = (0..<300).map { _ in point() }
        let destinations = (0..<(20 + Int(g.below(60)))).map { _ in point() }
        let groupCount = 2 + Int(g.below(2))
        let groups: [Int?] = destinations.indices.map { _ in g.nextUnit() < 0.1 ? nil : Int(g.below(UInt64(groupCount))) }
        let model = StraightLineModel()
        for (maxMinutes, countMinutes) in [(60.0, 20.0), (15.0, 30.0), (5.0, 2.5)] {
            let fast = try model.nearest(from: CostPoints(metric: origins), to: CostPoints(metric: destinations), groups: groups, groupCount: groupCount, maxMinutes: maxMinutes, countMinutes: countMinutes)
            let matrix = try model.costs(from: CostPoints(metric: origins), to: CostPoints(metric: destinations), maxMinutes: maxMinutes)
            let slow = NearestCosts(matrix, groups: groups, groupCount: groupCount, countMinutes: countMinutes)
            #expect(fast == slow, "seed \(seed), bound \(maxMinutes) min, count within \(countMinutes) min")
        }
    }

    @Test func handComputedNearestAndCount() throws {
        // Origin at 0; group 0 at 10 km and 10 km (a tie: the lower index wins) and 30 km;
        // group 1 at 50 km only. 60 km/h, detour 1: 1 km = 1 min.
        let model = StraightLineModel(detourFactor: 1, speedKmh: 60)
        let destinations = [30_000.0, 10_000, 50_000, 10_000].map { Coordinate(x: $0, y: 0) }
        let r = try model.nearest(from: CostPoints(metric: [Coordinate(x: 0, y: 0)]), to: CostPoints(metric: destinations),
                                  groups: [0, 0, 1, 0], groupCount: 2, maxMinutes: 40, countMinutes: 10)
        #expect(r.nearest[0][0] == CostMatrix.Entry(destination: 1, minutes: 10, kilometres: 10))
        #expect(r.counts[0][0] == 2)  // both at exactly 10 minutes count
        #expect(r.nearest[1][0] == nil)  // 50 min is beyond the 40-minute bound
        #expect(r.counts[1][0] == 0)
    }

    /// A grid of one point has cells of 1 m: origins tens of kilometres away, on every side, are
    /// answered by walking only the rings that reach the grid (this took minutes when every
    /// empty ring was walked), and the nearest of random grids equals a scan of all points.
    @Test func gridNearestFromFarAwayAndAgainstAScan() {
        let single = PointGrid([Coordinate(x: 500_000, y: 6_000_000)], cellSize: 1)
        for (dx, dy) in [(40_000.0, 0.0), (-35_000, 12_000), (3, -60_000), (0, 0), (25_000, 25_000)] {
            let hit = single.nearest(to: Coordinate(x: 500_000 + dx, y: 6_000_000 + dy))
            #expect(hit?.index == 0 && hit?.distance == (dx * dx + dy * dy).squareRoot(), "offset (\(dx), \(dy))")
        }
        var g = SeededGenerator(seed: 12)
        for trial in 0..<40 {
            let points = (0..<(1 + Int(g.below(30)))).map { _ in Coordinate(x: g.nextUnit() * 10_000, y: g.nextUnit() * 10_000) }
            let grid = PointGrid(points, cellSize: [PointGrid.suggestedCellSize(for: points), 50, 700, 5_000][trial % 4])
            for _ in 0..<20 {
                let p = Coordinate(x: g.nextUnit() * 60_000 - 25_000, y: g.nextUnit() * 60_000 - 25_000)
                let scan = points.indices.min { (points[$0].distance(to: p), $0) < (points[$1].distance(to: p), $1) }!
                #expect(grid.nearest(to: p)?.index == scan, "trial \(trial), seed 12")
            }
        }
    }

    @Test func builderSortsRowsByMinutesThenDestination() {
        var b = CostMatrix.Builder()
        b.add(CostMatrix.Entry(destination: 2, minutes: 5, kilometres: 5))
        b.add(CostMatrix.Entry(destination: 0, minutes: 5, kilometres: 5))
        b.add(CostMatrix.Entry(destination: 1, minutes: 1, kilometres: 1))
        b.endRow()
        b.endRow()
        let m = b.matrix(destinationCount: 3, maxMinutes: 10)
        #expect(m.row(0).map(\.destination) == [1, 0, 2])
        #expect(m.row(1).isEmpty && m.unreachableOrigins == [1])
        let legacy = CostMatrix(destinationCount: 3, maxMinutes: 10, rows: [m.row(0), []])
        #expect(m == legacy)
    }
}
