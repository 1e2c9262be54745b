import Accessibility
import GeoCore
import Testing

/// Hand cases of docs/roads.md §5 (1 km at 60 km/h = 1 minute; snap legs at 20 km/h = 3 min/km).
@Suite struct SnappingTests {
    func p(_ x: Double, _ y: Double) -> Coordinate { Coordinate(x: x, y: y) }

    @Test func placesSnapToThePointOfTheNearestSegment() throws {
        let net = RoadNetwork(roads: [RoadNetwork.Road(coordinates: [p(0, 0), p(4000, 0)], kmh: 60), RoadNetwork.Road(coordinates: [p(0, 3000), p(4000, 3000)], kmh: 60)])
        let model = NetworkModel(network: net)
        let s = try #require(model.snap(p(1000, 400)))
        #expect(s.segment == 0 && s.fraction == 0.25 && abs(s.metres - 400) < 1e-9 && abs(s.minutes - 1.2) < 1e-12)
        #expect(model.snap(p(2000, 2000))?.segment == 1, "1 km from the upper road, 2 km from the lower")
        #expect(model.snap(p(-300, -400))?.fraction == 0, "beyond an end: the end itself")
        #expect(model.snapMetres(of: CostPoints(metric: [p(5000, 0), p(2000, 9000)])) == [1000, nil], "9 km from any road: refused")
    }

    @Test func aTripLeavesTowardsEitherEndAndReachesFromEither() throws {
        // A (0,0) — B (4000,0) two-way; places snapped at 1 km and 3 km along, 100 m off.
        let net = RoadNetwork(roads: [RoadNetwork.Road(coordinates: [p(0, 0), p(4000, 0)], kmh: 60), RoadNetwork.Road(coordinates: [p(4000, 0), p(8000, 0)], kmh: 60)])
        let model = NetworkModel(network: net)
        let m = try model.costs(from: CostPoints(metric: [p(1000, 100), p(5000, 100)]), to: CostPoints(metric: [p(3000, 100), p(1500, 0)]), maxMinutes: 60)
        // Same segment: 0.3 + 2 km + 0.3 min.
        #expect(abs(m.row(0).first { $0.destination == 0 }!.minutes - 2.6) < 1e-9)
        #expect(abs(m.row(0).first { $0.destination == 0 }!.kilometres - 2.2) < 1e-9)
        // From the second segment back to the first: 0.3 + 1 km to B + 1 km to the site + 0.3.
        #expect(abs(m.row(1).first { $0.destination == 0 }!.minutes - 2.6) < 1e-9)
        #expect(abs(m.row(1).first { $0.destination == 1 }!.minutes - 0.3 - 3.5) < 1e-9)
    }

    @Test func oneWaySegmentsAreLeftAndReachedOnlyAlongTheirDirection() throws {
        // A one-way A→B (2 km at 60) and a slow two-way detour B–A by (1000, 1000) at 6 km/h.
        let net = RoadNetwork(roads: [
            RoadNetwork.Road(coordinates: [p(0, 0), p(2000, 0)], kmh: 60, direction: .forward),
            RoadNetwork.Road(coordinates: [p(2000, 0), p(1000, 1000), p(0, 0)], kmh: 6),
        ])
        let model = NetworkModel(network: net, snapSpeedKmh: 20)
        let along = try model.costs(from: CostPoints(metric: [p(500, 0)]), to: CostPoints(metric: [p(1500, 0)]), maxMinutes: 600)
        #expect(abs(along.nearest(0)!.minutes - 1) < 1e-9, "same segment, along its direction")
        let against = try model.costs(from: CostPoints(metric: [p(1500, 0)]), to: CostPoints(metric: [p(500, 0)]), maxMinutes: 600)
        // Forward to B (0.5 min), the detour back to A (2√2 km at 6 km/h), forward 0.5 km (0.5 min).
        let detour = 2 * 2.0.squareRoot() / 6 * 60
        #expect(abs(against.nearest(0)!.minutes - (0.5 + detour + 0.5)) < 1e-9)
        #expect(abs(against.nearest(0)!.kilometres - (0.5 + 2 * 2.0.squareRoot() + 0.5)) < 1e-9)
    }

    @Test func motorwaysAreDrivenButNotSnappedTo() throws {
        let net = RoadNetwork(roads: [
            RoadNetwork.Road(coordinates: [p(0, 0), p(10_000, 0)], kmh: 120, snappable: false),
            RoadNetwork.Road(coordinates: [p(0, 0), p(0, 1000)], kmh: 30),
            RoadNetwork.Road(coordinates: [p(10_000, 0), p(10_000, 1000)], kmh: 30),
        ])
        let model = NetworkModel(network: net)
        #expect(model.snap(p(5000, -10)) == nil, "10 m from the motorway, over 5 km from any other road")
        #expect(model.snap(p(5000, 10))?.segment == 1, "exactly 5 km from the side road: at the limit, kept")
        let m = try model.costs(from: CostPoints(metric: [p(0, 1000)]), to: CostPoints(metric: [p(10_000, 1000)]), maxMinutes: 60)
        #expect(abs(m.nearest(0)!.minutes - (2 + 5 + 2)) < 1e-9, "1 km at 30, 10 km at 120, 1 km at 30")
    }
}
