/// The bounded Dijkstra search of a contraction step (Geisberger et al. 2008, §3): from one
/// neighbour of the node being contracted, avoiding that node, over the edges not yet contracted;
/// it stops past `bound` minutes or after `limit` settled nodes. Its labels are lengths of real paths that avoid the node, so any label ≤ u→v→w
/// proves the shortcut unneeded; a search cut short only adds shortcuts that are not needed.
/// Its arrays and queue are kept between runs (only touched labels are reset): no allocation
/// per search.
struct WitnessSearch {
    private var best: [Double]
    private var touched: [Int32] = []
    private var queue = MinQueue()

    init(nodeCount: Int) {
        best = [Double](repeating: .infinity, count: nodeCount)
    }

    /// The label of `node` from the last run (`.infinity` when not reached).
    func distance(to node: Int) -> Double { best[node] }

    mutating func run(from source: Int, avoiding skipped: Int, bound: Double, limit: Int, out: [[Arc]]) {
        for v in touched { best[Int(v)] = .infinity }
        touched.removeAll(keepingCapacity: true)
        queue.removeAll()
        best[source] = 0
        touched.append(Int32(source))
        queue.insert(.init(minutes: 0, node: Int32(source)))
        var settled = 0
        while let item = queue.popMin() {
            let v = Int(item.node)
            guard item.minutes == best[v] else { continue }
            if item.minutes > bound || settled >= limit { break }
            settled += 1
            for a in out[v] where Int(a.node) != skipped {
                let t = item.minutes + a.minutes
                let w = Int(a.node)
                guard t < best[w] else { continue }
                if best[w] == .infinity { touched.append(a.node) }
                best[w] = t
                queue.insert(.init(minutes: t, node: a.node))
            }
        }
    }
}
