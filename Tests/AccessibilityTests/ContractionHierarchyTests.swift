import Accessibility
import GeoCore
import Testing

/// The contraction hierarchy against a plain O(V²) Dijkstra written here, on random graphs with
/// one-way roads, parallel roads and two disconnected parts; the seed is printed on failure.
@Suite struct ContractionHierarchyTests {
    /// A random road graph: `n` nodes in two clusters 100 km apart, roads between random nearby
    /// pairs (some with a middle vertex), a third one-way, some doubled at another speed.
    static func randomRoads(seed: UInt64, n: Int, osmIDs: Bool) -> [RoadNetwork.Road] {
        var rng = SeededGenerator(seed: seed)
        let points = (0..<n).map { k in
            Coordinate(x: rng.nextUnit() * 5_000 + (k < n / 2 ? 0 : 100_000), y: rng.nextUnit() * 5_000)
        }
        var roads: [RoadNetwork.Road] = []
        for _ in 0..<(n * 2) {
            let a = Int(rng.next() % UInt64(n))
            let half = a < n / 2 ? 0..<(n / 2) : (n / 2)..<n
            let b = half.lowerBound + Int(rng.next() % UInt64(half.count))
            guard a != b else { continue }
            let direction: RoadNetwork.Direction = [.both, .both, .forward, .backward][Int(rng.next() % 4)]
            var coordinates = [points[a], points[b]]
            var ids: [Int64] = [Int64(a) * 7 + 1_000_000_000, Int64(b) * 7 + 1_000_000_000]
            if rng.next() % 3 == 0 {
                let middle = Coordinate(x: (points[a].x + points[b].x) / 2 + 300, y: (points[a].y + points[b].y) / 2)
                coordinates.insert(middle, at: 1)
                ids.insert(-Int64(roads.count) - 1, at: 1)
            }
            let kmh = 10 + rng.nextUnit() * 100
            roads.append(RoadNetwork.Road(coordinates: coordinates, kmh: kmh, direction: direction, nodeIDs: osmIDs ? ids : nil))
            if rng.next() % 8 == 0 {
                roads.append(RoadNetwork.Road(coordinates: coordinates, kmh: kmh * 0.8, direction: .both, nodeIDs: osmIDs ? ids : nil))
            }
        }
        return roads
    }

    /// Least minutes (and metres of that path) from `source` to every node, by O(V²) Dijkstra
    /// over the segments' drivable directions.
    static func reference(_ network: RoadNetwork, from source: Int) -> [(minutes: Double, metres: Double)?] {
        let n = network.nodes.count
        var edges = [[(Int, Double, Double)]](repeating: [], count: n)
        for s in 0..<network.segmentCount {
            let seg = network.segment(s)
            if let m = seg.forwardMinutes { edges[seg.from].append((seg.to, m, seg.metres)) }
            if let m = seg.backwardMinutes { edges[seg.to].append((seg.from, m, seg.metres)) }
        }
        var best = [(minutes: Double, metres: Double)?](repeating: nil, count: n)
        var done = [Bool](repeating: false, count: n)
        best[source] = (0, 0)
        while let v = (0..<n).filter({ !done[$0] && best[$0] != nil }).min(by: { best[$0]!.minutes < best[$1]!.minutes }) {
            done[v] = true
            for (w, m, d) in edges[v] where best[w] == nil || best[v]!.minutes + m < best[w]!.minutes {
                best[w] = (best[v]!.minutes + m, best[v]!.metres + d)
            }
        }
        return best
    }

    /// Compares `ch` with ``reference(_:from:)`` from every `step`-th node to every node: the
    /// same reachability, the same minutes to 1e-9 (and metres to 1e-6 when `metres`); `also`
    /// sees every pair reached (its own checks). Returns how many pairs were compared.
    static func compareWithDijkstra(
        _ ch: ContractionHierarchy, _ network: RoadNetwork, step: Int, label: String, metres: Bool = true,
        also: (Int, Int, (minutes: Double, metres: Double)) -> Void = { _, _, _ in }
    ) -> Int {
        var compared = 0
        for s in stride(from: 0, to: network.nodes.count, by: step) {
            let expected = reference(network, from: s)
            for t in 0..<network.nodes.count {
                let got = ch.nodeToNode(from: s, to: t)
                #expect((got == nil) == (expected[t] == nil), "\(label): \(s)→\(t) reachability")
                guard let got, let e = expected[t] else { continue }
                compared += 1
                #expect(abs(got.minutes - e.minutes) <= 1e-9 * max(1, e.minutes), "\(label): \(s)→\(t) minutes \(got.minutes) vs \(e.minutes)")
                #expect(!metres || abs(got.metres - e.metres) <= 1e-6 * max(1, e.metres), "\(label): \(s)→\(t) metres \(got.metres) vs \(e.metres)")
                also(s, t, got)
            }
        }
        return compared
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func nodeToNodeEqualsDijkstra(seed: UInt64) {
        let network = RoadNetwork(roads: Self.randomRoads(seed: seed, n: 80, osmIDs: seed % 2 == 0))
        let ch = ContractionHierarchy(network: network)
        let compared = Self.compareWithDijkstra(ch, network, step: 3, label: "seed \(seed)")
        #expect(compared > 500, "seed \(seed): only \(compared) reachable pairs compared")
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func manyToManyEqualsDijkstra(seed: UInt64) throws {
        let network = RoadNetwork(roads: Self.randomRoads(seed: seed, n: 300, osmIDs: false))
        let model = NetworkModel(network: network, maxSnapMetres: 800)
        var rng = SeededGenerator(seed: seed)
        let place = { (r: inout SeededGenerator) in Coordinate(x: r.nextUnit() * 6_000 + (r.next() % 2 == 0 ? 0 : 99_500), y: r.nextUnit() * 6_000 - 500) }
        let origins = CostPoints(metric: (0..<120).map { _ in place(&rng) })
        let sites = CostPoints(metric: (0..<40).map { _ in place(&rng) })
        let fast = try model.costs(from: origins, to: sites, maxMinutes: 12)
        let slow = model.dijkstraCosts(from: origins, to: sites, maxMinutes: 12)
        #expect(fast.entryCount > 200, "seed \(seed): the test must reach many pairs (\(fast.entryCount))")
        for o in 0..<origins.count {
            let a = fast.row(o), b = slow.row(o)
            #expect(a.map(\.destination).sorted() == b.map(\.destination).sorted(), "seed \(seed): origin \(o) reaches other sites")
            let slowByDestination = Dictionary(uniqueKeysWithValues: b.map { ($0.destination, $0) })
            for e in a {
                guard let f = slowByDestination[e.destination] else { continue }
                #expect(abs(e.minutes - f.minutes) <= 1e-9 * f.minutes, "seed \(seed): \(o)→\(e.destination) minutes")
                #expect(abs(e.kilometres - f.kilometres) <= 1e-9 * max(1, f.kilometres), "seed \(seed): \(o)→\(e.destination) km")
            }
        }
    }

    @Test func osmNodesAreFoundByID() {
        let p = { (x: Double) in Coordinate(x: x, y: 0) }
        let roads = [
            RoadNetwork.Road(coordinates: [p(0), p(1000)], kmh: 60, nodeIDs: [900, 7]),
            RoadNetwork.Road(coordinates: [p(1000), p(1000), p(2000)], kmh: 60, nodeIDs: [7, 8, 55]),
        ]
        let network = RoadNetwork(roads: roads)
        #expect(network.nodes.count == 4, "nodes 7 and 8 share a position but are two OSM nodes")
        #expect(network.node(osmID: 7) == 0 && network.node(osmID: 900) == 3 && network.node(osmID: 6) == nil)
        let ch = ContractionHierarchy(network: network)
        let trip = ch.nodeToNode(from: network.node(osmID: 900)!, to: network.node(osmID: 55)!)
        #expect(trip.map { abs($0.minutes - 2) < 1e-12 && abs($0.metres - 2000) < 1e-9 } == true, "\(String(describing: trip))")
    }
}
