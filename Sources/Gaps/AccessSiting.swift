/// Equity objectives of access for sized siting (``SizedSiting``): each commune's access is
/// Aᵢ = A⁰ᵢ + Σ_c f_c · a_ic (``AccessEffects``), with A⁰ the access with the existing sites,
/// and the new sites minimise, over the communes weighted by their population Pᵢ:
/// - ``Objective/populationBelow(_:)``: Σ Pᵢ [Aᵢ < τ], the population under an access
///   threshold (the zonage's APL 2.5, ``Accessibility/APLParameters/underServedThreshold``);
/// - ``Objective/gini``: the population-weighted Gini coefficient of access (undefined, and
///   counted as 1, when nobody has any access);
/// - ``Objective/palma``: the Palma ratio of access; while the poorest 40 % have no access it is
///   infinite, and the population with no access is minimised first (``SitingScore``).
/// Communes without population weigh nothing.
package enum AccessSiting {
    /// What the new sites minimise.
    package enum Objective: Sendable, Equatable {
        /// The population with access strictly below the threshold.
        case populationBelow(Double)
        /// The population-weighted Gini coefficient of access.
        case gini
        /// The Palma ratio of access (richest 10 % over poorest 40 %).
        case palma
    }

    /// The new sites (within `budget`) minimising `objective`, by ``SizedSiting``'s heuristic.
    /// - Precondition: `population` and `baseAccess` have one value per commune of `effects`.
    package static func solve(
        population: [Double], baseAccess: [Double], effects: AccessEffects, objective: Objective, budget: SiteBudget,
        pool: Int = SizedSiting.defaultInterchangePool
    ) -> SizedSiting.Solution {
        SizedSiting.solve(Evaluator(population: population, access: baseAccess, effects: effects, objective: objective), budget: budget, pool: pool)
    }

    /// The objective of `access` weighted by `population` (the score of a solution, for checks).
    package static func score(_ objective: Objective, access: [Double], population: [Double]) -> SitingScore {
        Evaluator(population: population, access: access, effects: AccessEffects([]), objective: objective).score
    }

    /// The objective if a site of `fte` opened at candidate `c`, by the incremental evaluation the
    /// search uses (exposed to check it against ``score(_:access:population:)`` of the access after).
    package static func scoreAdding(
        _ c: Int, fte: Double, objective: Objective, access: [Double], population: [Double], effects: AccessEffects
    ) -> SitingScore {
        Evaluator(population: population, access: access, effects: effects, objective: objective).scoreAdding(c, fte: fte)
    }

    /// Access after the new `sites`: A⁰ᵢ + Σ f · a_ic.
    package static func access(after sites: [SizedSite], baseAccess: [Double], effects: AccessEffects) -> [Double] {
        var a = baseAccess
        for s in sites {
            for k in effects.start[s.candidate]..<effects.start[s.candidate + 1] { a[Int(effects.communes[k])] += s.fte * effects.perFTE[k] }
        }
        return a
    }

    /// The state of the search: every commune's access now, and the sorted order of Gini and Palma.
    struct Evaluator: SitingEvaluator {
        let population: [Double]
        var access: [Double]
        let effects: AccessEffects
        let objective: Objective
        var order: WeightedOrder?
        var score: SitingScore

        init(population: [Double], access: [Double], effects: AccessEffects, objective: Objective) {
            precondition(population.count == access.count)
            self.population = population
            self.access = access
            self.effects = effects
            self.objective = objective
            score = SitingScore(stage: 0, value: 0)
            refresh()
        }

        var candidateCount: Int { effects.candidateCount }

        func reachesAnyone(_ c: Int) -> Bool {
            (effects.start[c]..<effects.start[c + 1]).contains { population[Int(effects.communes[$0])] > 0 && effects.perFTE[$0] > 0 }
        }

        func reach(_ c: Int) -> [Int] {
            (effects.start[c]..<effects.start[c + 1]).compactMap { k in
                population[Int(effects.communes[k])] > 0 && effects.perFTE[k] > 0 ? Int(effects.communes[k]) : nil
            }
        }

        /// Re-sorts (Gini, Palma) or re-counts (below) from `access`.
        mutating func refresh() {
            switch objective {
            case .populationBelow(let t):
                var below = 0.0, shortfall = 0.0
                for (a, p) in zip(access, population) where a < t {
                    below += p
                    shortfall += p * (t - a)
                }
                score = SitingScore(stage: 0, value: below, tie: shortfall)
            case .gini, .palma:
                order = WeightedOrder(values: access, weights: population)
                score = evaluate([])
            }
        }

        func changes(_ c: Int, fte: Double) -> [WeightedOrder.Change] {
            (effects.start[c]..<effects.start[c + 1]).compactMap { k in
                let i = Int(effects.communes[k])
                return population[i] > 0 ? WeightedOrder.Change(unit: i, weight: population[i], old: access[i], new: access[i] + fte * effects.perFTE[k]) : nil
            }
        }

        func evaluate(_ changes: [WeightedOrder.Change]) -> SitingScore {
            switch objective {
            case .populationBelow(let t):
                var below = score.value, shortfall = score.tie
                for c in changes {
                    below += c.weight * ((c.new < t ? 1 : 0) - (c.old < t ? 1 : 0))
                    shortfall += c.weight * (max(0, t - c.new) - max(0, t - c.old))
                }
                return SitingScore(stage: 0, value: below, tie: shortfall)
            case .gini: return SitingScore(stage: 0, value: order!.gini(after: changes) ?? 1)
            case .palma: return order!.palma(after: changes)
            }
        }

        func scoreAdding(_ c: Int, fte: Double) -> SitingScore { evaluate(changes(c, fte: fte)) }

        func scoreAdding(_ sites: [SizedSite]) -> SitingScore {
            var added: [Int: Double] = [:]
            for s in sites {
                for k in effects.start[s.candidate]..<effects.start[s.candidate + 1] where population[Int(effects.communes[k])] > 0 {
                    added[Int(effects.communes[k]), default: 0] += s.fte * effects.perFTE[k]
                }
            }
            return evaluate(added.keys.sorted().map { WeightedOrder.Change(unit: $0, weight: population[$0], old: access[$0], new: access[$0] + added[$0]!) })
        }

        mutating func add(_ c: Int, fte: Double) {
            for k in effects.start[c]..<effects.start[c + 1] { access[Int(effects.communes[k])] += fte * effects.perFTE[k] }
            refresh()
        }

        mutating func remove(_ c: Int, fte: Double) { add(c, fte: -fte) }
    }
}
