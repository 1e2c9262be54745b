import HeapModule

/// The p-median problem (S. L. Hakimi, 1964): choose p new sites minimising the
/// population-weighted travel time to the nearest site (existing or new).
///
/// A demand point with no site within the matrix bound counts at the bound (documented cap: the
/// objective cannot see beyond the costs it was given); existing sites are permanent.
///
/// Start: greedy with lazy evaluation (the decrease of the objective brought by a candidate can
/// only shrink as sites are added, so stale gains in a max-heap are re-evaluated only at the
/// top). Then swap-based local search in the form of M. G. C. Resende and R. F. Werneck, "A fast
/// swap-based local search procedure for location problems", Annals of Operations Research 150,
/// 2007 (after R. A. Whitaker, "A fast algorithm for the greedy interchange for large-scale
/// clustering and median location problems", INFOR 21, 1983): with d₁, d₂ the times to the
/// nearest and second-nearest site and φ₁ the nearest chosen site, the profit of inserting i and
/// removing r is
///
///   gain(i) − loss(r) + extra(i, r), with
///   gain(i) = Σₒ wₒ max(0, d₁(o) − d(o, i)),
///   loss(r) = Σ_{o: φ₁(o) = r} wₒ (d₂(o) − d₁(o)),
///   extra(i, r) = Σ_{o: φ₁(o) = r, d(o, i) < d₂(o)} wₒ (d₂(o) − max(d(o, i), d₁(o))),
///
/// all found in one pass over the sparse rows (each sorted by time, so a row is read only up to
/// d₂); the best swap is made while its profit is positive. The result is swap-optimal: no
/// single exchange of a chosen site for a candidate lowers the objective (tested).
/// - Complexity: O(nnz + candidates · p) per swap, nnz the entries of the cost matrix; memory
///   O(nnz) for the transposed matrix and O(candidates · p) for `extra`.
public enum PMedian {
    public struct Solution: Sendable, Equatable {
        public var chosen: [Int]
        /// Σ wᵢ · min(time to nearest site, bound) / Σ wᵢ.
        public var meanMinutes: Double
        public var swaps: Int
    }

    public static func objective(_ problem: CoveringProblem, _ chosen: [Int]) -> Double {
        let bound = problem.costs.maxMinutes
        let times = problem.nearestTimes(chosen: chosen)
        let total = problem.weights.reduce(0, +)
        guard total > 0 else { return 0 }
        return zip(times, problem.weights).reduce(0) { $0 + min($1.0 ?? bound, bound) * $1.1 } / total
    }

    /// - Parameter progress: called after the greedy start and after each swap with the swap
    ///   count and the current mean minutes.
    public static func solve(_ problem: CoveringProblem, p: Int, progress: ((Int, Double) -> Void)? = nil) -> Solution {
        let costs = problem.costs, w = problem.weights
        let n = costs.originCount, candidates = problem.candidateCount, bound = costs.maxMinutes
        let p = min(p, candidates)
        let total = w.reduce(0, +)
        guard p > 0, total > 0 else { return Solution(chosen: [], meanMinutes: total > 0 ? objective(problem, []) : 0, swaps: 0) }
        let base = (0..<n).map { min(problem.existing[$0] ?? bound, bound) }

        // Columns: for each candidate, the demand points it reaches and the times.
        var columnStart = [Int](repeating: 0, count: candidates + 1)
        for d in costs.destinations { columnStart[Int(d) + 1] += 1 }
        for c in 0..<candidates { columnStart[c + 1] += columnStart[c] }
        var fill = columnStart
        var columnOrigin = [Int32](repeating: 0, count: costs.entryCount), columnMinutes = [Double](repeating: 0, count: costs.entryCount)
        for o in 0..<n {
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                let c = Int(costs.destinations[k])
                columnOrigin[fill[c]] = Int32(o)
                columnMinutes[fill[c]] = costs.minutes[k]
                fill[c] += 1
            }
        }

        // Greedy start, lazily.
        var d1 = base
        func gain(_ c: Int) -> Double {
            var g = 0.0
            for e in columnStart[c]..<columnStart[c + 1] {
                let o = Int(columnOrigin[e])
                let t = columnMinutes[e]
                if t < d1[o] { g += w[o] * (d1[o] - t) }
            }
            return g
        }
        struct Entry: Comparable {
            var gain: Double
            var candidate: Int
            static func < (a: Entry, b: Entry) -> Bool { (a.gain, -a.candidate) < (b.gain, -b.candidate) }
        }
        var heap = Heap<Entry>((0..<candidates).map { Entry(gain: gain($0), candidate: $0) })
        var chosen: [Int] = []
        var isChosen = [Bool](repeating: false, count: candidates)
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
        func mean() -> Double { zip(d1, w).reduce(0) { $0 + $1.0 * $1.1 } / total }
        progress?(0, mean())

        // Swap-based local search.
        var slot = [Int](repeating: -1, count: candidates)
        for (s, c) in chosen.enumerated() { slot[c] = s }
        var phi1 = [Int](repeating: -1, count: n)  // slot of the nearest chosen site; −1: existing or bound
        var d2 = [Double](repeating: bound, count: n)
        var gains = [Double](repeating: 0, count: candidates)
        var loss = [Double](repeating: 0, count: p)
        var extra = [Double](repeating: 0, count: candidates * p)
        var swaps = 0
        let tolerance = 1e-12 * max(1, total * bound)
        while true {
            // Nearest and second nearest among the existing site (or the bound) and the chosen.
            for o in 0..<n {
                var first = base[o], second = bound, owner = -1
                for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                    let c = Int(costs.destinations[k])
                    guard isChosen[c] else { continue }
                    let t = costs.minutes[k]
                    if t >= second { break }
                    if t < first { second = first; first = t; owner = slot[c] } else { second = t }
                }
                d1[o] = first; d2[o] = second; phi1[o] = owner
            }
            for c in 0..<candidates { gains[c] = isChosen[c] ? 0 : gain(c) }
            for s in 0..<p { loss[s] = 0 }
            for i in extra.indices { extra[i] = 0 }
            for o in 0..<n where phi1[o] >= 0 {
                let r = phi1[o]
                loss[r] += w[o] * (d2[o] - d1[o])
                for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                    let t = costs.minutes[k]
                    if t >= d2[o] { break }
                    let c = Int(costs.destinations[k])
                    if isChosen[c] { continue }
                    extra[c * p + r] += w[o] * (d2[o] - max(t, d1[o]))
                }
            }
            var best = (profit: tolerance, insert: -1, remove: -1)
            for c in 0..<candidates where !isChosen[c] && gains[c] > 0 {
                for r in 0..<p {
                    let profit = gains[c] - loss[r] + extra[c * p + r]
                    if profit > best.profit { best = (profit, c, r) }
                }
            }
            guard best.insert >= 0 else { break }
            let removed = chosen[best.remove]
            isChosen[removed] = false
            slot[removed] = -1
            chosen[best.remove] = best.insert
            isChosen[best.insert] = true
            slot[best.insert] = best.remove
            swaps += 1
            progress?(swaps, objective(problem, chosen))
        }
        return Solution(chosen: chosen, meanMinutes: objective(problem, chosen), swaps: swaps)
    }
}
