/// The bounded Dijkstra search of a contraction step (Geisberger et al. 2008, §3): from one
/// in-neighbour of the node being contracted, avoiding that node, over the edges not yet
/// contracted. It stops past `bound` minutes, after `limit` settled nodes, or once every
/// target (the node's out-neighbours, marked by ``setTargets(_:)``) is settled. Its labels are
/// lengths of real paths that avoid the node, so any label ≤ u→v→w proves the shortcut
/// unneeded; a search cut short only adds shortcuts that are not needed.
/// Its arrays and queue are kept between runs (only touched labels are reset): no allocation
/// per search.
struct WitnessSearch {
    private var best: [Double]
    private var touched: [Int32] = []
    private var queue = MinQueue()
    private var targetStamp: [UInt32]
    private var stamp: UInt32 = 0
    private var targetCount = 0

    init(nodeCount: Int) {
        best = [Double](repeating: .infinity, count: nodeCount)
        targetStamp = [UInt32](repeating: 0, count: nodeCount)
    }

    /// The label of `node` from the last run (`.infinity` when not reached).
    func distance(to node: Int) -> Double { best[node] }

    /// Marks the nodes whose labels the next runs must settle (the contracted node's out-neighbours).
    mutating func setTargets(_ arcs: ArraySlice<Arc>) {
        stamp &+= 1
        if stamp == 0 {
            targetStamp = [UInt32](repeating: 0, count: targetStamp.count)
            stamp = 1
        }
        targetCount = 0
        for a in arcs where targetStamp[Int(a.node)] != stamp {
            targetStamp[Int(a.node)] = stamp
            targetCount += 1
        }
    }

    /// One search from `source`, never entering `skipped` nor a node marked in `avoided`
    /// (empty: no other node avoided).
    mutating func run(from source: Int, avoiding skipped: Int, and avoided: [Bool] = [], bound: Double, limit: Int, out: ArcLists) {
        let avoidSome = !avoided.isEmpty
        for v in touched { best[Int(v)] = .infinity }
        touched.removeAll(keepingCapacity: true)
        queue.removeAll()
        best[source] = 0
        touched.append(Int32(source))
        queue.insert(.init(minutes: 0, node: Int32(source)))
        var settled = 0
        var targetsLeft = targetCount
        while let item = queue.popMin() {
            let v = Int(item.node)
            guard item.minutes == best[v] else { continue }
            if item.minutes > bound || settled >= limit { break }
            settled += 1
            if targetStamp[v] == stamp {
                targetsLeft -= 1
                if targetsLeft == 0 { break }
            }
            for k in out.range(v) {
                let a = out.arcs[k]
                let w = Int(a.node)
                guard w != skipped, !avoidSome || !avoided[w] else { continue }
                let t = item.minutes + a.minutes
                guard t < best[w] else { continue }
                if best[w] == .infinity { touched.append(a.node) }
                best[w] = t
                queue.insert(.init(minutes: t, node: a.node))
            }
        }
    }
}
