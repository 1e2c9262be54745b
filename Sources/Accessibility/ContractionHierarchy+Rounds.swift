import Foundation
import GeoCore

extension ContractionHierarchy.Builder {
    /// The second phase of the contraction on all cores: the junctions are contracted in
    /// **rounds of independent nodes**, as OSRM's contractor does (D. Luxen, C. Vetter,
    /// "Real-time routing with OpenStreetMap data", ACM GIS 2011; C. Vetter, "Parallel
    /// Time-Dependent Contraction Hierarchies", 2009).
    ///
    /// Each round:
    /// 1. picks every remaining node whose priority (see ``ContractionHierarchy/Builder``) is
    ///    less than that of every remaining node within **two hops** (ties broken by a hash of
    ///    the node, then the node), so that no two picked nodes are neighbours or share one;
    /// 2. finds the shortcuts of the picked nodes in parallel, on the graph before the round;
    /// 3. contracts them one after the other (removing their arcs, adding the shortcuts);
    /// 4. computes again, in parallel, the priorities of their neighbours (whose depth grows).
    ///
    /// Why the hierarchy stays exact although the shortcuts of a round are found together: a
    /// shortcut u→v→w is left out only for a witness path from u to w, not through v, at most
    /// as long; the witness searches of a round avoid every node picked in that round, so each
    /// witness is still in the graph once the round's nodes are gone, and every distance between
    /// the remaining nodes is kept, round after round, whatever the times (zero-minute edges
    /// between two OSM nodes at one position included). Without that, two picked nodes could
    /// each serve as the other's witness through such edges, and both shortcuts would be lost.
    /// - Complexity: about the sequential contraction's searches, spread over the cores, plus
    ///   one scan of the remaining nodes' two-hop neighbourhoods per round.
    mutating func contractJunctionsInRounds() {
        let n = contracted.count
        let parts = Self.workerCount
        var workers = (0..<parts).map { _ in Worker(search: WitnessSearch(nodeCount: n)) }
        var remaining = (0..<Int32(n)).filter { !contracted[Int($0)] }
        var priority = [Double](repeating: .infinity, count: n)
        computePriorities(of: remaining, into: &priority, workers: &workers)
        var seen = [Bool](repeating: false, count: n), picked = [Bool](repeating: false, count: n)
        while !remaining.isEmpty {
            let (chosen, shortcuts) = contractionsOfRound(remaining, priority: priority, picked: &picked, workers: &workers)
            var around: [Int32] = []
            for (p, nodes) in chosen.enumerated() {
                var start = 0
                for (v, end) in nodes {
                    for u in neighbours(of: Int(v)) {
                        depth[Int(u)] = max(depth[Int(u)], depth[Int(v)] + 1)
                        if !seen[Int(u)] {
                            seen[Int(u)] = true
                            around.append(u)
                        }
                    }
                    contract(Int(v), shortcuts: shortcuts[p][start..<end])
                    start = end
                }
            }
            for u in around { seen[Int(u)] = false }
            computePriorities(of: around, into: &priority, workers: &workers)
            remaining.removeAll { contracted[Int($0)] }
            compactIfNeeded(force: false)
        }
    }

    /// The threads of the rounds: the cores, at most 4 — each keeps labels for every node
    /// (12 bytes a node: 270 MB on a France-sized network), so more would cost memory the
    /// budget of a national preparation does not have.
    static var workerCount: Int { max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) }

    /// What one thread keeps between rounds: its witness search (whose arrays span the graph)
    /// and its buffers.
    struct Worker: Sendable {
        var search: WitnessSearch
        var found: [(Int32, Arc)] = []
    }

    /// `priority[v]` computed again for every node of `nodes`, on all cores (strided shares).
    func computePriorities(of nodes: [Int32], into priority: inout [Double], workers: inout [Worker]) {
        let (out, into, depth, parts) = (self.out, self.into, self.depth, workers.count)
        var results = [[Double]](repeating: [], count: parts)
        workers.withUnsafeMutableBufferPointer { w in
            let slots = UncheckedWorkers(w)
            results.concurrentFill(iterations: parts) { p, result in
                var worker = slots.take(p)
                var values: [Double] = []
                values.reserveCapacity(nodes.count / parts + 1)
                for i in stride(from: p, to: nodes.count, by: parts) {
                    let v = Int(nodes[i])
                    Self.shortcuts(of: v, out: out, into: into, limit: Self.simulationSettledLimit, witness: &worker.search, into: &worker.found)
                    values.append(Self.priority(of: v, shortcuts: worker.found, out: out, into: into, depth: depth[v]))
                }
                result[p] = values
                slots.put(worker, p)
            }
        }
        for p in 0..<parts {
            for (k, i) in stride(from: p, to: nodes.count, by: parts).enumerated() { priority[Int(nodes[i])] = results[p][k] }
        }
    }

    /// The nodes of this round (per thread: each node and the end of its shortcuts in that
    /// thread's list) and their shortcuts (u, u→w), found on all cores in two passes: first
    /// the picked nodes (``isLocalMinimum(_:priority:out:into:)``), marked in `picked`; then
    /// their shortcuts, every witness search avoiding **all** the picked nodes, so that a
    /// witness never runs through a node contracted in the same round.
    func contractionsOfRound(_ remaining: [Int32], priority: [Double], picked: inout [Bool], workers: inout [Worker]) -> ([[(Int32, Int)]], [[(Int32, Arc)]]) {
        let (out, into, parts) = (self.out, self.into, workers.count)
        let choice = [[Int32]](concurrentCount: parts) { p in
            stride(from: p, to: remaining.count, by: parts).compactMap { i in
                Self.isLocalMinimum(Int(remaining[i]), priority: priority, out: out, into: into) ? remaining[i] : nil
            }
        }
        for nodes in choice { for v in nodes { picked[Int(v)] = true } }
        let avoided = picked
        var chosen = [[(Int32, Int)]](repeating: [], count: parts)
        var shortcuts = [[(Int32, Arc)]](repeating: [], count: parts)
        workers.withUnsafeMutableBufferPointer { w in
            let slots = UncheckedWorkers(w)
            shortcuts.withUnsafeMutableBufferPointer { s in
                let lists = UncheckedLists(s)
                chosen.concurrentFill(iterations: parts) { p, result in
                    var worker = slots.take(p)
                    var nodes: [(Int32, Int)] = []
                    var list: [(Int32, Arc)] = []
                    for v in choice[p] {
                        Self.shortcuts(
                            of: Int(v), out: out, into: into, limit: Self.contractionSettledLimit, avoiding: avoided, witness: &worker.search, into: &worker.found)
                        list.append(contentsOf: worker.found)
                        nodes.append((v, list.count))
                    }
                    result[p] = nodes
                    lists.put(list, p)
                    slots.put(worker, p)
                }
            }
        }
        for nodes in choice { for v in nodes { picked[Int(v)] = false } }
        return (chosen, shortcuts)
    }

    /// Whether `v` goes before every remaining node within two hops.
    static func isLocalMinimum(_ v: Int, priority: [Double], out: ArcLists, into: ArcLists) -> Bool {
        let key = (priority[v], rank(v), v)
        func before(_ u: Int) -> Bool { u == v || key < (priority[u], rank(u), u) }
        func aroundIsLater(_ u: Int) -> Bool {
            guard before(u) else { return false }
            for l in out.range(u) where !before(Int(out.arcs[l].node)) { return false }
            for l in into.range(u) where !before(Int(into.arcs[l].node)) { return false }
            return true
        }
        for k in out.range(v) where !aroundIsLater(Int(out.arcs[k].node)) { return false }
        for k in into.range(v) where !aroundIsLater(Int(into.arcs[k].node)) { return false }
        return true
    }

    /// A hash of the node (Fibonacci hashing), to break ties of priority without favouring
    /// one corner of the map.
    static func rank(_ v: Int) -> UInt64 { (UInt64(v) &* 0x9E37_79B9_7F4A_7C15) >> 32 }
}

/// The workers of a concurrent loop, each taken by the iteration of its index (so that the
/// taken value is the only reference to its arrays, and the witness labels are not copied on
/// write), then put back; see ``DisjointWrites`` for why distinct slots do not race.
private struct UncheckedWorkers: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<ContractionHierarchy.Builder.Worker>
    init(_ base: UnsafeMutableBufferPointer<ContractionHierarchy.Builder.Worker>) { self.base = base }

    func take(_ p: Int) -> ContractionHierarchy.Builder.Worker {
        let worker = base[p]
        base[p] = .init(search: WitnessSearch(nodeCount: 0))
        return worker
    }

    func put(_ worker: ContractionHierarchy.Builder.Worker, _ p: Int) { base[p] = worker }
}

/// The per-thread shortcut lists of a round, each written by the iteration of its index.
private struct UncheckedLists: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<[(Int32, Arc)]>
    init(_ base: UnsafeMutableBufferPointer<[(Int32, Arc)]>) { self.base = base }
    func put(_ list: [(Int32, Arc)], _ p: Int) { base[p] = list }
}
