import Accessibility
import GeoCore
import Testing

@Suite struct NearestPairsTests {
    /// Points on a line at 0, 1, 3, 7 km: each one's nearest is its closer neighbour.
    @Test func eachPointWithItsNearestFirst() {
        let points = [0.0, 1_000, 3_000, 7_000].map { Coordinate(x: $0, y: 0) }
        let one = PointGrid.nearestPairs(points, k: 1)
        #expect(one.map(\.0) == [0, 1, 2, 3] && one.map(\.1) == [1, 0, 1, 2])
        let two = PointGrid.nearestPairs(points, k: 2)
        #expect(two.map(\.0) == [0, 0, 1, 1, 2, 2, 3, 3] && two.map(\.1) == [1, 2, 0, 2, 1, 0, 2, 1])
        #expect(PointGrid.nearestPairs([Coordinate(x: 0, y: 0)], k: 3).isEmpty)
    }
}
