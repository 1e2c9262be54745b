import Accessibility

/// Capacitated covering for sized siting (``SizedSiting``): minimise the population beyond
/// `threshold` minutes of every site, where a new site of f FTE serves at most
/// f × `populationPerFTE` residents of the communes within the threshold that no existing site
/// covers. Existing sites cover everyone within the threshold (their capacity in FTE is not
/// known; they are the `distance` command's). A commune's residents may be split between new sites.
///
/// Assignment: a new site takes the unserved residents of its communes nearest first (then by
/// commune index) up to its capacity; what it serves is min(capacity, unserved residents within
/// reach), so the score of opening it is exact and O(communes within reach). Closing it gives its
/// residents back. The assignment of a set of sites made in order is feasible, so its covered
/// population is at most the set's best (a max flow): the exact MIP of
/// Tests/reference/make_equity_reference.py bounds it from above.
package struct CapacitatedCovering: SitingEvaluator {
    /// Per candidate, the communes within the threshold that no existing site covers, nearest first.
    let reach: [[Int]]
    let populationPerFTE: Double
    /// Per commune, its residents not yet served.
    var unserved: [Double]
    /// Per open candidate, what it took from each commune.
    var taken: [Int: [(commune: Int, residents: Double)]] = [:]
    private(set) var score: SitingScore

    /// The problem over the communes' `population`, their minutes to the nearest existing site
    /// (`existing`, nil: none within reach), the candidate `costs` (origins: communes), the
    /// `threshold` in minutes and the residents one FTE serves.
    package init(population: [Double], existing: [Double?], costs: CostMatrix, threshold: Double, populationPerFTE: Double) {
        precondition(population.count == costs.originCount && existing.count == costs.originCount)
        var lists = [[(commune: Int, minutes: Double)]](repeating: [], count: costs.destinationCount)
        var unserved = [Double](repeating: 0, count: population.count)
        for o in 0..<costs.originCount where population[o] > 0 && !((existing[o] ?? .infinity) <= threshold) {
            unserved[o] = population[o]
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] where costs.minutes[k] <= threshold {
                lists[Int(costs.destinations[k])].append((o, costs.minutes[k]))
            }
        }
        reach = lists.map { $0.sorted { ($0.minutes, $0.commune) < ($1.minutes, $1.commune) }.map(\.commune) }
        self.populationPerFTE = populationPerFTE
        self.unserved = unserved
        score = SitingScore(stage: 0, value: unserved.reduce(0, +))
    }

    /// The population beyond the threshold with the existing sites and each of `sites` opened in order.
    package static func beyond(after sites: [SizedSite], _ problem: CapacitatedCovering) -> Double {
        var p = problem
        for s in sites { p.add(s.candidate, fte: s.fte) }
        return p.score.value
    }

    /// The residents each of `sites`, opened in order, serves.
    package static func served(by sites: [SizedSite], _ problem: CapacitatedCovering) -> [Double] {
        var p = problem
        return sites.map { s in
            let before = p.score.value
            p.add(s.candidate, fte: s.fte)
            return before - p.score.value
        }
    }

    /// The chosen sites within `budget` by ``SizedSiting``'s heuristic.
    package func solve(budget: SiteBudget, pool: Int = SizedSiting.defaultInterchangePool) -> SizedSiting.Solution {
        SizedSiting.solve(self, budget: budget, pool: pool)
    }

    var candidateCount: Int { reach.count }

    func reachesAnyone(_ c: Int) -> Bool { !reach[c].isEmpty }

    func scoreAdding(_ c: Int, fte: Double) -> SitingScore {
        let within = reach[c].reduce(0) { $0 + unserved[$1] }
        return SitingScore(stage: 0, value: score.value - min(fte * populationPerFTE, within))
    }

    mutating func add(_ c: Int, fte: Double) {
        var left = fte * populationPerFTE
        var took: [(commune: Int, residents: Double)] = []
        for o in reach[c] where left > 0 && unserved[o] > 0 {
            let t = min(left, unserved[o])
            unserved[o] -= t
            left -= t
            took.append((o, t))
            score.value -= t
        }
        taken[c] = took
    }

    mutating func remove(_ c: Int, fte: Double) {
        for (o, t) in taken.removeValue(forKey: c) ?? [] {
            unserved[o] += t
            score.value += t
        }
    }
}
