import HeapModule

/// A Dijkstra search over one side of a ``ContractionHierarchy``: upward edges (from an origin)
/// or downward edges reversed (from a destination), seeded by several nodes with their costs,
/// bounded by `bound` minutes. Not a shortest-path tree of the road graph: the least cost of a
/// trip is the least sum of an upward and a downward label at a common node.
/// Stall-on-demand (Geisberger et al. 2008, §5): a node whose label is beaten through an edge
/// from a higher node (an edge of the other side) is not a shortest-path node, so it is neither
/// reported nor expanded. Reuses its arrays between runs (only touched nodes are reset).
struct HierarchySearch {
    struct Item: Comparable {
        var minutes: Double
        var node: Int32
        static func < (a: Item, b: Item) -> Bool { (a.minutes, a.node) < (b.minutes, b.node) }
    }

    private var best: [Double]
    private var metres: [Double]
    private var done: [Bool]
    private var heap = Heap<Item>()

    init(nodeCount: Int) {
        best = [Double](repeating: .infinity, count: nodeCount)
        metres = [Double](repeating: 0, count: nodeCount)
        done = [Bool](repeating: false, count: nodeCount)
    }

    /// Every node settled within `bound`, with its label (minutes, metres), in settling order.
    mutating func run(seeds: [RoadSeed], bound: Double, in ch: ContractionHierarchy, upward: Bool) -> [RoadSeed] {
        var touched: [Int32] = []
        var settled: [RoadSeed] = []
        for s in seeds where s.minutes <= bound && s.minutes < best[Int(s.node)] {
            if best[Int(s.node)] == .infinity { touched.append(s.node) }
            best[Int(s.node)] = s.minutes
            metres[Int(s.node)] = s.metres
            heap.insert(Item(minutes: s.minutes, node: s.node))
        }
        let start = upward ? ch.upStart : ch.downStart
        let next = upward ? ch.upTarget : ch.downSource
        let cost = upward ? ch.upMinutes : ch.downMinutes
        let length = upward ? ch.upMetres : ch.downMetres
        let (otherStart, otherNext, otherCost) = upward ? (ch.downStart, ch.downSource, ch.downMinutes) : (ch.upStart, ch.upTarget, ch.upMinutes)
        while let item = heap.popMin() {
            let v = Int(item.node)
            guard !done[v] else { continue }
            done[v] = true
            let stalled = (Int(otherStart[v])..<Int(otherStart[v + 1])).contains { best[Int(otherNext[$0])] + otherCost[$0] < item.minutes }
            if stalled { continue }
            settled.append(RoadSeed(node: item.node, minutes: item.minutes, metres: metres[v]))
            for k in Int(start[v])..<Int(start[v + 1]) {
                let u = Int(next[k])
                let t = item.minutes + cost[k]
                guard t <= bound, t < best[u] else { continue }
                if best[u] == .infinity { touched.append(Int32(u)) }
                best[u] = t
                metres[u] = metres[v] + length[k]
                heap.insert(Item(minutes: t, node: Int32(u)))
            }
        }
        for v in touched {
            best[Int(v)] = .infinity
            done[Int(v)] = false
        }
        return settled
    }
}
