/// The budget of a sized siting problem: new sites come in `sizes` (full-time-equivalent
/// general practitioners, FTE), their total is at most `budget` FTE, and at most `maxSites`
/// sites are opened, one per candidate.
package struct SiteBudget: Sendable, Equatable {
    /// The sizes a new site may have, in FTE, ascending, each positive.
    package var sizes: [Double]
    /// The total FTE the new sites may add.
    package var budget: Double
    /// The most new sites.
    package var maxSites: Int

    /// A budget of `budget` FTE in sites of `sizes` FTE, at most `maxSites` of them.
    /// - Precondition: at least one size, every size positive and finite.
    package init(sizes: [Double], budget: Double, maxSites: Int) {
        precondition(!sizes.isEmpty && sizes.allSatisfy { $0 > 0 && $0.isFinite })
        self.sizes = Array(Set(sizes)).sorted()
        self.budget = budget
        self.maxSites = maxSites
    }
}

/// A new site: the candidate it opens at and its size in FTE.
package struct SizedSite: Sendable, Equatable {
    /// The candidate's index.
    package var candidate: Int
    /// Its size in FTE.
    package var fte: Double

    /// A site of `fte` FTE at candidate `candidate`.
    package init(candidate: Int, fte: Double) {
        self.candidate = candidate
        self.fte = fte
    }
}

/// An objective's value, lower is better, compared in order: `stage`, then `value`, then `tie`.
/// Every objective has one stage (0) but the Palma ratio, which is infinite while the poorest 40 %
/// have no access at all: it is then stage 1, valued by the population with no access
/// (``AccessSiting/Objective/palma``). `tie` breaks ties of `value`: for the population below an
/// access threshold, the population-weighted shortfall Σ Pᵢ max(0, τ − Aᵢ), so that the search
/// can move towards lifting communes that no single site lifts (0 for the other objectives).
package struct SitingScore: Sendable, Comparable {
    /// 0, or 1 for an infinite Palma ratio.
    package var stage: Int
    /// The objective's value within its stage.
    package var value: Double
    /// The tie-breaker of equal values.
    package var tie: Double

    /// A score of `value` in `stage`, ties broken by `tie`.
    package init(stage: Int, value: Double, tie: Double = 0) {
        self.stage = stage
        self.value = value
        self.tie = tie
    }

    package static func < (a: SitingScore, b: SitingScore) -> Bool { (a.stage, a.value, a.tie) < (b.stage, b.value, b.tie) }

    /// Whether `self` is better than `other` by more than a relative tolerance of 10⁻¹² (in
    /// `value`, or in `tie` when the values are equal within it).
    func improves(on other: SitingScore) -> Bool {
        if stage != other.stage { return stage < other.stage }
        let tolerance = 1e-12 * max(1, abs(other.value))
        if value < other.value - tolerance { return true }
        return value <= other.value + tolerance && tie < other.tie - 1e-12 * max(1, abs(other.tie))
    }
}

/// What the sized-siting search needs of an objective: its score now, the score if a site of some
/// size opened at a candidate (without opening it: the incremental evaluation), and opening and
/// closing sites.
protocol SitingEvaluator {
    var candidateCount: Int { get }
    var score: SitingScore { get }
    /// Whether a site at candidate `c` can change anything (candidates that reach nobody are never tried).
    func reachesAnyone(_ c: Int) -> Bool
    /// The communes (with residents) a site at candidate `c` changes.
    func reach(_ c: Int) -> [Int]
    func scoreAdding(_ c: Int, fte: Double) -> SitingScore
    /// The score if every one of `sites` opened (at distinct candidates), without opening them.
    func scoreAdding(_ sites: [SizedSite]) -> SitingScore
    mutating func add(_ c: Int, fte: Double)
    mutating func remove(_ c: Int, fte: Double)
}
