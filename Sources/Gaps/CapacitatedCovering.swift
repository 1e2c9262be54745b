import Accessibility

/// Capacitated covering for sized siting (``SizedSiting``): minimise the population beyond
/// `threshold` minutes of every site, where a new site of f FTE serves at most
/// f × `populationPerFTE` residents of the communes within the threshold that no existing site
/// covers. Existing sites cover everyone within the threshold (their capacity in FTE is not
/// known; they are the `distance` command's). A commune's residents may be split between new sites.
///
/// Assignment: a new site takes the unserved residents of its communes nearest first (then by
/// commune index) up to its capacity; what it serves is min(capacity, unserved residents within
/// reach), so the score of opening it is exact and O(communes within reach). Closing it assigns
/// the other open sites again in their order (O(their reach)). The assignment of a set of sites made in order is feasible, so its covered
/// population is at most the set's best (a max flow): the exact MIP of
/// Tests/reference/make_equity_reference.py bounds it from above.
package struct CapacitatedCovering: SitingEvaluator {
    /// Per candidate, the communes within the threshold that no existing site covers, nearest first.
    let reachable: [[Int]]
    let populationPerFTE: Double
    /// Per commune, its residents not covered by an existing site.
    let initial: [Double]
    /// Per commune, its residents not yet served.
    var unserved: [Double]
    /// The open new sites, in the order they were opened (the order of assignment).
    var open: [SizedSite] = []
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
        reachable = lists.map { $0.sorted { ($0.minutes, $0.commune) < ($1.minutes, $1.commune) }.map(\.commune) }
        self.populationPerFTE = populationPerFTE
        self.unserved = unserved
        initial = unserved
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

    var candidateCount: Int { reachable.count }

    func reachesAnyone(_ c: Int) -> Bool { !reachable[c].isEmpty }

    func reach(_ c: Int) -> [Int] { reachable[c] }

    func scoreAdding(_ c: Int, fte: Double) -> SitingScore {
        let within = reachable[c].reduce(0) { $0 + unserved[$1] }
        return SitingScore(stage: 0, value: score.value - min(fte * populationPerFTE, within))
    }

    func scoreAdding(_ sites: [SizedSite]) -> SitingScore {
        var taken: [Int: Double] = [:]
        var value = score.value
        for s in sites {
            var left = s.fte * populationPerFTE
            for o in reachable[s.candidate] where left > 0 {
                let t = min(left, unserved[o] - taken[o, default: 0])
                guard t > 0 else { continue }
                taken[o, default: 0] += t
                left -= t
                value -= t
            }
        }
        return SitingScore(stage: 0, value: value)
    }

    mutating func add(_ c: Int, fte: Double) {
        assign(c, fte: fte)
        open.append(SizedSite(candidate: c, fte: fte))
    }

    /// Takes the unserved residents within reach of `c`, nearest first, up to its capacity.
    mutating func assign(_ c: Int, fte: Double) {
        var left = fte * populationPerFTE
        for o in reachable[c] where left > 0 && unserved[o] > 0 {
            let t = min(left, unserved[o])
            unserved[o] -= t
            left -= t
            score.value -= t
        }
    }

    /// Closes `c` and assigns the other open sites again in their order, so that the state is
    /// always the assignment of the open sites in the order they were opened.
    mutating func remove(_ c: Int, fte: Double) {
        open.removeAll { $0.candidate == c }
        unserved = initial
        score.value = initial.reduce(0, +)
        for s in open { assign(s.candidate, fte: s.fte) }
    }
}
