import Foundation
import GeoCore
import HeapModule

extension ContractionHierarchy {
    /// Contracts a ``RoadNetwork`` (Geisberger et al. 2008, §3) in two phases.
    ///
    /// 1. Chains (``contractChains()``): every node with at most two distinct neighbours (the
    ///    shape nodes of a road) is contracted without witness search, in rounds of independent
    ///    nodes so that a chain of k nodes is a hierarchy of depth about log₂ k.
    /// 2. The junction graph left: the node of least **priority** = 2 × edge difference
    ///    (shortcuts added − edges removed) + deleted neighbours (how many of its neighbours are
    ///    already contracted), kept in a binary heap with **lazy updates**: the popped node's
    ///    priority is computed again and the node is put back when it is no longer the least.
    ///    The initial priorities are computed on all cores.
    /// - Witness searches: from each in-neighbour u of v, a Dijkstra search that avoids v, stops
    ///   past the largest u→v→w cost or after ``witnessSettledLimit`` settled nodes (searches
    ///   reuse their arrays and queue: no allocation per search); a shortcut u→w is added
    ///   unless a path not through v is found at most as long. A search cut short only adds
    ///   shortcuts that are not needed, never misses one.
    /// - Parallel edges keep the faster (then shorter) one; self-loops are dropped.
    /// - Complexity: O(V) for the chains; about V × (in-degree) bounded searches of
    ///   ``witnessSettledLimit`` nodes for the junctions.
    struct Builder {
        /// Nodes a witness search may settle before it gives up (and the shortcut is kept).
        static let witnessSettledLimit = 64

        var out: [[Arc]]
        var into: [[Arc]]
        var contracted: [Bool]
        var deletedNeighbours: [Int32]
        var witness: WitnessSearch

        init(network: RoadNetwork) {
            let n = network.nodes.count
            out = [[Arc]](repeating: [], count: n)
            into = [[Arc]](repeating: [], count: n)
            contracted = [Bool](repeating: false, count: n)
            deletedNeighbours = [Int32](repeating: 0, count: n)
            witness = WitnessSearch(nodeCount: n)
            for u in 0..<n {
                for k in Int(network.edgeStart[u])..<Int(network.edgeStart[u + 1]) where Int(network.edgeTarget[k]) != u {
                    add(Arc(node: network.edgeTarget[k], minutes: network.edgeMinutes[k], metres: network.edgeMetres[k]), from: Int32(u))
                }
            }
        }

        /// Adds u→w, or improves the u→w edge already there.
        mutating func add(_ arc: Arc, from u: Int32) {
            let reverse = Arc(node: u, minutes: arc.minutes, metres: arc.metres)
            if let k = out[Int(u)].firstIndex(where: { $0.node == arc.node }) {
                let old = out[Int(u)][k]
                guard (arc.minutes, arc.metres) < (old.minutes, old.metres) else { return }
                out[Int(u)][k] = arc
                let j = into[Int(arc.node)].firstIndex { $0.node == u }!
                into[Int(arc.node)][j] = reverse
            } else {
                out[Int(u)].append(arc)
                into[Int(arc.node)].append(reverse)
            }
        }

        /// The shortcuts contracting `v` needs now: (u, u→w arc) for each pair without a witness.
        static func shortcuts(of v: Int, out: [[Arc]], into: [[Arc]], witness: inout WitnessSearch, into result: inout [(Int32, Arc)]) {
            result.removeAll(keepingCapacity: true)
            for a in into[v] {
                var farthest = -Double.infinity
                for b in out[v] where b.node != a.node { farthest = max(farthest, b.minutes) }
                guard farthest > -.infinity else { continue }
                witness.run(from: Int(a.node), avoiding: v, bound: a.minutes + farthest, limit: witnessSettledLimit, out: out)
                for b in out[v] where b.node != a.node && witness.distance(to: Int(b.node)) > a.minutes + b.minutes {
                    result.append((a.node, Arc(node: b.node, minutes: a.minutes + b.minutes, metres: a.metres + b.metres)))
                }
            }
        }

        func priority(of v: Int, shortcuts: Int) -> Int {
            2 * (shortcuts - out[v].count - into[v].count) + Int(deletedNeighbours[v])
        }

        /// Removes `v` from its neighbours' lists (its own lists stay: its upward and downward edges) and adds the shortcuts.
        mutating func contract(_ v: Int, shortcuts: [(Int32, Arc)]) {
            contracted[v] = true
            for a in into[v] {
                out[Int(a.node)].removeAll { $0.node == Int32(v) }
                deletedNeighbours[Int(a.node)] += 1
            }
            for b in out[v] {
                into[Int(b.node)].removeAll { $0.node == Int32(v) }
                deletedNeighbours[Int(b.node)] += 1
            }
            for (u, arc) in shortcuts { add(arc, from: u) }
        }

        struct Entry: Comparable {
            var priority: Int
            var node: Int32
            static func < (a: Entry, b: Entry) -> Bool { (a.priority, a.node) < (b.priority, b.node) }
        }

        mutating func build() -> ContractionHierarchy {
            contractChains()
            var heap = Heap(initialPriorities())
            var found: [(Int32, Arc)] = []
            while let top = heap.popMin() {
                let v = Int(top.node)
                Self.shortcuts(of: v, out: out, into: into, witness: &witness, into: &found)
                let p = priority(of: v, shortcuts: found.count)
                if let next = heap.min, p > next.priority {
                    heap.insert(Entry(priority: p, node: top.node))
                    continue
                }
                contract(v, shortcuts: found)
            }
            return ContractionHierarchy(up: &out, down: &into)
        }

        /// Every node's priority before any contraction, node ranges spread over the cores.
        func initialPriorities() -> [Entry] {
            let n = out.count
            let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, n / 1024))
            let ranges = (0..<parts).map { p in (n * p / parts)..<(n * (p + 1) / parts) }
            let (out, into, contracted, deleted) = (self.out, self.into, self.contracted, deletedNeighbours)
            return ranges.concurrentMap { range -> [Entry] in
                var search = WitnessSearch(nodeCount: n)
                var found: [(Int32, Arc)] = []
                return range.compactMap { v in
                    guard !contracted[v] else { return nil }
                    Self.shortcuts(of: v, out: out, into: into, witness: &search, into: &found)
                    let edgeDifference = found.count - out[v].count - into[v].count
                    return Entry(priority: 2 * edgeDifference + Int(deleted[v]), node: Int32(v))
                }
            }.flatMap { try! $0.get() }
        }
    }
}
