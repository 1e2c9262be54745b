import GeoCore
import HeapModule

/// The minutes every node of a ``RoadNetwork`` needs to **reach** a site, within a bound: a
/// one-to-all Dijkstra search from the site's entries over the **reverse** graph, so that a
/// node's time is that of a resident driving from it to the site, one-way streets taken the
/// way a resident drives them (the convention of every access figure: ``NetworkModel`` costs
/// travel from communes to sites the same way).
///
/// E. W. Dijkstra, "A note on two problems in connexion with graphs", Numerische Mathematik 1,
/// 269–271 (1959), started from several sources at once (each at its entry cost).
/// - Complexity: O(E_b + V_b log V_b) for the V_b nodes and E_b edges within the bound.
package struct TravelTimesToSite: Sendable {
    /// The nodes within the bound, in the order they were settled (ascending minutes).
    package var nodes: [Int]
    /// Minutes from each of ``nodes`` to the site (same order).
    package var minutes: [Double]
    /// The bound of the search, in minutes.
    package var bound: Double

    /// The search from `entries` over the reverse graph of `network` (`reverse`, built once per
    /// analysis; built here when not given), up to `bound` minutes (entries dearer than the bound
    /// are left out; no entry: nothing is reached).
    package init(network: RoadNetwork, reverse: ReverseEdges? = nil, entries: [NetworkEntry], bound: Double) {
        let reverse = reverse ?? ReverseEdges(network)
        struct Item: Comparable {
            var minutes: Double
            var node: Int32
            static func < (a: Item, b: Item) -> Bool { (a.minutes, a.node) < (b.minutes, b.node) }
        }
        var best: [Int32: Double] = [:]
        var heap = Heap<Item>()
        for e in entries where e.minutes <= bound && e.minutes < best[Int32(e.node), default: .infinity] {
            best[Int32(e.node)] = e.minutes
            heap.insert(Item(minutes: e.minutes, node: Int32(e.node)))
        }
        var settled = Set<Int32>()
        var nodes: [Int] = [], minutes: [Double] = []
        while let item = heap.popMin() {
            guard settled.insert(item.node).inserted else { continue }
            let v = Int(item.node)
            nodes.append(v)
            minutes.append(item.minutes)
            for k in Int(reverse.start[v])..<Int(reverse.start[v + 1]) {
                let u = reverse.source[k]
                let t = item.minutes + reverse.minutes[k]
                guard t <= bound, t < best[u, default: .infinity] else { continue }
                best[u] = t
                heap.insert(Item(minutes: t, node: u))
            }
        }
        self.nodes = nodes
        self.minutes = minutes
        self.bound = bound
    }
}
