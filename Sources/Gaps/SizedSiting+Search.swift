import HeapModule

/// Sized, budgeted siting: choose new sites (candidate, size in FTE) within a ``SiteBudget`` to
/// minimise an objective (``AccessSiting``, ``CapacitatedCovering``).
///
/// The heuristic, the same at every scale:
/// 1. **Greedy by rate with lazy evaluation**, twice when there are several sizes (rates per FTE, then
///    improvements in all; the better result is kept): each step opens the (candidate, size) of largest
///    improvement per FTE, (score before − score after) / FTE, among the sizes the remaining
///    budget allows; rates kept in a max-heap are re-evaluated only when they reach the top
///    (M. Minoux, 1978). The objectives here are not all submodular (two sites may lift a commune
///    together that neither lifts alone), so lazy evaluation is a heuristic, not an exact greedy;
///    it stops when the best fresh rate is not positive, the budget or `maxSites` is used.
/// 2. **Interchange** (best improvement, then greedy again among the pool on the budget freed, until no move
///    improves or 100 passes): close a chosen site, and open another candidate or the same at
///    another size, or none, when that lowers the objective. The candidates tried are the
///    `pool` of largest first rates (all of them on a département instance). When no single
///    move improves, **pair interchange**: close up to two chosen sites and open two others
///    (among the 40 candidates of largest first rate, two whose sites share a commune), which
///    finds what two sites do together that neither does alone (a commune lifted above a
///    threshold by both); pair moves start from the better of the two greedy results only,
///    and a pass evaluates at most 50,000 of them.
/// Each evaluation is incremental (the evaluator's): only the communes a site reaches are read.
/// Checked against exact optima (CBC, exhaustive enumeration) in Tests/reference/equity.json.
/// - Complexity: greedy O(re-evaluations × sizes × evaluation); interchange O(passes × sites × pool × sizes × evaluation).
package enum SizedSiting {
    /// The sites chosen and what they reach.
    package struct Solution: Sendable {
        /// The new sites, in the order they were opened (a site swapped in comes last).
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
    /// The candidates the pair interchange tries: the 40 of largest first rate (every candidate
    /// of the reference instances).
    static let pairPool = 40
    /// The most pair moves one pair-interchange pass evaluates (in order: no site closed, one,
    /// two; pairs by first rate): about 20,000 are needed on the reference instances, and the
    /// cap bounds the national run.
    static let pairEvaluationsPerPass = 50_000

    /// The heuristic of the type's documentation over `evaluator`'s objective.
    static func solve<E: SitingEvaluator>(_ evaluator: E, budget: SiteBudget, pool: Int = defaultInterchangePool) -> Solution {
        // Every useful candidate at every size, scored once against the existing sites: the
        // first rates of both greedy starts.
        var probe = Search(state: evaluator, budget: budget, perFTE: true)
        let scored = (0..<evaluator.candidateCount).filter { evaluator.reachesAnyone($0) }.map { c in
            (candidate: c, scores: budget.sizes.map { f in f <= budget.budget + 1e-9 ? probe.score(c, fte: f) : nil })
        }
        var best: Search<E>?
        var evaluations = probe.evaluations
        for perFTE in budget.sizes.count > 1 ? [true, false] : [true] {
            var search = Search(state: evaluator, budget: budget, perFTE: perFTE)
            let firstRates = scored.map { search.entry($0.candidate, scores: $0.scores) }
            search.pool = firstRates.sorted { ($0.key, -$0.candidate) > ($1.key, -$1.candidate) }.prefix(pool).map(\.candidate)
            search.greedy(from: firstRates)
            search.localSearch(pairs: false)
            evaluations += search.evaluations
            if best == nil || search.state.score.improves(on: best!.state.score) { best = search }
        }
        // Pair moves, the costly ones, only from the better of the two starts.
        best!.evaluations = 0
        best!.localSearch(pairs: true)
        evaluations += best!.evaluations
        let search = best!
        var replay = evaluator
        let steps = search.sites.map { s -> SitingScore in
            replay.add(s.candidate, fte: s.fte)
            return replay.score
        }
        return Solution(sites: search.sites, before: evaluator.score, steps: steps, after: search.state.score, swaps: search.swaps, evaluations: evaluations)
    }

    /// The greedy rate of a move: a move that lowers the stage comes first (by its value after),
    /// then the improvement per FTE (or in all, `perFTE` false), then that of the tie-breaker.
    struct Rate: Comparable {
        var stageDrop: Int
        var rate: Double
        var tieRate: Double = 0
        static func < (a: Rate, b: Rate) -> Bool { (a.stageDrop, a.rate, a.tieRate) < (b.stageDrop, b.rate, b.tieRate) }
        static let none = Rate(stageDrop: Int.min, rate: -.infinity)
        var isImprovement: Bool { stageDrop > 0 || (stageDrop == 0 && (rate > 0 || (rate == 0 && tieRate > 0))) }
    }

    struct Entry: Comparable {
        var key: Rate
        var candidate: Int
        var fte: Double
        static func < (a: Entry, b: Entry) -> Bool { (a.key, -a.candidate) < (b.key, -b.candidate) }
    }

    struct Search<E: SitingEvaluator> {
        var state: E
        /// The candidates of largest first rate, tried by the interchanges (first the pair pool's).
        var pool: [Int] = []
        let budget: SiteBudget
        /// Whether greedy ranks moves by improvement per FTE (else by improvement).
        let perFTE: Bool
        var sites: [SizedSite] = []
        var isChosen: [Bool]
        var swaps = 0
        var evaluations = 0

        init(state: E, budget: SiteBudget, perFTE: Bool) {
            self.state = state
            self.budget = budget
            self.perFTE = perFTE
            isChosen = [Bool](repeating: false, count: state.candidateCount)
        }

        var used: Double { sites.reduce(0) { $0 + $1.fte } }

        /// The score of opening a site of `fte` at `c`, counted.
        mutating func score(_ c: Int, fte: Double) -> SitingScore {
            evaluations += 1
            return state.scoreAdding(c, fte: fte)
        }

        /// The best size at `c` within `remaining` FTE, and its rate against the current score.
        mutating func bestMove(_ c: Int, remaining: Double) -> Entry {
            entry(c, scores: budget.sizes.map { f in f <= remaining + 1e-9 ? score(c, fte: f) : nil })
        }

        /// The best of `c`'s sizes given their `scores` (nil: beyond the budget), and its rate.
        func entry(_ c: Int, scores: [SitingScore?]) -> Entry {
            let now = state.score
            var best = Entry(key: .none, candidate: c, fte: 0)
            for (f, after) in zip(budget.sizes, scores) {
                guard let after, after.stage <= now.stage else { continue }
                let per = perFTE ? f : 1
                let key: Rate
                if after.stage < now.stage {
                    key = Rate(stageDrop: now.stage - after.stage, rate: -after.value)
                } else if after.value < now.value - 1e-12 * max(1, abs(now.value)) {
                    key = Rate(stageDrop: 0, rate: (now.value - after.value) / per)
                } else {
                    key = Rate(stageDrop: 0, rate: 0, tieRate: after.improves(on: now) ? (now.tie - after.tie) / per : 0)
                }
                if key > best.key { best = Entry(key: key, candidate: c, fte: f) }
            }
            return best
        }

        /// Lazy greedy from the current sites, the rates of `entries` taken as first (possibly
        /// stale) keys.
        mutating func greedy(from entries: [Entry]) {
            var heap = Heap(entries.filter { !isChosen[$0.candidate] })
            while sites.count < budget.maxSites, let top = heap.popMax() {
                let fresh = bestMove(top.candidate, remaining: budget.budget - used)
                if let next = heap.max, fresh < next {
                    if fresh.key.isImprovement { heap.insert(fresh) }
                    continue
                }
                guard fresh.key.isImprovement else { break }
                open(SizedSite(candidate: fresh.candidate, fte: fresh.fte))
            }
        }

        /// Greedy again after a move, among the pool, when the budget and the number of sites leave room.
        mutating func refill() {
            guard sites.count < budget.maxSites, budget.budget - used >= budget.sizes[0] - 1e-9 else { return }
            let remaining = budget.budget - used
            greedy(from: pool.filter { !isChosen[$0] }.map { bestMove($0, remaining: remaining) })
        }

        /// Interchange (and pair interchange with `pairs`) until no move improves, greedy again
        /// after each move (at most 100 moves).
        mutating func localSearch(pairs: Bool) {
            let single = pool.sorted(), double = Array(pool.prefix(SizedSiting.pairPool)).sorted()
            for _ in 0..<100 {
                guard interchange(single) || (pairs && pairInterchange(double)) else { return }
                refill()
            }
        }

        mutating func open(_ s: SizedSite) {
            state.add(s.candidate, fte: s.fte)
            sites.append(s)
            isChosen[s.candidate] = true
        }

        /// One interchange pass, best improvement: every chosen site is closed in turn and every
        /// (candidate of the pool, size) tried in its place, or none; the best move is made. True
        /// when a move was made.
        mutating func interchange(_ pool: [Int]) -> Bool {
            let original = state.score
            var best: (score: SitingScore, slot: Int, site: SizedSite?)?
            for slot in sites.indices {
                let old = sites[slot]
                var trial = state  // a copy: closing a site is tried, never undone
                trial.remove(old.candidate, fte: old.fte)
                isChosen[old.candidate] = false
                defer { isChosen[old.candidate] = true }
                let remaining = budget.budget - used + old.fte
                if trial.score.improves(on: best?.score ?? original) { best = (trial.score, slot, nil) }
                for c in pool where !isChosen[c] {
                    for f in budget.sizes where f <= remaining + 1e-9 && !(c == old.candidate && f == old.fte) {
                        evaluations += 1
                        let after = trial.scoreAdding(c, fte: f)
                        if after.improves(on: best?.score ?? original) { best = (after, slot, SizedSite(candidate: c, fte: f)) }
                    }
                }
            }
            guard let best else { return false }
            let old = sites[best.slot]
            state.remove(old.candidate, fte: old.fte)
            isChosen[old.candidate] = false
            sites.remove(at: best.slot)
            if let s = best.site { open(s) }
            swaps += 1
            return true
        }

        struct Pair: Hashable {
            var a: Int, b: Int
            init(_ x: Int, _ y: Int) { (a, b) = (min(x, y), max(x, y)) }
        }

        /// The pairs of `pool` candidates whose sites change a commune in common: only they can
        /// do together what neither does alone.
        func overlapping(_ pool: [Int]) -> Set<Pair> {
            var byCommune: [Int: [Int]] = [:]
            for c in pool { for o in state.reach(c) { byCommune[o, default: []].append(c) } }
            var pairs = Set<Pair>()
            for list in byCommune.values { for (i, a) in list.enumerated() { for b in list[(i + 1)...] { pairs.insert(Pair(a, b)) } } }
            return pairs
        }

        /// One pair-interchange pass, best improvement: close one or two chosen sites (or none)
        /// and open two (candidate of `pool`, size) pairs in their place, when that lowers the
        /// objective; this finds what two sites do together that neither does alone (lifting a
        /// commune above a threshold). Tried after single moves no longer improve. True when a
        /// move was made.
        /// - Complexity: O((sites²) × (pool × sizes)² × evaluation).
        mutating func pairInterchange(_ pool: [Int]) -> Bool {
            let original = state.score
            var best: (score: SitingScore, closed: [Int], opened: [SizedSite])?
            var closings: [[Int]] = [[]] + sites.indices.map { [$0] }
            for a in sites.indices { for b in sites.indices where b > a { closings.append([a, b]) } }
            let moves = pool.flatMap { c in budget.sizes.map { SizedSite(candidate: c, fte: $0) } }
            let overlaps = overlapping(pool)
            var tried = 0
            scan: for closed in closings where sites.count - closed.count + 2 <= budget.maxSites {
                var trial = state
                for slot in closed { trial.remove(sites[slot].candidate, fte: sites[slot].fte) }
                for slot in closed { isChosen[sites[slot].candidate] = false }
                defer { for slot in closed { isChosen[sites[slot].candidate] = true } }
                let remaining = budget.budget - used + closed.reduce(0) { $0 + sites[$1].fte }
                for (i, m1) in moves.enumerated() where !isChosen[m1.candidate] && m1.fte <= remaining + 1e-9 {
                    for m2 in moves[(i + 1)...]
                    where m2.candidate != m1.candidate && !isChosen[m2.candidate] && m1.fte + m2.fte <= remaining + 1e-9
                        && overlaps.contains(Pair(m1.candidate, m2.candidate)) {
                        guard tried < SizedSiting.pairEvaluationsPerPass else { break scan }
                        tried += 1
                        evaluations += 1
                        let after = trial.scoreAdding([m1, m2])
                        if after.improves(on: best?.score ?? original) { best = (after, closed, [m1, m2]) }
                    }
                }
            }
            guard let best else { return false }
            for slot in best.closed.reversed() {
                state.remove(sites[slot].candidate, fte: sites[slot].fte)
                isChosen[sites[slot].candidate] = false
                sites.remove(at: slot)
            }
            for s in best.opened { open(s) }
            swaps += 1
            return true
        }
    }
}
