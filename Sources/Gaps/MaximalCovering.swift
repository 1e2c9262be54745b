import HeapModule

/// The maximal covering location problem (R. Church and C. ReVelle, "The maximal covering
/// location problem", Papers of the Regional Science Association 32, 1974): choose k new sites
/// among the candidates to maximise the population newly brought within the threshold, given
/// the existing sites.
///
/// Solved by the greedy algorithm with lazy evaluation (M. Minoux, "Accelerated greedy algorithms
/// for maximizing submodular set functions", 1978): coverage is submodular, so a candidate's
/// gain can only fall; gains kept in a max-heap are re-evaluated only when they reach the top.
/// Greedy is within 1 − 1/e of the optimum (Nemhauser, Wolsey and Fisher, 1978). It stops early
/// when no candidate adds anyone (fewer than k sites are then returned: the rest would be
/// arbitrary). Then an
/// interchange pass swaps a chosen site for an unchosen candidate while that raises the covered
/// population (first improvement, until none).
/// - Complexity: greedy O(k · re-evaluations · coverage lists); each swap pass O(k · candidates · list).
public enum MaximalCovering {
    /// The k new sites chosen, what each adds and the total covered.
    public struct Solution: Sendable, Equatable {
        /// The chosen candidates, in the order greedy took them (swaps replace in place).
        public var chosen: [Int]
        /// Population newly covered by each chosen site, in order (marginal to those before it).
        public var gains: [Double]
        /// Population covered by existing and chosen sites together.
        public var covered: Double
        /// The number of interchanges made after greedy (0 with `interchange: false`).
        public var swaps: Int
    }

    /// Chooses up to `k` candidates maximising the population within the threshold (greedy with lazy
    /// evaluation, then interchange unless `interchange` is false).
    ///
    /// ```swift
    /// let costs = CostMatrix(destinationCount: 2, maxMinutes: 30, rows: [
    ///     [.init(destination: 0, minutes: 10)], [.init(destination: 1, minutes: 5)], [.init(destination: 1, minutes: 20)],
    /// ])
    /// let problem = CoveringProblem(weights: [100, 50, 80], costs: costs, existing: [nil, nil, nil], threshold: 30)
    /// MaximalCovering.solve(problem, k: 1).chosen  // [1]: 130 residents against 100
    /// ```
    /// - Complexity: see the type.
    public static func solve(_ problem: CoveringProblem, k: Int, interchange: Bool = true) -> Solution {
        let lists = problem.newlyCoverable()
        var isCovered = [Bool](repeating: false, count: problem.weights.count)
        func gain(_ j: Int) -> Double { lists[j].reduce(0) { $0 + (isCovered[$1] ? 0 : problem.weights[$1]) } }

        struct Entry: Comparable {
            var gain: Double
            var candidate: Int
            static func < (a: Entry, b: Entry) -> Bool { (a.gain, -a.candidate) < (b.gain, -b.candidate) }
        }
        var heap = Heap<Entry>((0..<problem.candidateCount).map { Entry(gain: gain($0), candidate: $0) })
        var chosen: [Int] = []
        while chosen.count < min(k, problem.candidateCount), let top = heap.popMax() {
            let fresh = gain(top.candidate)
            if let next = heap.max, fresh < next.gain || (fresh == next.gain && next.candidate < top.candidate) {
                heap.insert(Entry(gain: fresh, candidate: top.candidate))
                continue
            }
            guard fresh > 0 else { break }
            chosen.append(top.candidate)
            for o in lists[top.candidate] { isCovered[o] = true }
        }
        var swaps = 0
        if interchange && !chosen.isEmpty {
            // coverCount[o]: chosen sites covering demand point o (existing coverage is excluded
            // from the lists). Swapping slot s for c changes the covered weight by
            // Σ_{o ∈ c, uncovered without s} w − Σ_{o ∈ s, covered by s alone} w.
            var coverCount = [Int](repeating: 0, count: problem.weights.count)
            for j in chosen { for o in lists[j] { coverCount[o] += 1 } }
            let useful = (0..<problem.candidateCount).filter { !lists.isEmpty($0) }
            var sMembers = [Bool](repeating: false, count: problem.weights.count)  // the demand points of slot s
            var improved = true
            while improved {
                improved = false
                let inSolution = problem.membership(chosen)
                search: for slot in chosen.indices {
                    let s = chosen[slot]
                    for o in lists[s] { sMembers[o] = true }
                    defer { for o in lists[s] { sMembers[o] = false } }
                    let loss = lists[s].reduce(0) { $0 + (coverCount[$1] == 1 ? problem.weights[$1] : 0) }
                    for c in useful where !inSolution[c] {
                        var gain = 0.0
                        for o in lists[c] where coverCount[o] - (sMembers[o] ? 1 : 0) == 0 { gain += problem.weights[o] }
                        if gain - loss > 1e-9 {
                            for o in lists[s] { coverCount[o] -= 1 }
                            for o in lists[c] { coverCount[o] += 1 }
                            chosen[slot] = c
                            swaps += 1
                            improved = true
                            break search
                        }
                    }
                }
            }
        }
        return Solution(chosen: chosen, gains: marginalGains(problem, chosen, lists), covered: problem.coveredWeight(chosen: chosen), swaps: swaps)
    }

    static func marginalGains(_ problem: CoveringProblem, _ chosen: [Int], _ lists: CandidateLists) -> [Double] {
        var isCovered = [Bool](repeating: false, count: problem.weights.count)
        return chosen.map { j in
            var g = 0.0
            for o in lists[j] where !isCovered[o] {
                isCovered[o] = true
                g += problem.weights[o]
            }
            return g
        }
    }
}
