import Foundation
import GeoCore

/// One route found by ``ContractionHierarchy/manyToMany(sources:targets:bound:)``: the target's
/// index, the least minutes and the metres of that path.
package struct Route: Sendable, Equatable {
    package var target: Int32
    package var minutes: Double
    package var metres: Double
}

extension ContractionHierarchy {
    /// The same graph, not contracted: every edge upward, none downward. Its ``manyToMany`` is
    /// plain bounded Dijkstra from each source (the buckets hold only the targets' own seeds):
    /// the oracle the contracted hierarchy is tested against.
    package init(uncontracted network: RoadNetwork) {
        (upStart, upTarget, upMinutes, upMetres) = (network.edgeStart, network.edgeTarget, network.edgeMinutes, network.edgeMetres)
        (downStart, downSource, downMinutes, downMetres) = ([Int32](repeating: 0, count: network.nodes.count + 1), [], [], [])
    }

    /// Least-time routes from every source to every target within `bound` minutes, each place
    /// given by the nodes where it joins the graph and what joining costs (``RoadSeed``).
    ///
    /// The bucket algorithm of S. Knopp, P. Sanders, D. Schultes, F. Schulz, D. Wagner,
    /// "Computing Many-to-Many Shortest Paths Using Highway Hierarchies", ALENEX 2007, on a
    /// contraction hierarchy: a backward search from each target (seeded by its arrival nodes)
    /// leaves (target, minutes, metres) in the bucket of every node it settles; a forward upward
    /// search from each source (seeded by its departure nodes) scans the buckets of the nodes it
    /// settles, and the least sum per target is the route. Both searches stop at `bound`.
    /// Backward searches in parallel over targets, forward searches in parallel over sources.
    /// - Complexity: O((S + T) × search space + bucket entries scanned).
    package func manyToMany(sources: [[RoadSeed]], targets: [[RoadSeed]], bound: Double) -> [[Route]] {
        let buckets = Buckets(self, targets: targets, bound: bound)
        let n = nodeCount, targetCount = targets.count
        return Self.parts(sources.count).concurrentMap { range -> [[Route]] in
            var search = HierarchySearch(nodeCount: n)
            var best = [Double](repeating: .infinity, count: targetCount)
            var metres = [Double](repeating: 0, count: targetCount)
            var reached: [Int32] = []
            return range.map { s in
                for x in search.run(seeds: sources[s], bound: bound, in: self, upward: true) {
                    for k in Int(buckets.start[Int(x.node)])..<Int(buckets.start[Int(x.node) + 1]) {
                        let t = Int(buckets.target[k]), total = x.minutes + buckets.minutes[k]
                        guard total <= bound, total < best[t] else { continue }
                        if best[t] == .infinity { reached.append(Int32(t)) }
                        best[t] = total
                        metres[t] = x.metres + buckets.metres[k]
                    }
                }
                defer {
                    for t in reached { best[Int(t)] = .infinity }
                    reached.removeAll(keepingCapacity: true)
                }
                return reached.map { Route(target: $0, minutes: best[Int($0)], metres: metres[Int($0)]) }
            }
        }.flatMap { try! $0.get() }
    }

    /// `count` items cut into about two ranges per core, each searched with one set of arrays.
    static func parts(_ count: Int) -> [Range<Int>] {
        let parts = max(1, min(2 * ProcessInfo.processInfo.activeProcessorCount, count))
        return (0..<parts).map { p in (count * p / parts)..<(count * (p + 1) / parts) }
    }

    /// The targets' backward search labels, grouped by node (compressed rows).
    struct Buckets {
        var start: [Int32]
        var target: [Int32] = []
        var minutes: [Double] = []
        var metres: [Double] = []

        init(_ ch: ContractionHierarchy, targets: [[RoadSeed]], bound: Double) {
            let n = ch.nodeCount
            let labels = ContractionHierarchy.parts(targets.count).concurrentMap { range -> [(Int32, Route)] in
                var search = HierarchySearch(nodeCount: n)
                return range.flatMap { t in
                    search.run(seeds: targets[t], bound: bound, in: ch, upward: false).map { ($0.node, Route(target: Int32(t), minutes: $0.minutes, metres: $0.metres)) }
                }
            }.flatMap { try! $0.get() }
            start = [Int32](repeating: 0, count: n + 1)
            for (node, _) in labels { start[Int(node) + 1] += 1 }
            for v in 0..<n { start[v + 1] += start[v] }
            var fill = start
            target = [Int32](repeating: 0, count: labels.count)
            minutes = [Double](repeating: 0, count: labels.count)
            metres = [Double](repeating: 0, count: labels.count)
            for (node, r) in labels {
                let k = Int(fill[Int(node)])
                (target[k], minutes[k], metres[k]) = (r.target, r.minutes, r.metres)
                fill[Int(node)] += 1
            }
        }
    }
}
