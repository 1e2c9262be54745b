import Accessibility
import GeoCore
import Testing

/// Hand-built graphs (metric coordinates, metres; speeds in km/h; 1 km at 60 km/h = 1 minute).
@Suite struct NetworkModelTests {
    func p(_ x: Double, _ y: Double) -> Coordinate { Coordinate(x: x, y: y) }

    /// A→B direct is 2 km of track at 12 km/h (10 min); A→C→B is 2 × 1.414 km at 60 km/h (2.83 min).
    @Test func shortestPathIsNotTheStraightLine() throws {
        let roads = [
            RoadNetwork.Road(coordinates: [p(0, 0), p(2000, 0)], kmh: 12),
            RoadNetwork.Road(coordinates: [p(0, 0), p(1000, 1000), p(2000, 0)], kmh: 60),
        ]
        let model = NetworkModel(network: RoadNetwork(roads: roads), snapSpeedKmh: 6)
        let m = try model.costs(from: CostPoints(metric: [p(0, 0)]), to: CostPoints(metric: [p(2000, 0)]), maxMinutes: 60)
        let e = try #require(m.nearest(0))
        let viaC = 2 * 2.0.squareRoot()  // km, and minutes at 60 km/h
        #expect(abs(e.minutes - viaC) < 1e-9, "\(e.minutes)")
        #expect(abs(e.kilometres - viaC) < 1e-9)
    }

    @Test func oneWayStreetsAreFollowedOnlyForwards() throws {
        // A one-way street A→B (1 km at 60), and a slow two-way lane B–A (1 km at 6, 10 min).
        let roads = [
            RoadNetwork.Road(coordinates: [p(0, 0), p(1000, 0)], kmh: 60, direction: .forward),
            RoadNetwork.Road(coordinates: [p(0, 0), p(0, 10), p(1000, 10), p(1000, 0)], kmh: 6),
        ]
        let model = NetworkModel(network: RoadNetwork(roads: roads), snapSpeedKmh: 6)
        let a = CostPoints(metric: [p(0, 0)]), b = CostPoints(metric: [p(1000, 0)])
        #expect(try model.costs(from: a, to: b, maxMinutes: 60).nearest(0)!.minutes == 1)
        let back = try #require(try model.costs(from: b, to: a, maxMinutes: 60).nearest(0))
        #expect(abs(back.minutes - 1.02 / 6 * 60) < 1e-9, "the lane: 1.02 km at 6 km/h")
        let reversed = NetworkModel(network: RoadNetwork(roads: [RoadNetwork.Road(coordinates: [p(0, 0), p(1000, 0)], kmh: 60, direction: .backward)]))
        #expect(try reversed.costs(from: a, to: b, maxMinutes: 60).nearest(0) == nil)
    }

    @Test func snapDistanceIsCountedAndFarPlacesAreUnreachable() throws {
        let net = RoadNetwork(roads: [RoadNetwork.Road(coordinates: [p(0, 0), p(6000, 0)], kmh: 60)])
        let model = NetworkModel(network: net, snapSpeedKmh: 20, maxSnapMetres: 5000)
        let origins = CostPoints(metric: [p(0, 500), p(3000, 9000), p(6000, 0)])
        let m = try model.costs(from: origins, to: CostPoints(metric: [p(6000, 1000)]), maxMinutes: 30)
        // 500 m at 20 km/h (1.5 min) + 6 km at 60 (6 min) + 1000 m at 20 (3 min).
        #expect(abs(m.nearest(0)!.minutes - 10.5) < 1e-9)
        #expect(m.nearest(1) == nil, "9 km from the nearest road: unreachable, not infinite")
        #expect(m.unreachableOrigins == [1])
        #expect(abs(m.nearest(2)!.minutes - 3) < 1e-9)
    }

    @Test func theBoundCutsCatchments() throws {
        let net = RoadNetwork(roads: [RoadNetwork.Road(coordinates: (0...10).map { p(Double($0) * 1000, 0) }, kmh: 60)])
        let model = NetworkModel(network: net)
        let origins = CostPoints(metric: (0...10).map { p(Double($0) * 1000, 0) })
        let m = try model.costs(from: origins, to: CostPoints(metric: [p(0, 0)]), maxMinutes: 4.5)
        #expect((0...10).filter { m.nearest($0) != nil } == [0, 1, 2, 3, 4])
        // The per-search statistics of the former one-Dijkstra-per-destination model are gone with
        // it (the contraction hierarchy searches differently); its oracle must agree.
        #expect(model.dijkstraCosts(from: origins, to: CostPoints(metric: [p(0, 0)]), maxMinutes: 4.5) == m)
    }
}

@Suite struct StraightLineAndMatrixTests {
    @Test func straightLineIsDetouredDistanceOverSpeed() throws {
        let model = StraightLineModel(detourFactor: 1.5, speedKmh: 45)
        let origins = CostPoints(metric: [Coordinate(x: 0, y: 0)])
        let sites = CostPoints(metric: [Coordinate(x: 3000, y: 4000), Coordinate(x: 30000, y: 40000)])
        let m = try model.costs(from: origins, to: sites, maxMinutes: 30)
        // 5 km × 1.5 = 7.5 km at 45 km/h = 10 min; the other is 75 km away, beyond 30 min.
        #expect(m.row(0) == [CostMatrix.Entry(destination: 0, minutes: 10, kilometres: 7.5)])
    }

    @Test func matrixWithMissingPairsAndUnknownIds() throws {
        let model = MatrixModel(pairs: [
            .init(origin: "a", destination: "S1", minutes: 12, kilometres: 9),
            .init(origin: "a", destination: "S2", minutes: nil, kilometres: 30),
            .init(origin: "zz", destination: "S1", minutes: 3, kilometres: nil),
            .init(origin: "b", destination: "S9", minutes: 3, kilometres: nil),
        ])
        let origins = CostPoints(metric: [Coordinate(x: 0, y: 0), Coordinate(x: 0, y: 0)], ids: ["a", "b"])
        let sites = CostPoints(metric: [Coordinate(x: 0, y: 0), Coordinate(x: 0, y: 0)], ids: ["S1", "S2"])
        let m = try model.costs(from: origins, to: sites, maxMinutes: 60)
        #expect(m.row(0).map(\.destination) == [0, 1] && m.row(0)[1].minutes == 30)
        #expect(m.row(1).isEmpty, "b has no pair with a known site: unreachable")
        let unknown = model.unmatched(origins: origins, destinations: sites)
        #expect(unknown.origins == ["zz"] && unknown.destinations == ["S9"])
    }
}

@Suite struct PointGridTests {
    @Test func radiusAndNearestAgreeWithBruteForce() {
        let seed: UInt64 = 31
        var rng = SeededGenerator(seed: seed)
        let points = (0..<500).map { _ in Coordinate(x: rng.nextUnit() * 50_000, y: rng.nextUnit() * 20_000) }
        let grid = PointGrid(points, cellSize: 1_700)
        for _ in 0..<100 {
            let q = Coordinate(x: rng.nextUnit() * 70_000 - 10_000, y: rng.nextUnit() * 40_000 - 10_000)
            let r = rng.nextUnit() * 8_000
            let brute = points.indices.filter { points[$0].distance(to: q) <= r }
            #expect(grid.within(r, of: q).map(\.index) == brute, "seed \(seed), query \(q), radius \(r)")
            let nearest = points.indices.min { (points[$0].distance(to: q), $0) < (points[$1].distance(to: q), $1) }!
            #expect(grid.nearest(to: q)?.index == nearest, "seed \(seed), query \(q)")
        }
        #expect(PointGrid([], cellSize: 10).nearest(to: Coordinate(x: 0, y: 0)) == nil)
    }

    @Test func weightedStatistics() {
        let times: [Double?] = [10, 20, nil, 40]
        let weights = [1.0, 2, 3, 4]
        #expect(TravelStatistics.weightedMean(times, weights: weights) == (10 + 40 + 160) / 7.0)
        #expect(TravelStatistics.weightedQuantile(times, weights: weights, 0.3) == 20)
        #expect(TravelStatistics.weightedQuantile(times, weights: weights, 0.5) == 40)
        #expect(TravelStatistics.weightedQuantile(times, weights: weights, 0.8) == .infinity)
        #expect(TravelStatistics.weightBeyond(20, times: times, weights: weights) == 7)
        #expect(TravelStatistics.weightedMean([nil], weights: [1]) == nil)
    }

    /// A national study routes the metropolitan roads in Lambert-93: communes and sites given in
    /// another CRS (overseas) reach nothing, and are not snapped to roads they are not near.
    @Test func placesOfAnotherCRSReachNothing() throws {
        func p(_ x: Double, _ y: Double) -> Coordinate { Coordinate(x: x, y: y) }
        var model = NetworkModel(network: RoadNetwork(roads: [RoadNetwork.Road(coordinates: [p(0, 0), p(2000, 0)], kmh: 60)]))
        model.crs = CRS.lambert93
        let here = CostPoints(metric: [p(0, 0)], crs: CRS.lambert93), there = CostPoints(metric: [p(2000, 0)], crs: CRS.lambert93)
        #expect(try model.costs(from: here, to: there, maxMinutes: 60).nearest(0) != nil)
        let overseas = CostPoints(metric: [p(0, 0)], crs: CRS.reunion)
        #expect(try model.costs(from: overseas, to: there, maxMinutes: 60).nearest(0) == nil)
        #expect(try model.costs(from: here, to: CostPoints(metric: [p(2000, 0)], crs: CRS.reunion), maxMinutes: 60).nearest(0) == nil)
        #expect(model.snapMetres(of: overseas) == [nil])
        #expect(model.snapMetres(of: CostPoints(metric: [p(0, 10)])) == [10], "a place of unknown CRS is taken as the network's")
    }
}
