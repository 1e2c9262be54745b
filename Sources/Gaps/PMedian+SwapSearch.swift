import Accessibility

extension PMedian {
    /// The state of ``PMedian/solve(_:p:progress:)``: the cost matrix's rows (read row by row:
    /// no transposed copy), the chosen sites, and per demand point the times d₁, d₂ to its
    /// nearest and second-nearest site with φ₁ the slot of the nearest chosen one; then gain,
    /// loss and extra of the swap-based local search (the formulas are in ``PMedian``'s
    /// documentation).
    struct SwapSearch {
        let costs: CostMatrix, w: [Double]
        let n: Int, candidates: Int, p: Int, bound: Double, total: Double
        /// Per demand point: its time to an existing site, capped at the bound.
        let base: [Double]
        var chosen: [Int] = []
        var isChosen: [Bool]
        var d1: [Double]
        var gains: [Double]
        // The local search's, allocated by prepareSwaps().
        var slot: [Int] = [], phi1: [Int] = [], d2: [Double] = []
        var loss: [Double] = [], extra: [Double] = []

        init(_ problem: CoveringProblem, p: Int, total: Double) {
            costs = problem.costs
            w = problem.weights
            n = costs.originCount
            candidates = problem.candidateCount
            bound = costs.maxMinutes
            self.p = p
            self.total = total
            let bound = bound
            base = (0..<n).map { min(problem.existing[$0] ?? bound, bound) }
            isChosen = [Bool](repeating: false, count: candidates)
            d1 = base
            gains = [Double](repeating: 0, count: candidates)
        }

        /// gain(c) = Σₒ wₒ max(0, d₁(o) − d(o, c)) of every candidate not chosen (0 for the
        /// chosen), in one pass over the rows, each read only up to d₁ (rows are sorted by time);
        /// each sum is taken in increasing o, as a column would give it.
        mutating func computeGains() {
            for c in 0..<candidates { gains[c] = 0 }
            for o in 0..<n {
                let d = d1[o]
                for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                    let t = costs.minutes[k]
                    if t >= d { break }
                    let c = Int(costs.destinations[k])
                    if !isChosen[c] { gains[c] += w[o] * (d - t) }
                }
            }
        }

        /// The mean time to the nearest site, weighted (d₁ as it stands).
        func meanOfNearest() -> Double { zip(d1, w).reduce(0) { $0 + $1.0 * $1.1 } / total }
    }
}

extension PMedian.SwapSearch {
    /// The greedy start: p candidates, each the one of largest gain, ties to the lowest index
    /// (the choice of the lazy greedy of ``PMedian``'s documentation: a gain can only shrink as
    /// sites are added, so re-evaluating stale gains at the top of a heap picks the same site),
    /// all gains recomputed from the rows after each pick.
    mutating func greedyStart() {
        while chosen.count < p {
            computeGains()
            var pick = -1
            for c in 0..<candidates where !isChosen[c] && (pick < 0 || gains[c] > gains[pick]) { pick = c }
            guard pick >= 0 else { return }
            chosen.append(pick)
            isChosen[pick] = true
            for o in 0..<n {
                for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                    if costs.minutes[k] >= d1[o] { break }
                    if Int(costs.destinations[k]) == pick {
                        d1[o] = costs.minutes[k]
                        break
                    }
                }
            }
        }
    }

    /// Allocates the local search's state, each chosen site in its slot.
    mutating func prepareSwaps() {
        slot = [Int](repeating: -1, count: candidates)
        for (s, c) in chosen.enumerated() { slot[c] = s }
        phi1 = [Int](repeating: -1, count: n)  // slot of the nearest chosen site; −1: existing or bound
        d2 = [Double](repeating: bound, count: n)
        loss = [Double](repeating: 0, count: p)
        extra = [Double](repeating: 0, count: candidates * p)
    }
}
