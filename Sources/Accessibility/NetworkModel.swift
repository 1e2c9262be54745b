import GeoCore
import HeapModule

/// Shortest travel time on a ``RoadNetwork``.
///
/// Origins and destinations are snapped to the nearest network node (a ``PointGrid`` query);
/// the snap distance is travelled in a straight line at `snapSpeedKmh` (``defaultSnapSpeedKmh``,
/// 20 km/h: a short drive or a brisk walk-and-drive to the first road) and counted in the cost.
/// Places farther than `maxSnapMetres` (``defaultMaxSnapMetres``, 5 km) from any node are
/// unreachable (their rows stay empty and are reported).
///
/// For every destination, a Dijkstra search runs backwards over the reverse graph from its node,
/// bounded by `maxMinutes` minus its snap time; it stops at the bound, so the work grows with the
/// size of each catchment, never with origins × whole graph. Searches run in parallel, one per
/// destination, each reusing its distance array between runs (only touched nodes are reset).
/// Binary heap: `Heap` of swift-collections. E. W. Dijkstra, "A note on two problems in connexion
/// with graphs", Numerische Mathematik 1, 269–271 (1959).
/// - Complexity: O(Σ over destinations of (E_c + V_c log V_c)) for catchments of V_c nodes and E_c edges.
public struct NetworkModel: TravelCostModel {
    /// The road graph searched.
    public let network: RoadNetwork
    /// Speed in km/h of the straight leg from a place to its nearest node (``defaultSnapSpeedKmh``, 20).
    public var snapSpeedKmh: Double
    /// Farthest a place may be from its nearest node, in metres (``defaultMaxSnapMetres``, 5 km);
    /// farther places reach nothing.
    public var maxSnapMetres: Double
    private let nodeGrid: PointGrid

    /// Speed of the straight leg between a place and its nearest node when none is given: 20 km/h.
    public static let defaultSnapSpeedKmh = 20.0
    /// Farthest a place may be from a node when none is given: 5 km (farther is unreachable).
    public static let defaultMaxSnapMetres = 5_000.0

    /// The model over `network`, with the snap speed and the snap limit (defaults 20 km/h, 5 km).
    public init(network: RoadNetwork, snapSpeedKmh: Double = defaultSnapSpeedKmh, maxSnapMetres: Double = defaultMaxSnapMetres) {
        self.network = network
        self.snapSpeedKmh = snapSpeedKmh
        self.maxSnapMetres = maxSnapMetres
        nodeGrid = PointGrid(network.nodes, cellSize: PointGrid.suggestedCellSize(for: network.nodes))
    }

    /// `road network (N nodes, E edges; snap at 20.0 km/h)`.
    public var name: String { "road network (\(network.nodes.count) nodes, \(network.edgeCount) edges; snap at \(snapSpeedKmh) km/h)" }

    /// The nearest node to `p` and the snap cost, or nil when it is farther than `maxSnapMetres`.
    public func snap(_ p: Coordinate) -> (node: Int, metres: Double, minutes: Double)? {
        guard let hit = nodeGrid.nearest(to: p), hit.distance <= maxSnapMetres else { return nil }
        return (hit.index, hit.distance, hit.distance / 1000 / snapSpeedKmh * 60)
    }

    /// Statistics of the last ``costs`` call's searches, for benchmarks.
    package struct SearchStatistics: Sendable {
        package var searches = 0
        package var settledNodes = 0
    }

    /// The shortest travel times within `maxMinutes`, snap legs included, with road kilometres: one
    /// bounded backward Dijkstra search per destination, in parallel.
    /// - Complexity: O(Σ over destinations of (E_c + V_c log V_c)), see the type.
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double) throws -> CostMatrix {
        try costsWithStatistics(from: origins, to: destinations, maxMinutes: maxMinutes).matrix
    }

    package func costsWithStatistics(
        from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double
    ) throws -> (matrix: CostMatrix, statistics: SearchStatistics) {
        let originSnaps = origins.metric.map(snap)
        var atNode: [Int: [Int]] = [:]
        for (o, s) in originSnaps.enumerated() { if let s { atNode[s.node, default: []].append(o) } }
        let originsAtNode = atNode
        let network = self.network
        // Chunks of destinations share one search (its arrays are allocated once per chunk).
        let chunks = stride(from: 0, to: destinations.count, by: 32).map { $0..<min($0 + 32, destinations.count) }
        let perChunk = chunks.concurrentMap { chunk -> (entries: [(origin: Int, entry: CostMatrix.Entry)], searches: Int, settled: Int) in
            var search = BoundedSearch(network: network)
            var entries: [(Int, CostMatrix.Entry)] = []
            var searches = 0, settled = 0
            for d in chunk {
                guard let site = snap(destinations.metric[d]), site.minutes <= maxMinutes else { continue }
                let reached = search.run(from: site.node, bound: maxMinutes - site.minutes)
                searches += 1
                settled += reached.count
                for (node, minutes, metres) in reached {
                    guard let here = originsAtNode[node] else { continue }
                    for o in here {
                        let snapO = originSnaps[o]!
                        let total = snapO.minutes + minutes + site.minutes
                        guard total <= maxMinutes else { continue }
                        entries.append((o, CostMatrix.Entry(destination: d, minutes: total, kilometres: (snapO.metres + metres + site.metres) / 1000)))
                    }
                }
            }
            return (entries, searches, settled)
        }
        var rows = [[CostMatrix.Entry]](repeating: [], count: origins.count)
        var statistics = SearchStatistics()
        for result in perChunk {
            let r = try result.get()
            statistics.searches += r.searches
            statistics.settledNodes += r.settled
            for (o, e) in r.entries { rows[o].append(e) }
        }
        return (CostMatrix(destinationCount: destinations.count, maxMinutes: maxMinutes, rows: rows), statistics)
    }
}

/// One bounded Dijkstra search over the reverse graph (travel towards the source node).
struct BoundedSearch {
    struct Item: Comparable {
        var minutes: Double
        var node: Int32
        static func < (a: Item, b: Item) -> Bool { (a.minutes, a.node) < (b.minutes, b.node) }
    }

    let network: RoadNetwork
    var best: [Double]
    var metres: [Double]
    var isSettled: [Bool]

    init(network: RoadNetwork) {
        self.network = network
        best = [Double](repeating: .infinity, count: network.nodes.count)
        metres = [Double](repeating: 0, count: network.nodes.count)
        isSettled = [Bool](repeating: false, count: network.nodes.count)
    }

    /// Nodes from which `source` is reachable within `bound` minutes: (node, minutes, metres).
    mutating func run(from source: Int, bound: Double) -> [(Int, Double, Double)] {
        var heap = Heap<Item>()
        var settled: [(Int, Double, Double)] = []
        best[source] = 0
        metres[source] = 0
        heap.insert(Item(minutes: 0, node: Int32(source)))
        var touched = [source]
        while let item = heap.popMin() {
            let v = Int(item.node)
            guard !isSettled[v] else { continue }
            isSettled[v] = true
            settled.append((v, item.minutes, metres[v]))
            for k in Int(network.reverseStart[v])..<Int(network.reverseStart[v + 1]) {
                let u = Int(network.reverseSource[k])
                let t = item.minutes + network.reverseMinutes[k]
                guard t <= bound, t < best[u] else { continue }
                if best[u] == .infinity { touched.append(u) }
                best[u] = t
                metres[u] = metres[v] + network.reverseMetres[k]
                heap.insert(Item(minutes: t, node: Int32(u)))
            }
        }
        for v in touched {
            best[v] = .infinity
            isSettled[v] = false
        }
        return settled
    }
}
