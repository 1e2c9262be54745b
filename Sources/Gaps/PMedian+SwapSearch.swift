import Accessibility
import HeapModule

extension PMedian {
    /// The state of ``PMedian/solve(_:p:progress:)``: the cost matrix by candidate (its
    /// transpose), the chosen sites, and per demand point the times d₁, d₂ to its nearest and
    /// second-nearest site with φ₁ the slot of the nearest chosen one; then gain, loss and extra
    /// of the swap-based local search (the formulas are in ``PMedian``'s documentation).
    struct SwapSearch {
        let costs: CostMatrix, w: [Double]
        let n: Int, candidates: Int, p: Int, bound: Double, total: Double
        /// Per demand point: its time to an existing site, capped at the bound.
        let base: [Double]
        /// Columns: for each candidate c, the demand points it reaches and the times, at
        /// `columnStart[c]..<columnStart[c + 1]`.
        let columnStart: [Int], columnOrigin: [Int32], columnMinutes: [Double]
        var chosen: [Int] = []
        var isChosen: [Bool]
        var d1: [Double]
        // The local search's, allocated by prepareSwaps().
        var slot: [Int] = [], phi1: [Int] = [], d2: [Double] = []
        var gains: [Double] = [], loss: [Double] = [], extra: [Double] = []

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
            (columnStart, columnOrigin, columnMinutes) = Self.columns(costs, candidates: candidates)
            isChosen = [Bool](repeating: false, count: candidates)
            d1 = base
        }

        /// The transpose of `costs`: for each candidate, the demand points it reaches and the times.
        static func columns(_ costs: CostMatrix, candidates: Int) -> (start: [Int], origin: [Int32], minutes: [Double]) {
            var columnStart = [Int](repeating: 0, count: candidates + 1)
            for d in costs.destinations { columnStart[Int(d) + 1] += 1 }
            for c in 0..<candidates { columnStart[c + 1] += columnStart[c] }
            var fill = columnStart
            var columnOrigin = [Int32](repeating: 0, count: costs.entryCount), columnMinutes = [Double](repeating: 0, count: costs.entryCount)
            for o in 0..<costs.originCount {
                for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                    let c = Int(costs.destinations[k])
                    columnOrigin[fill[c]] = Int32(o)
                    columnMinutes[fill[c]] = costs.minutes[k]
                    fill[c] += 1
                }
            }
            return (columnStart, columnOrigin, columnMinutes)
        }

        /// Σₒ wₒ max(0, d₁(o) − d(o, c)): what adding candidate c saves.
        func gain(_ c: Int) -> Double {
            var g = 0.0
            for e in columnStart[c]..<columnStart[c + 1] {
                let o = Int(columnOrigin[e])
                let t = columnMinutes[e]
                if t < d1[o] { g += w[o] * (d1[o] - t) }
            }
            return g
        }

        /// The mean time to the nearest site, weighted (d₁ as it stands).
        func meanOfNearest() -> Double { zip(d1, w).reduce(0) { $0 + $1.0 * $1.1 } / total }
    }
}

extension PMedian.SwapSearch {
    private struct Entry: Comparable {
        var gain: Double
        var candidate: Int
        static func < (a: Entry, b: Entry) -> Bool { (a.gain, -a.candidate) < (b.gain, -b.candidate) }
    }

    /// The greedy start, lazily: p candidates, each the one of largest gain (ties to the lowest
    /// index), a stale gain re-evaluated only when it reaches the top of the heap.
    mutating func greedyStart() {
        var heap = Heap<Entry>((0..<candidates).map { Entry(gain: gain($0), candidate: $0) })
        while chosen.count < p, let top = heap.popMax() {
            let fresh = gain(top.candidate)
            if let next = heap.max, fresh < next.gain || (fresh == next.gain && next.candidate < top.candidate) {
                heap.insert(Entry(gain: fresh, candidate: top.candidate))
                continue
            }
            chosen.append(top.candidate)
            isChosen[top.candidate] = true
            for e in columnStart[top.candidate]..<columnStart[top.candidate + 1] {
                let o = Int(columnOrigin[e])
                d1[o] = min(d1[o], columnMinutes[e])
            }
        }
    }

    /// Allocates the local search's state, each chosen site in its slot.
    mutating func prepareSwaps() {
        slot = [Int](repeating: -1, count: candidates)
        for (s, c) in chosen.enumerated() { slot[c] = s }
        phi1 = [Int](repeating: -1, count: n)  // slot of the nearest chosen site; −1: existing or bound
        d2 = [Double](repeating: bound, count: n)
        gains = [Double](repeating: 0, count: candidates)
        loss = [Double](repeating: 0, count: p)
        extra = [Double](repeating: 0, count: candidates * p)
    }
}
