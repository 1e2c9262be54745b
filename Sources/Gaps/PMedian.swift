/// The p-median problem (S. L. Hakimi, 1964): choose p new sites minimising the
/// population-weighted travel time to the nearest site (existing or new).
///
/// A demand point with no site within the matrix bound counts at the bound (documented cap: the
/// objective cannot see beyond the costs it was given); existing sites are permanent.
///
/// Start: greedy, each time the candidate of largest gain (decrease of the objective), ties to
/// the lowest index. A gain can only shrink as sites are added, so lazy evaluation (stale gains
/// in a max-heap re-evaluated only at the top) would pick the same sites; here all gains are
/// recomputed by one pass over the rows per pick, so that no transposed copy of the matrix is
/// needed. Then swap-based local search in the form of M. G. C. Resende and R. F. Werneck, "A fast
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
/// - Complexity: O(nnz) per greedy pick and O(nnz + candidates · p) per swap, nnz the entries of
///   the cost matrix (rows read only up to d₁ or d₂); memory: the matrix as given (no copy),
///   O(demand + candidates) and O(candidates · p) for `extra`.
public enum PMedian {
    /// The p new sites chosen, the objective they reach and the local search's work.
    public struct Solution: Sendable, Equatable {
        /// The chosen candidates' indices (destinations of the problem's cost matrix).
        public var chosen: [Int]
        /// Σ wᵢ · min(time to nearest site, bound) / Σ wᵢ.
        public var meanMinutes: Double
        /// The number of swaps the local search made after greedy.
        public var swaps: Int
    }

    /// The p-median objective for the candidates `chosen` with the existing sites: the
    /// population-weighted mean time to the nearest site, Σ wᵢ · min(tᵢ, bound) / Σ wᵢ, in minutes
    /// (0 without population).
    /// - Complexity: O(entries of the cost matrix).
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
        let p = min(p, problem.candidateCount)
        let total = problem.weights.reduce(0, +)
        guard p > 0, total > 0 else { return Solution(chosen: [], meanMinutes: total > 0 ? objective(problem, []) : 0, swaps: 0) }
        var search = SwapSearch(problem, p: p, total: total)
        search.greedyStart()
        progress?(0, search.meanOfNearest())
        search.prepareSwaps()
        var swaps = 0
        while let swap = search.bestSwap() {
            search.make(swap)
            swaps += 1
            progress?(swaps, objective(problem, search.chosen))
        }
        return Solution(chosen: search.chosen, meanMinutes: objective(problem, search.chosen), swaps: swaps)
    }
}
