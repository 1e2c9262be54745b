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
        for a in out[v] where !see(a.node) { return nil }
        for a in into[v] where !see(a.node) { return nil }
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
    /// - Complexity: O(V + E) over all rounds (each contraction touches two neighbours).
    mutating func contractChains() {
        let n = out.count
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
                for a in into[v] {
                    for b in out[v] where b.node != a.node {
                        shortcuts.append((a.node, Arc(node: b.node, minutes: a.minutes + b.minutes, metres: a.metres + b.metres)))
                    }
                }
                for u in [neighbours.0, neighbours.1] where u >= 0 && mark[Int(u)] != round {
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
