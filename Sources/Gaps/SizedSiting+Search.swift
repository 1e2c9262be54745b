import HeapModule

/// Sized, budgeted siting: choose new sites (candidate, size in FTE) within a ``SiteBudget`` to
/// minimise an objective (``AccessSiting``, ``CapacitatedCovering``).
///
/// The heuristic, the same at every scale:
/// 1. **Greedy by rate with lazy evaluation**: each step opens the (candidate, size) of largest
///    improvement per FTE, (score before − score after) / FTE, among the sizes the remaining
///    budget allows; rates kept in a max-heap are re-evaluated only when they reach the top
///    (M. Minoux, 1978). The objectives here are not all submodular (two sites may lift a commune
///    together that neither lifts alone), so lazy evaluation is a heuristic, not an exact greedy;
///    it stops when the best fresh rate is not positive, the budget or `maxSites` is used.
/// 2. **Interchange** (first improvement, then greedy again on the budget freed, until no move
///    improves or 100 passes): close a chosen site, and open another candidate or the same at
///    another size, or none, when that lowers the objective. The candidates tried are the
///    `pool` of largest first rates (all of them on a département instance).
/// Each evaluation is incremental (the evaluator's): only the communes a site reaches are read.
/// Checked against exact optima (CBC, exhaustive enumeration) in Tests/reference/equity.json.
/// - Complexity: greedy O(re-evaluations × sizes × evaluation); interchange O(passes × sites × pool × sizes × evaluation).
package enum SizedSiting {
    /// The sites chosen and what they reach.
    package struct Solution: Sendable {
        /// The new sites, in the order they were opened (swaps replace in place).
        package var sites: [SizedSite]
        /// The objective with the existing sites only.
        package var before: SitingScore
        /// The objective after each new site, opened in order (the last is the result).
        package var steps: [SitingScore]
        /// The objective with every new site.
        package var after: SitingScore
        /// Interchanges made after greedy.
        package var swaps: Int
        /// Evaluations of a (candidate, size), the measure of the work.
        package var evaluations: Int
    }

    /// The candidates the interchange tries, by default: the 200 of largest first rate.
    package static let defaultInterchangePool = 200

    /// The heuristic of the type's documentation over `evaluator`'s objective.
    static func solve<E: SitingEvaluator>(_ evaluator: E, budget: SiteBudget, pool: Int = defaultInterchangePool) -> Solution {
        var search = Search(state: evaluator, budget: budget)
        let firstRates = search.greedy()
        let poolCandidates = firstRates.sorted { ($0.key, -$0.candidate) > ($1.key, -$1.candidate) }.prefix(pool).map(\.candidate)
        var passes = 0
        while passes < 100, search.interchange(poolCandidates.sorted()) {
            passes += 1
            _ = search.greedy()
        }
        var replay = evaluator
        let steps = search.sites.map { s -> SitingScore in
            replay.add(s.candidate, fte: s.fte)
            return replay.score
        }
        return Solution(sites: search.sites, before: evaluator.score, steps: steps, after: search.state.score, swaps: search.swaps, evaluations: search.evaluations)
    }

    /// The greedy rate of a move: a move that lowers the stage comes first (by its value after),
    /// then the improvement per FTE.
    struct Rate: Comparable {
        var stageDrop: Int
        var rate: Double
        static func < (a: Rate, b: Rate) -> Bool { (a.stageDrop, a.rate) < (b.stageDrop, b.rate) }
        static let none = Rate(stageDrop: Int.min, rate: -.infinity)
        var isImprovement: Bool { stageDrop > 0 || (stageDrop == 0 && rate > 0) }
    }

    struct Entry: Comparable {
        var key: Rate
        var candidate: Int
        var fte: Double
        static func < (a: Entry, b: Entry) -> Bool { (a.key, -a.candidate) < (b.key, -b.candidate) }
    }

    struct Search<E: SitingEvaluator> {
        var state: E
        let budget: SiteBudget
        var sites: [SizedSite] = []
        var isChosen: [Bool]
        var swaps = 0
        var evaluations = 0

        init(state: E, budget: SiteBudget) {
            self.state = state
            self.budget = budget
            isChosen = [Bool](repeating: false, count: state.candidateCount)
        }

        var used: Double { sites.reduce(0) { $0 + $1.fte } }

        /// The best size at `c` within `remaining` FTE, and its rate against the current score.
        mutating func bestMove(_ c: Int, remaining: Double) -> Entry {
            let now = state.score
            var best = Entry(key: .none, candidate: c, fte: 0)
            for f in budget.sizes where f <= remaining + 1e-9 {
                evaluations += 1
                let after = state.scoreAdding(c, fte: f)
                guard after.stage <= now.stage else { continue }
                let key = after.stage < now.stage
                    ? Rate(stageDrop: now.stage - after.stage, rate: -after.value)
                    : Rate(stageDrop: 0, rate: after.improves(on: now) ? (now.value - after.value) / f : 0)
                if key > best.key { best = Entry(key: key, candidate: c, fte: f) }
            }
            return best
        }

        /// Lazy greedy from the current sites; returns the first (fresh) rates of every useful candidate.
        mutating func greedy() -> [Entry] {
            var first: [Entry] = []
            for c in 0..<state.candidateCount where !isChosen[c] && state.reachesAnyone(c) {
                first.append(bestMove(c, remaining: budget.budget - used))
            }
            var heap = Heap(first)
            while sites.count < budget.maxSites, let top = heap.popMax() {
                let fresh = bestMove(top.candidate, remaining: budget.budget - used)
                if let next = heap.max, fresh < next {
                    if fresh.key.isImprovement { heap.insert(fresh) }
                    continue
                }
                guard fresh.key.isImprovement else { break }
                open(SizedSite(candidate: fresh.candidate, fte: fresh.fte))
            }
            return first
        }

        mutating func open(_ s: SizedSite) {
            state.add(s.candidate, fte: s.fte)
            sites.append(s)
            isChosen[s.candidate] = true
        }

        /// One interchange pass; true when a move was made.
        mutating func interchange(_ pool: [Int]) -> Bool {
            for slot in sites.indices {
                let old = sites[slot], original = state.score
                state.remove(old.candidate, fte: old.fte)
                isChosen[old.candidate] = false
                let remaining = budget.budget - used + old.fte
                if state.score.improves(on: original) {
                    sites.remove(at: slot)
                    swaps += 1
                    return true
                }
                for c in pool where !isChosen[c] {
                    for f in budget.sizes where f <= remaining + 1e-9 && !(c == old.candidate && f == old.fte) {
                        evaluations += 1
                        if state.scoreAdding(c, fte: f).improves(on: original) {
                            state.add(c, fte: f)
                            isChosen[c] = true
                            sites[slot] = SizedSite(candidate: c, fte: f)
                            swaps += 1
                            return true
                        }
                    }
                }
                state.add(old.candidate, fte: old.fte)
                isChosen[old.candidate] = true
            }
            return false
        }
    }
}
