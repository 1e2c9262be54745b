/// The p-median problem (S. L. Hakimi, 1964; M. B. Teitz and P. Bart, "Heuristic methods for
/// estimating the generalized vertex median of a weighted graph", Operations Research 16, 1968):
/// choose p new sites minimising the population-weighted travel time to the nearest site
/// (existing or new).
///
/// A demand point with no site within the matrix bound counts at the bound (documented cap: the
/// objective cannot see beyond the costs it was given). Start: greedy (add the candidate that
/// lowers the objective most, p times); then Teitz–Bart interchange: swap a chosen site for an
/// unchosen candidate whenever that lowers the objective, until no swap does.
/// - Complexity: O(p · candidates · demand) per pass.
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

    public static func solve(_ problem: CoveringProblem, p: Int) -> Solution {
        var chosen: [Int] = []
        let candidates = Array(0..<problem.candidateCount)
        while chosen.count < min(p, candidates.count) {
            var best: (Int, Double)?
            for c in candidates where !chosen.contains(c) {
                let value = objective(problem, chosen + [c])
                if best == nil || value < best!.1 { best = (c, value) }
            }
            chosen.append(best!.0)
        }
        var current = objective(problem, chosen)
        var swaps = 0
        var improved = !chosen.isEmpty
        while improved {
            improved = false
            search: for slot in chosen.indices {
                for c in candidates where !chosen.contains(c) {
                    var trial = chosen
                    trial[slot] = c
                    let value = objective(problem, trial)
                    if value < current * (1 - 1e-12) - 1e-12 {
                        chosen = trial
                        current = value
                        swaps += 1
                        improved = true
                        break search
                    }
                }
            }
        }
        return Solution(chosen: chosen, meanMinutes: current, swaps: swaps)
    }
}
