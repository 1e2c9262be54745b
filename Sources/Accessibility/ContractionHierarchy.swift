import GeoCore

/// A contraction hierarchy over a ``RoadNetwork`` (R. Geisberger, P. Sanders, D. Schultes,
/// D. Delling, "Contraction Hierarchies: Faster and Simpler Hierarchical Routing in Road
/// Networks", WEA 2008, LNCS 5038, 319–333).
///
/// Nodes are contracted in the order of ``Builder`` (shape nodes first, then the junctions in
/// parallel rounds); contracting v adds a shortcut
/// u→w (minutes and metres of u→v→w) for every pair of neighbours whose shortest path runs
/// through v. Every node then keeps its **upward** edges (to nodes contracted later) and the
/// **downward** edges into it from later nodes, both in compressed rows; a shortest u→w path is
/// an upward search from u meeting a backward search (over the downward edges, reversed) from w
/// at the highest node of the path. A shortcut's metres are those of its min-time path, so
/// road kilometres come out of the same searches.
package struct ContractionHierarchy: Sendable {
    /// Upward edges of `v`: `upStart[v] ..< upStart[v + 1]`, towards `upTarget`.
    package internal(set) var upStart: [Int32]
    package internal(set) var upTarget: [Int32]
    package internal(set) var upMinutes: [Double]
    package internal(set) var upMetres: [Double]
    /// Edges into `v` from later nodes: `downStart[v] ..< downStart[v + 1]`, from `downSource`.
    package internal(set) var downStart: [Int32]
    package internal(set) var downSource: [Int32]
    package internal(set) var downMinutes: [Double]
    package internal(set) var downMetres: [Double]

    /// The number of nodes.
    package var nodeCount: Int { upStart.count - 1 }
    /// The number of edges, shortcuts included (each stored once, up or down).
    package var edgeCount: Int { upTarget.count + downSource.count }

    /// The hierarchy of `network`, its junctions contracted on all cores (see ``Builder`` and
    /// ``Builder/contractJunctionsInRounds()``).
    package init(network: RoadNetwork) {
        var builder = Builder(network: network)
        self = builder.build()
    }

    /// A hierarchy from stored arrays (a prepared-graph file), checked: throws
    /// ``RoadNetwork/Inconsistent`` when an offset or node index is out of range.
    package init(
        upStart: [Int32], upTarget: [Int32], upMinutes: [Double], upMetres: [Double], downStart: [Int32], downSource: [Int32], downMinutes: [Double],
        downMetres: [Double], nodeCount: Int
    ) throws {
        func valid(_ start: [Int32], _ node: [Int32], _ a: [Double], _ b: [Double]) -> Bool {
            start.count == nodeCount + 1 && start.first == 0 && Int(start.last!) == node.count && a.count == node.count && b.count == node.count
                && zip(start, start.dropFirst()).allSatisfy { $0 <= $1 } && node.allSatisfy { $0 >= 0 && Int($0) < nodeCount }
        }
        guard valid(upStart, upTarget, upMinutes, upMetres), valid(downStart, downSource, downMinutes, downMetres) else { throw RoadNetwork.Inconsistent() }
        (self.upStart, self.upTarget, self.upMinutes, self.upMetres) = (upStart, upTarget, upMinutes, upMetres)
        (self.downStart, self.downSource, self.downMinutes, self.downMetres) = (downStart, downSource, downMinutes, downMetres)
    }

    /// The hierarchy of the builder's final lists (each node's upward and downward arcs), one
    /// direction after the other, each direction's lists emptied once copied (at the peak: both
    /// lists and the upward rows).
    init(up: inout ArcLists, down: inout ArcLists) {
        (upStart, upTarget, upMinutes, upMetres) = up.compressedRows()
        (downStart, downSource, downMinutes, downMetres) = down.compressedRows()
    }

    /// The least minutes from node `from` to node `to` (graph indices; ``RoadNetwork/node(osmID:)``
    /// maps OSM ids) and the metres of that path; nil when `to` cannot be reached.
    /// Unbounded upward search from `from`, downward (reversed) from `to`, least sum where they meet.
    package func nodeToNode(from: Int, to: Int) -> (minutes: Double, metres: Double)? {
        var search = HierarchySearch(nodeCount: nodeCount)
        let forward = search.run(seeds: [RoadSeed(node: Int32(from), minutes: 0, metres: 0)], bound: .infinity, in: self, upward: true)
        var reached: [Int32: (Double, Double)] = [:]
        for s in forward { reached[s.node] = (s.minutes, s.metres) }
        var best: (minutes: Double, metres: Double)?
        for s in search.run(seeds: [RoadSeed(node: Int32(to), minutes: 0, metres: 0)], bound: .infinity, in: self, upward: false) {
            guard let f = reached[s.node] else { continue }
            if best == nil || f.0 + s.minutes < best!.minutes { best = (f.0 + s.minutes, f.1 + s.metres) }
        }
        return best
    }
}

/// An edge of the hierarchy while it is built: the node at its other end, minutes and metres,
/// and how many road edges it stands for (1 for a road edge, the sum of its two halves for a
/// shortcut: the "original edges" term of the contraction order).
package struct Arc: Sendable, Equatable {
    package var node: Int32
    package var hops: Int32 = 1
    package var minutes: Double
    package var metres: Double

    package init(node: Int32, hops: Int32 = 1, minutes: Double, metres: Double) {
        (self.node, self.hops, self.minutes, self.metres) = (node, hops, minutes, metres)
    }

    /// The arc `self` then `next` (a shortcut through the node between them).
    func then(_ next: Arc) -> Arc {
        Arc(node: next.node, hops: hops + next.hops, minutes: minutes + next.minutes, metres: metres + next.metres)
    }
}
