import Foundation
import GeoCore

extension ContractionHierarchy {
    /// Contracts a ``RoadNetwork`` (Geisberger et al. 2008, §3) in two phases.
    ///
    /// 1. Chains (``contractChains()``): every node with at most two distinct neighbours (the
    ///    shape nodes of a road) is contracted without witness search, in rounds of independent
    ///    nodes so that a chain of k nodes is a hierarchy of depth about log₂ k.
    /// 2. The junction graph left, in the order of least **priority**, the terms of OSRM's
    ///    contractor (Luxen & Vetter, "Real-time routing with OpenStreetMap data", ACM GIS 2011):
    ///
    ///        priority(v) = 2 · added / removed + 4 · addedHops / removedHops + depth(v)
    ///
    ///    where `added` is the shortcuts contracting v would add, `removed` the arcs it would
    ///    take away, `…Hops` the same counted in road edges (a shortcut stands for the edges it
    ///    replaces), and `depth(v)` one more than the deepest contracted neighbour (which keeps
    ///    the hierarchy shallow and its contraction even across the map). The junctions are
    ///    contracted in parallel rounds of independent nodes
    ///    (``contractJunctionsInRounds()``); after each round the priorities of the contracted
    ///    nodes' neighbours are computed again (Geisberger's neighbour updates).
    /// - Witness searches (``WitnessSearch``): from each in-neighbour u of v, a Dijkstra search
    ///   that avoids v and stops past the largest u→v→w cost, once every out-neighbour is
    ///   settled, or after a settled-node limit — ``simulationSettledLimit`` to estimate a
    ///   priority, ``contractionSettledLimit`` to contract; a shortcut u→w is added unless a
    ///   path not through v is found at most as long. A search cut short only adds shortcuts
    ///   that are not needed, never misses one: the hierarchy is exact whatever the limits.
    /// - Storage: ``ArcLists``, one flat array per direction (24 bytes an arc), no array per node.
    /// - Parallel edges keep the faster (then shorter) one; self-loops are dropped.
    /// - Complexity: O(V + E) for the chains; about (1 + degree) × in-degree bounded searches
    ///   per junction.
    struct Builder {
        /// Settled nodes a witness search may reach when it estimates a priority.
        static let simulationSettledLimit = 8
        /// Settled nodes a witness search may reach when it decides a contraction's shortcuts.
        static let contractionSettledLimit = 512

        var out: ArcLists
        var into: ArcLists
        var contracted: [Bool]
        var depth: [Int32]

        init(network: RoadNetwork) {
            let n = network.nodes.count
            var outDegree = [Int](repeating: 0, count: n), inDegree = [Int](repeating: 0, count: n)
            for u in 0..<n {
                for k in Int(network.edgeStart[u])..<Int(network.edgeStart[u + 1]) where Int(network.edgeTarget[k]) != u {
                    outDegree[u] += 1
                    inDegree[Int(network.edgeTarget[k])] += 1
                }
            }
            out = ArcLists(capacity: outDegree)
            into = ArcLists(capacity: inDegree)
            contracted = [Bool](repeating: false, count: n)
            depth = [Int32](repeating: 0, count: n)
            for u in 0..<n {
                for k in Int(network.edgeStart[u])..<Int(network.edgeStart[u + 1]) where Int(network.edgeTarget[k]) != u {
                    add(Arc(node: network.edgeTarget[k], minutes: network.edgeMinutes[k], metres: network.edgeMetres[k]), from: Int32(u))
                }
            }
        }

        /// Adds u→w, or improves the u→w edge already there.
        mutating func add(_ arc: Arc, from u: Int32) {
            let reverse = Arc(node: u, hops: arc.hops, minutes: arc.minutes, metres: arc.metres)
            if let k = out.position(of: arc.node, in: Int(u)) {
                let old = out.arcs[k]
                guard (arc.minutes, arc.metres) < (old.minutes, old.metres) else { return }
                out.replace(at: k, with: arc)
                into.replace(at: into.position(of: u, in: Int(arc.node))!, with: reverse)
            } else {
                out.append(arc, to: Int(u))
                into.append(reverse, to: Int(arc.node))
            }
        }

        /// The shortcuts contracting `v` needs now: (u, u→w arc) for each pair without a witness
        /// found within `limit` settled nodes, the searches avoiding `v` and every node marked
        /// in `avoided` (the other nodes of a parallel round; empty: none).
        static func shortcuts(
            of v: Int, out: ArcLists, into: ArcLists, limit: Int, avoiding avoided: [Bool] = [], witness: inout WitnessSearch, into result: inout [(Int32, Arc)]
        ) {
            result.removeAll(keepingCapacity: true)
            let outgoing = out.arcs[out.range(v)]
            witness.setTargets(outgoing)
            for k in into.range(v) {
                let a = into.arcs[k]
                var farthest = -Double.infinity
                for b in outgoing where b.node != a.node { farthest = max(farthest, b.minutes) }
                guard farthest > -.infinity else { continue }
                witness.run(from: Int(a.node), avoiding: v, and: avoided, bound: a.minutes + farthest, limit: limit, out: out)
                for b in outgoing where b.node != a.node && witness.distance(to: Int(b.node)) > a.minutes + b.minutes {
                    result.append((a.node, a.then(b)))
                }
            }
        }

        /// The priority of `v` (see ``Builder``) when contracting it adds `shortcuts`.
        static func priority(of v: Int, shortcuts: [(Int32, Arc)], out: ArcLists, into: ArcLists, depth: Int32) -> Double {
            let removed = out.range(v).count + into.range(v).count
            var removedHops = 0
            for k in out.range(v) { removedHops += Int(out.arcs[k].hops) }
            for k in into.range(v) { removedHops += Int(into.arcs[k].hops) }
            let addedHops = shortcuts.reduce(0) { $0 + Int($1.1.hops) }
            let edges = removed == 0 ? 0 : Double(shortcuts.count) / Double(removed)
            let hops = removedHops == 0 ? 0 : Double(addedHops) / Double(removedHops)
            return 2 * edges + 4 * hops + Double(depth)
        }

        /// Removes `v` from its neighbours' lists (its own lists stay: its upward and downward
        /// edges) and adds the shortcuts.
        mutating func contract(_ v: Int, shortcuts: some Sequence<(Int32, Arc)>) {
            contracted[v] = true
            for k in into.range(v) { out.remove(Int32(v), from: Int(into.arcs[k].node)) }
            for k in out.range(v) { into.remove(Int32(v), from: Int(out.arcs[k].node)) }
            for (u, arc) in shortcuts { add(arc, from: u) }
        }

        /// v's distinct neighbours not yet contracted.
        func neighbours(of v: Int) -> [Int32] {
            var found: [Int32] = []
            for k in out.range(v) where !found.contains(out.arcs[k].node) { found.append(out.arcs[k].node) }
            for k in into.range(v) where !found.contains(into.arcs[k].node) { found.append(into.arcs[k].node) }
            return found
        }

        mutating func build() -> ContractionHierarchy {
            contractChains()
            compactIfNeeded(force: true)
            contractJunctionsInRounds()
            return ContractionHierarchy(up: &out, down: &into)
        }

        /// Gives back the room lists left behind when they grew, once it is a quarter of the array.
        mutating func compactIfNeeded(force: Bool) {
            if force || 4 * out.garbage > out.arcs.count { out.compact() }
            if force || 4 * into.garbage > into.arcs.count { into.compact() }
        }
    }
}
