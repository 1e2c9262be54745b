import Accessibility
import Gaps
import GeoCore
import GeoIO
import Inequality

/// The steps of one ``SitingAnalysis`` run, over the study projected once: the scenario (sites
/// removed and planned), the candidates, the travel times to the nearest site of the kind, the
/// choice of new sites (MCLP or p-median) and the headline indicators.
struct SitingRun {
    let study: Study
    let options: SitingAnalysis.Options
    /// The study without the removed sites, with the planned ones.
    let scenario: Study
    let projected: ProjectedStudy
    /// The model's settings, bounded by `max(2 × threshold, 60)` minutes.
    let cost: CostModelOptions
    let model: any TravelCostModel
    let population: [Double]

    /// Projects the communes once (unless `given` already is `study` projected with
    /// `options.crs`), keeping their points but not the projected polygons (siting needs none);
    /// each scenario only re-places its sites.
    init(_ study: Study, options: SitingAnalysis.Options, newCapacity: Double?, projected given: ProjectedStudy? = nil) throws {
        var scenario = study
        scenario.sites.removeAll { options.remove.contains($0.id) }
        for (k, p) in options.add.enumerated() {
            scenario.sites.append(Site(id: "PLANNED\(k + 1)", name: p.name, kind: options.kind, location: p.location, capacity: p.capacity ?? newCapacity))
        }
        self.study = study
        self.options = options
        self.scenario = scenario
        projected = try (given ?? ProjectedStudy(study, crs: options.crs, keepGeometries: false)).withSites(of: scenario)
        var cost = options.cost
        cost.maxMinutes = max(2 * options.thresholdMinutes, 60)
        self.cost = cost
        model = try cost.model(for: projected, study: scenario).model
        population = study.areas.map { $0.population ?? 0 }
    }

    /// The candidate sites (none when no site is to be chosen): the communes' points and/or the
    /// given sites, each placed in the partition (metric CRS) its position calls for, so that
    /// the national study (overseas included) is one problem.
    func candidates() throws -> [Site] {
        guard options.k > 0 else { return [] }
        var candidates: [Site] = []
        if options.candidatesFromCommunes {
            candidates += study.areas.indices.map { a in
                Site(id: study.areas[a].id, name: "\(study.areas[a].name) (\(study.areas[a].id))", kind: options.kind, location: projected.pointsLonLat[a])
            }
        }
        candidates += options.candidates.map { c in
            Site(id: c.id, name: "\(c.name) (\(c.id))", kind: options.kind, location: c.location, capacity: c.capacity)
        }
        guard !candidates.isEmpty else { throw ParameterError(.contradicted, "no candidate site: use the communes or give \(.candidates) FILE") }
        return candidates
    }

    /// Times to the nearest site of the kind in `s` (sites re-placed: their indices differ between
    /// scenarios), without a matrix (``ProjectedStudy/nearest(_:model:maxMinutes:countMinutes:groupCount:groupOf:)``,
    /// the same times as the nearest of the full matrix).
    func nearestTimes(_ s: Study) throws -> [Double?] {
        let p = try projected.withSites(of: s)
        let kind = options.kind
        let n = try p.nearest(s, model: model, maxMinutes: cost.maxMinutes, countMinutes: 0, groupCount: 1) { s.sites[$0].kind == kind ? 0 : nil }
        return n.nearest[0].map { $0?.minutes }
    }

    /// The chosen candidates (indices into `candidates`, in order of choice) and the population
    /// each newly brings within the threshold. The candidate matrix is bounded by the threshold
    /// for MCLP (nothing beyond it can cover), by the cost bound for p-median, and each commune's
    /// row by its time to the nearest existing site (a candidate at or beyond it changes nothing
    /// for that commune; for MCLP a commune already within the threshold needs no row at all:
    /// ``CoveringProblem``), so the matrix holds only what can matter.
    func choose(among candidates: [Site], scenarioTimes: [Double?]) throws -> (picks: [Int], gains: [Double]) {
        let bound = options.method == .mclp ? options.thresholdMinutes : cost.maxMinutes
        let candidateStudy = Study(areas: study.areas, sites: candidates)
        let threshold = options.thresholdMinutes
        let limits = scenarioTimes.map { t -> Double in
            guard let t else { return .infinity }
            return options.method == .pmedian ? t : t <= threshold ? 0 : .infinity
        }
        let matrix = try projected.withSites(of: candidateStudy).costs(candidateStudy, model: model, maxMinutes: bound, below: limits)
        Progress.report("choosing \(options.k) site(s) among \(candidates.count) candidates…")
        let problem = CoveringProblem(weights: population, costs: matrix, existing: scenarioTimes, threshold: options.thresholdMinutes)
        switch options.method {
        case .mclp:
            let s = MaximalCovering.solve(problem, k: options.k)
            return (s.chosen, s.gains)
        case .accessGap, .accessGini, .accessPalma, .capacitated:
            preconditionFailure("the sized methods are chosen by SizedSitingRun")
        case .pmedian:
            let picks = pMedian(problem, bound: bound)
            var gains: [Double] = []
            var prior: [Int] = []
            for j in picks {
                gains.append(problem.coveredWeight(chosen: prior + [j]) - problem.coveredWeight(chosen: prior))
                prior.append(j)
            }
            return (picks, gains)
        }
    }

    /// The residents each of `sites` (opened in order) newly brings within the threshold, over a
    /// matrix to those sites only (bounded by the threshold, rows cut at the scenario's times).
    func newlyWithin(_ sites: [Site], scenarioTimes: [Double?]) throws -> [Double] {
        guard !sites.isEmpty else { return [] }
        let threshold = options.thresholdMinutes
        let chosenStudy = Study(areas: study.areas, sites: sites)
        let limits = scenarioTimes.map { t in (t ?? .infinity) <= threshold ? 0 : Double.infinity }
        let matrix = try projected.withSites(of: chosenStudy).costs(chosenStudy, model: model, maxMinutes: threshold, below: limits)
        let problem = CoveringProblem(weights: population, costs: matrix, existing: scenarioTimes, threshold: threshold)
        var prior: [Int] = []
        return sites.indices.map { j in
            defer { prior.append(j) }
            return problem.coveredWeight(chosen: prior + [j]) - problem.coveredWeight(chosen: prior)
        }
    }

    /// The p-median's choice, with its progress and a warning when it will be long.
    func pMedian(_ problem: CoveringProblem, bound: Double) -> [Int] {
        let entries = problem.costs.entryCount
        // Measured: the national problem (16.4 million pairs before the rows were cut at the
        // existing times, 0.89 million since; k = 50) took about 1 s for the greedy start and
        // the swaps together (docs/performance.md); time grows with pairs × (k + swaps).
        let estimate = 1e-9 * Double(entries) * Double(20 + options.k)
        Progress.warnIfLong(
            "the p-median over \(entries) commune–candidate pairs", seconds: estimate,
            advice: "fewer pairs (a smaller \(.maxMinutes), a region with \(.departements), fewer candidates) or a smaller \(.newSiteCount) make it shorter")
        Progress.report(
            "p-median over \(entries) commune–candidate pairs within \(NumberFormatting.string(bound, precision: 0)) min (about " +
            "\(NumberFormatting.string(estimate, precision: 0)) s)…"
        )
        return PMedian.solve(problem, p: options.k) { swaps, mean in
            Progress.report(
                swaps == 0
                    ? "p-median: greedy start, mean \(NumberFormatting.string(mean, precision: 2)) min"
                    : "p-median: swap \(swaps), mean \(NumberFormatting.string(mean, precision: 2)) min")
        }.chosen
    }

    /// Population beyond the threshold, mean time and Gini of time (unreachable communes count
    /// at the cost bound), and the population with E2SFCA access below `accessBelow` (when given).
    func indicators(_ times: [Double?], _ s: Study) throws -> SitingAnalysis.Indicators {
        let capped = times.map { min($0 ?? cost.maxMinutes, cost.maxMinutes) }
        let total = population.reduce(0, +)
        let values = try WeightedValues(capped, weights: population)
        var gap: Double?
        if let below = options.accessBelow, !options.method.isSized {
            var a = AccessAnalysis.Options()
            a.kinds = [options.kind]
            a.cost = options.cost
            a.crs = options.crs
            a.per = options.per
            let access = try AccessAnalysis.run(s, options: a).access
            gap = zip(access, population).reduce(0) { $0 + ($1.0 < below ? $1.1 : 0) }
        }
        return SitingAnalysis.Indicators(
            populationBeyond: TravelStatistics.weightBeyond(options.thresholdMinutes, times: times, weights: population),
            meanMinutes: total > 0 ? zip(capped, population).reduce(0) { $0 + $1.0 * $1.1 } / total : 0,
            gini: values.mean > 0 ? try values.gini() : 0, accessGapPopulation: gap)
    }
}
