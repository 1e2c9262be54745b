import Accessibility
import GeoCore
import Testing

/// Hand-built networks for isochrones (metric coordinates; at 60 km/h, 1 km is 1 minute).
@Suite struct ReachableRoadsTests {
    func p(_ x: Double, _ y: Double) -> Coordinate { Coordinate(x: x, y: y) }

    func reach(_ roads: [RoadNetwork.Road], site: Coordinate, minutes: Double, startup: Double = 0) -> (TravelTimesToSite, ReachableRoads) {
        let model = NetworkModel(network: RoadNetwork(roads: roads))
        let entries = model.entries(of: site, startupMinutes: startup)
        let times = TravelTimesToSite(network: model.network, entries: entries, bound: minutes)
        return (times, ReachableRoads(network: model.network, times: times, minutes: minutes, site: site, entries: entries))
    }

    /// A straight 10 km road at 60 km/h, the site at one end: 4 minutes reach 4 km exactly,
    /// the last segment cut at 1.5 of its 2 km (linear interpolation).
    @Test func aStraightRoadIsReachedForTheLengthTimeAllows() throws {
        let road = RoadNetwork.Road(coordinates: [p(0, 0), p(2000, 0), p(4000, 0), p(6000, 0), p(10000, 0)], kmh: 60)
        let (times, reached) = reach([road], site: p(0, 0), minutes: 3.5)
        #expect(times.minutes.map { ($0 * 1e9).rounded() / 1e9 } == [0, 2])
        #expect(abs(reached.metres - 3500) < 1e-9, "\(reached.metres)")
        let far = reached.pieces.map { max($0.from.x, $0.to.x) }.max()
        #expect(abs(try #require(far) - 3500) < 1e-9)
        #expect(reached.pieces.allSatisfy { $0.from.y == 0 && $0.to.y == 0 })
    }

    /// A site in the middle: both ways; the start-up delay eats into the threshold.
    @Test func theStartUpDelayShortensEveryDirection() {
        let road = RoadNetwork.Road(coordinates: [p(-5000, 0), p(0, 0), p(5000, 0)], kmh: 60)
        let (_, plain) = reach([road], site: p(0, 0), minutes: 3)
        let (_, delayed) = reach([road], site: p(0, 0), minutes: 3, startup: 1)
        #expect(abs(plain.metres - 6000) < 1e-9 && abs(delayed.metres - 4000) < 1e-9, "\(plain.metres), \(delayed.metres)")
    }

    /// A one-way street A→B: residents along it reach a site at B, not one at A.
    @Test func aOneWayStreetIsReachedOnlyUpstream() {
        let road = RoadNetwork.Road(coordinates: [p(0, 0), p(10000, 0)], kmh: 60, direction: .forward)
        let (_, towardsB) = reach([road], site: p(10000, 0), minutes: 4)
        #expect(towardsB.pieces.count == 1 && abs(towardsB.metres - 4000) < 1e-9)
        #expect(abs(towardsB.pieces[0].to.x - 6000) < 1e-9, "from B back 4 km against the driving direction")
        let (timesA, towardsA) = reach([road], site: p(0, 0), minutes: 4)
        #expect(timesA.nodes.count == 1 && towardsA.pieces.isEmpty)
    }

    /// Two roads that do not meet: the island is not reached at any threshold.
    @Test func anIslandIsNotReached() {
        let main = RoadNetwork.Road(coordinates: [p(0, 0), p(3000, 0)], kmh: 60)
        let island = RoadNetwork.Road(coordinates: [p(0, 2000), p(3000, 2000)], kmh: 60)
        let (times, reached) = reach([main, island], site: p(0, 0), minutes: 60)
        #expect(times.nodes.count == 2)
        #expect(reached.pieces.allSatisfy { $0.from.y == 0 && $0.to.y == 0 })
        #expect(abs(reached.metres - 3000) < 1e-9, "a whole two-way segment is one piece")
    }

    /// A site 1 km off the road at 20 km/h: 3 minutes to the node; its leg is a piece, and the
    /// road is reached for what is left of the threshold.
    @Test func theSnapLegCountsAndIsDrawn() {
        let road = RoadNetwork.Road(coordinates: [p(0, 0), p(10000, 0)], kmh: 60)
        let (times, reached) = reach([road], site: p(0, 1000), minutes: 5)
        #expect(abs(times.minutes[0] - 3) < 1e-9)
        #expect(abs(reached.metres - (1000 + 2000)) < 1e-9, "\(reached.metres)")
        let (_, tooFar) = reach([road], site: p(0, 1000), minutes: 2)
        #expect(tooFar.pieces.isEmpty)
    }

    /// A site beyond the snap limit enters nowhere and reaches nothing.
    @Test func aSiteFarFromEveryRoadReachesNothing() {
        let road = RoadNetwork.Road(coordinates: [p(0, 0), p(1000, 0)], kmh: 60)
        let model = NetworkModel(network: RoadNetwork(roads: [road]), maxSnapMetres: 500)
        #expect(model.entries(of: p(0, 600)).isEmpty)
        #expect(TravelTimesToSite(network: model.network, entries: [], bound: 60).nodes.isEmpty)
    }
}
