import Accessibility
import Gaps
import GeoCore
import GeoIO

/// The equity and capacitated objectives of ``SitingAnalysis`` (`access-gap`, `access-gini`,
/// `access-palma`, `capacitated`): new sites sized in FTE general practitioners within a budget,
/// chosen by ``Gaps/SizedSiting``'s heuristic (greedy by rate per FTE with lazy evaluation, then
/// interchange; within 2 % of the exact optimum on the reference instances, Tests/reference/equity.json).
///
/// **Access objectives.** Access is the APL (``Accessibility/APLParameters``: DREES bands over 20
/// minutes, age-standardised demand, GP activity under the DREES rules) when the existing sites
/// of the kind have an activity column, else the E2SFCA (Luo and Qi's bands over 30 minutes)
/// in the sites' capacity unit (each site 1 without capacities), exactly as `geohealth access`
/// computes it, times `per`. A new site of f FTE supplies f × the supply per FTE: by default
/// 5,400 consultations for the APL (the DREES count for a GP with no activity the year before,
/// ``Accessibility/APLParameters/newPractitionerActivity``), 1 capacity unit otherwise (the
/// capacity is then read as FTE). The objective's threshold is `accessBelow`, by default the
/// zonage's 2.5 for the APL in consultations (``Accessibility/APLParameters/underServedThreshold``).
///
/// **Capacitated covering.** Existing sites cover everyone within the threshold; a new site of
/// f FTE serves at most f × `populationPerFTE` residents among the others within the threshold
/// (default 5,400 / 2.5 = 2,160: the residents one FTE gives the zonage's 2.5 consultations a
/// year each), nearest first (``Gaps/CapacitatedCovering``).
package struct SizedSitingRun: Sendable {
    /// The chosen sites (indices into the candidates), their FTE, in the order opened.
    package var sites: [SizedSite]
    /// The heuristic's result: the objective before, after each site and after all.
    package var solution: SizedSiting.Solution
    var budget: SiteBudget
    /// What the objective is and how it is measured (the summary's `equity` block, without the sites).
    var description: Properties
    /// The population below the access threshold before and after (access-gap only).
    package var accessGap: (before: Double, after: Double)?
    /// The access-gap threshold used (the option or the APL's 2.5).
    package var threshold: Double?

    /// The choice among `candidates` for `run`'s options, over the scenario (`run.scenario`).
    static func choose(_ run: SitingRun, among candidates: [Site], scenarioTimes: [Double?]) throws -> SizedSitingRun {
        let o = run.options
        try check(o)
        let budget = SiteBudget(sizes: o.siteSizes, budget: o.budget ?? Double(o.k) * o.siteSizes.max()!, maxSites: o.k)
        var description = Properties([
            ("objective", .string(o.method.objectiveText)),
            ("site_sizes_fte", .array(budget.sizes.map { .number($0) })),
            ("budget_fte", .number(budget.budget)),
            ("max_sites", .int(budget.maxSites)),
        ])
        let candidateStudy = Study(areas: run.study.areas, sites: candidates)
        let projected = try run.projected.withSites(of: candidateStudy)
        if o.method == .capacitated {
            let threshold = o.thresholdMinutes
            let limits = scenarioTimes.map { t in (t ?? .infinity) <= threshold ? 0 : Double.infinity }
            let costs = try projected.costs(candidateStudy, model: run.model, maxMinutes: threshold, below: limits)
            Progress.report("capacitated covering: \(candidates.count) candidates, \(costs.entryCount) commune–candidate pairs…")
            let problem = CapacitatedCovering(
                population: run.population, existing: scenarioTimes, costs: costs, threshold: threshold, populationPerFTE: o.populationPerFTE)
            description["threshold_minutes"] = .fixed(threshold, 1)
            description["population_per_fte"] = .number(o.populationPerFTE)
            let solution = problem.solve(budget: budget)
            return SizedSitingRun(sites: solution.sites, solution: solution, budget: budget, description: description, accessGap: nil, threshold: nil)
        }
        let model = try AccessModel(run)
        let costs = try projected.costs(candidateStudy, model: run.model, maxMinutes: model.access.catchmentMinutes)
        let supplyPerFTE = try model.supplyPerFTE(o)
        let effects = AccessEffects.floatingCatchment(costs, demand: model.access.demand, decay: model.access.decay, supplyPerFTE: supplyPerFTE, per: o.per)
        let objective = try model.objective(o)
        description["access"] = .object(model.describe(supplyPerFTE: supplyPerFTE, objective: objective))
        Progress.report("\(o.method.rawValue): \(candidates.count) candidates, \(costs.entryCount) commune–candidate pairs within the catchment…")
        let solution = AccessSiting.solve(population: run.population, baseAccess: model.access.access, effects: effects, objective: objective, budget: budget)
        var gap: (Double, Double)?, threshold: Double?
        if case .populationBelow(let t) = objective { (gap, threshold) = ((solution.before.value, solution.after.value), t) }
        return SizedSitingRun(sites: solution.sites, solution: solution, budget: budget, description: description, accessGap: gap, threshold: threshold)
    }

    /// Refuses sizes, a budget or amounts per FTE that are not positive finite numbers (the CLI
    /// checks its options; a library caller may give anything).
    static func check(_ o: SitingAnalysis.Options) throws {
        func positive(_ x: Double?) -> Bool { x.map { $0 > 0 && $0.isFinite } ?? true }
        guard !o.siteSizes.isEmpty, o.siteSizes.allSatisfy(positive) else {
            throw ParameterError(.contradicted, "\(.siteSizes): give one or more sizes in FTE, each a positive number")
        }
        let checks: [(Parameter, Double?)] = [(.budget, o.budget), (.activityPerFTE, o.activityPerFTE), (.populationPerFTE, o.populationPerFTE)]
        if let bad = checks.first(where: { !positive($0.1) }) {
            throw ParameterError(.contradicted, "\(bad.0) must be a positive number (got \(bad.1!))")
        }
    }

    /// The `equity` block of the summary: the objective, its before and after, and each new site
    /// with its FTE, the objective after it and the change it made (opened in order).
    func summary(names: [(name: String, location: Coordinate)]) -> PropertyValue {
        var p = description
        p["fte_used"] = .number(sites.reduce(0) { $0 + $1.fte })
        p["objective_before"] = Self.value(solution.before)
        p["objective_after"] = Self.value(solution.after)
        if solution.before.stage == 1 || solution.after.stage == 1 {
            p["population_with_no_access_before"] = solution.before.stage == 1 ? .headCount(solution.before.value) : .null
            p["population_with_no_access_after"] = solution.after.stage == 1 ? .headCount(solution.after.value) : .null
            p["note"] = .string("the Palma ratio is infinite (null) while the poorest 40 % have no access; the population with no access is then minimised first")
        }
        var previous = solution.before
        p["new_sites"] = .rows(sites.indices) { n in
            let s = solution.steps[n]
            defer { previous = s }
            return [
                ("order", .int(n + 1)), ("site", .string(names[n].name)), ("lon", .fixed(names[n].location.x, 6)), ("lat", .fixed(names[n].location.y, 6)),
                ("fte", .number(sites[n].fte)), ("objective_after", Self.value(s)),
                ("objective_change", s.stage == previous.stage ? .fixed(s.value - previous.value, 6) : .null),
            ]
        }
        p["heuristic"] = .string(
            "greedy by improvement per FTE (lazy evaluation), then single and pair interchanges; " +
            "at least 98 % of the optimal improvement on the reference instances (docs/siting.md)")
        p["evaluations"] = .int(solution.evaluations)
        p["swaps"] = .int(solution.swaps)
        return .object(p)
    }

    /// An objective's value: a number, or null for an infinite Palma ratio.
    static func value(_ s: SitingScore) -> PropertyValue { s.stage == 0 ? .fixed(s.value, 6) : .null }
}

extension SitingAnalysis.Method {
    /// Whether the method is one of the sized objectives (sites in FTE within a budget).
    public var isSized: Bool { self != .mclp && self != .pmedian }

    /// What the method minimises, in words.
    var objectiveText: String {
        switch self {
        case .mclp: "population beyond the threshold"
        case .pmedian: "population-weighted mean time"
        case .accessGap: "population with access below the threshold"
        case .accessGini: "population-weighted Gini coefficient of access"
        case .accessPalma: "Palma ratio of access (richest 10 % over poorest 40 %)"
        case .capacitated: "population beyond the threshold, new sites capacitated"
        }
    }
}
