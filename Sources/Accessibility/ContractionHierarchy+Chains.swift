extension ContractionHierarchy.Builder {
    /// The distinct neighbours (in or out) of `v`, when it has at most two: a shape node of a
    /// road (two), the end of a dead end (one) or an isolated node (none; −1 marks an absent
    /// neighbour); nil otherwise.
    func chainNeighbours(of v: Int) -> (Int32, Int32)? {
        var first: Int32 = -1, second: Int32 = -1
        func see(_ node: Int32) -> Bool {
            if node == first || node == second { return true }
            if first < 0 { first = node } else if second < 0 { second = node } else { return false }
            return true
        }
        for k in out.range(v) where !see(out.arcs[k].node) { return nil }
        for k in into.range(v) where !see(into.arcs[k].node) { return nil }
        return (first, second)
    }

    /// The first phase of the contraction: every node with at most two distinct neighbours is
    /// contracted **without witness search** — its shortcuts u→w (when u→v and v→w exist) and
    /// w→u (when w→v and v→u exist) are simply added, keeping the faster parallel edge (a
    /// shortcut is the length of a real path, so an unneeded one never makes an answer wrong;
    /// the hierarchy stays exact). This is how most implementations treat degree-2 shape nodes
    /// first (cf. the degree-2 compression of OSRM before its contraction; Geisberger et al.
    /// 2008 reach such nodes first by priority, their edge difference being ≤ 0).
    ///
    /// Chains are contracted in **rounds of independent nodes**: in a round, a node is skipped
    /// when a neighbour was contracted earlier in the same round (its neighbours are marked), so
    /// every shortcut joins two nodes of the current graph and a chain of k nodes is halved at
    /// each round — a hierarchy of depth about log₂ k, not k (short upward searches). Marked
    /// nodes are the next round's candidates; the phase ends when a round contracts nothing.
    /// Each contraction makes its neighbours' depth one more than its own at least, so that the
    /// junctions' priorities start from the depth of the chains below them.
    /// - Complexity: O(V + E) over all rounds (each contraction touches two neighbours).
    mutating func contractChains() {
        let n = contracted.count
        var mark = [Int32](repeating: -1, count: n)
        var candidates = [Int32](0..<Int32(n))
        var round: Int32 = 0
        var shortcuts: [(Int32, Arc)] = []
        while !candidates.isEmpty {
            var next: [Int32] = []
            for c in candidates {
                let v = Int(c)
                guard !contracted[v], mark[v] != round, let neighbours = chainNeighbours(of: v) else { continue }
                shortcuts.removeAll(keepingCapacity: true)
                for i in into.range(v) {
                    let a = into.arcs[i]
                    for k in out.range(v) where out.arcs[k].node != a.node { shortcuts.append((a.node, a.then(out.arcs[k]))) }
                }
                for u in [neighbours.0, neighbours.1] where u >= 0 {
                    depth[Int(u)] = max(depth[Int(u)], depth[v] + 1)
                    guard mark[Int(u)] != round else { continue }
                    mark[Int(u)] = round
                    next.append(u)
                }
                contract(v, shortcuts: shortcuts)
            }
            candidates = next
            round += 1
        }
    }
}
