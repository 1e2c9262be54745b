import Accessibility
import GeoCore
import Testing

/// The parallel rounds of the contraction on the graph that is hardest for them: a street grid
/// where every block has the same length and speed, so that most witness paths tie with the
/// path through the node contracted, and many nodes of a round have equal priorities; some
/// streets one-way, some missing, some crossings doubled by a second OSM node at the same
/// position (zero-minute edges). Checked against the O(V²) Dijkstra of
/// ``ContractionHierarchyTests``, and against the same roads given in another order.
@Suite struct ContractionRoundsTests {
    /// A `side` × `side` grid of 100 m blocks at 50 km/h; 5 % of the blocks missing, 10 % one
    /// way; a quarter of the crossings **split** in two OSM nodes at the same position, joined by
    /// a zero-length road, the second taking the crossing's east and north streets (both halves
    /// are then junctions, not shape nodes, and zero-minute edges reach the parallel rounds).
    static func grid(seed: UInt64, side: Int) -> [RoadNetwork.Road] {
        var rng = SeededGenerator(seed: seed)
        let id = { (i: Int, j: Int) in Int64(i * side + j + 1) }
        let at = { (i: Int, j: Int) in Coordinate(x: Double(i) * 100, y: Double(j) * 100) }
        let split = (0..<(side * side)).map { _ in rng.next() % 4 == 0 }
        let east = { (i: Int, j: Int) in split[i * side + j] ? -id(i, j) : id(i, j) }
        var roads: [RoadNetwork.Road] = []
        for i in 0..<side {
            for j in 0..<side {
                if split[i * side + j] {
                    roads.append(RoadNetwork.Road(coordinates: [at(i, j), at(i, j)], kmh: 50, nodeIDs: [id(i, j), -id(i, j)]))
                }
                for (di, dj) in [(1, 0), (0, 1)] where i + di < side && j + dj < side {
                    let r = rng.next() % 20
                    guard r != 0 else { continue }  // 5 % missing
                    let direction: RoadNetwork.Direction = r == 1 ? .forward : r == 2 ? .backward : .both
                    roads.append(RoadNetwork.Road(coordinates: [at(i, j), at(i + di, j + dj)], kmh: 50, direction: direction, nodeIDs: [east(i, j), id(i + di, j + dj)]))
                }
            }
        }
        return roads
    }

    /// Seeds 101 and 177 (8 × 8) lost paths when the witness searches of a round could run
    /// through another node of the round (two such nodes witnessing each other through
    /// zero-minute edges); the larger grids check the rest.
    @Test(arguments: [(101, 8), (177, 8), (21, 14), (22, 14), (23, 14), (24, 14)] as [(UInt64, Int)])
    func gridOfTiesEqualsDijkstra(seed: UInt64, side: Int) {
        let roads = Self.grid(seed: seed, side: side)
        let network = RoadNetwork(roads: roads)
        let ch = ContractionHierarchy(network: network)
        var shuffled = roads
        var rng = SeededGenerator(seed: seed &* 31)
        shuffled.shuffle(using: &rng)
        let other = RoadNetwork(roads: shuffled)
        let otherCH = ContractionHierarchy(network: other)
        let inOther = network.nodes.map { other.nearestNode(to: $0) }
        let compared = ContractionHierarchyTests.compareWithDijkstra(ch, network, step: 5, label: "seed \(seed)", metres: false) { s, t, got in
            // The same trip in the network built from the shuffled roads (nodes found by position).
            let (a, b) = (inOther[s], inOther[t])
            if network.nodes[s] != network.nodes[t], let o = otherCH.nodeToNode(from: a, to: b), a != b {
                #expect(abs(o.minutes - got.minutes) <= 1e-9 * max(1, got.minutes) || network.hasTwin(s) || network.hasTwin(t), "seed \(seed): order changed \(s)→\(t)")
            }
        }
        #expect(compared > side * side * side, "seed \(seed): only \(compared) pairs compared")
    }
}

extension RoadNetwork {
    /// The first node at `point`'s exact position (an O(V) scan: a test helper).
    fileprivate func nearestNode(to point: Coordinate) -> Int { nodes.firstIndex { $0 == point }! }
    /// Whether another node shares node `v`'s position (a doubled crossing, whose twin the
    /// scan above may pick instead).
    fileprivate func hasTwin(_ v: Int) -> Bool { nodes.indices.contains { $0 != v && nodes[$0] == nodes[v] } }
}
