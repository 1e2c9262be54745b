import Accessibility
import GeoCore
import Testing

/// The chain phase of the contraction (shape nodes contracted first, without witness search):
/// answers equal to Dijkstra on a long chain with one-way parts and a parallel road, and a
/// shallow hierarchy on a long chain.
@Suite struct ChainContractionTests {
    /// A chain of `n` shape nodes 100 m apart along y = 0 in pieces of 10 segments (every third
    /// piece one-way forward, every fifth one-way backward, the rest two-way, speeds varying), a
    /// parallel road at y = 200 m between the chain's ends with its own shape nodes, and a fast
    /// two-way shortcut between nodes 20 and 60.
    static func chainRoads(n: Int) -> [RoadNetwork.Road] {
        let id = { (k: Int) in Int64(k) * 3 + 1 }
        var roads: [RoadNetwork.Road] = []
        for start in stride(from: 0, to: n - 1, by: 10) {
            let piece = Array(start...min(start + 10, n - 1))
            let index = start / 10
            let direction: RoadNetwork.Direction = index % 3 == 1 ? .forward : index % 5 == 4 ? .backward : .both
            roads.append(RoadNetwork.Road(
                coordinates: piece.map { Coordinate(x: Double($0) * 100, y: 0) }, kmh: 30 + Double(index % 4) * 10, direction: direction,
                nodeIDs: piece.map(id)))
        }
        let parallel = [Coordinate(x: 0, y: 0)] + (1..<8).map { Coordinate(x: Double($0) * Double(n - 1) * 100 / 8, y: 200) }
            + [Coordinate(x: Double(n - 1) * 100, y: 0)]
        roads.append(RoadNetwork.Road(
            coordinates: parallel, kmh: 50, direction: .both, nodeIDs: [id(0)] + (1..<8).map { Int64(-$0) } + [id(n - 1)]))
        roads.append(RoadNetwork.Road(
            coordinates: [Coordinate(x: 2_000, y: 0), Coordinate(x: 6_000, y: 0)], kmh: 130, direction: .both, nodeIDs: [id(20), id(60)]))
        return roads
    }

    @Test func chainWithOneWayPartsAndParallelRoadEqualsDijkstra() {
        let network = RoadNetwork(roads: Self.chainRoads(n: 101))
        let ch = ContractionHierarchy(network: network)
        let compared = ContractionHierarchyTests.compareWithDijkstra(ch, network, step: 1, label: "chain")
        #expect(compared > 5_000, "only \(compared) reachable pairs")
    }

    /// Chains contracted in rounds of independent nodes: from any node of a two-way chain of
    /// 4,097 nodes the upward search reaches about 2 log₂ n nodes, not n.
    @Test func longChainGivesShallowHierarchy() {
        let n = 4_097
        let road = RoadNetwork.Road(coordinates: (0..<n).map { Coordinate(x: Double($0) * 100, y: 0) }, kmh: 50)
        let ch = ContractionHierarchy(network: RoadNetwork(roads: [road]))
        var largest = 0
        for s in stride(from: 0, to: n, by: 97) {
            var seen: Set<Int32> = [Int32(s)], stack = [Int32(s)]
            while let v = stack.popLast() {
                for k in Int(ch.upStart[Int(v)])..<Int(ch.upStart[Int(v) + 1]) where seen.insert(ch.upTarget[k]).inserted {
                    stack.append(ch.upTarget[k])
                }
            }
            largest = max(largest, seen.count)
        }
        #expect(largest <= 40, "upward search space \(largest) nodes on a chain of \(n)")
        #expect(ch.nodeToNode(from: 0, to: n - 1).map { abs($0.metres - Double(n - 1) * 100) < 1e-6 } == true)
    }
}
