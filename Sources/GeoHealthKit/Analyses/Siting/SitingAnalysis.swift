import Foundation
import Accessibility
import Gaps
import GeoCore
import GeoIO
import Inequality
import Projection

/// `geohealth site`: where k new sites of a kind help most (MCLP: population newly within the
/// threshold; p-median: population-weighted travel time), and what-if scenarios (`add` planned
/// sites, `remove` existing ones), with the before/after of the headline indicators: population
/// beyond the threshold, mean time to the nearest site, Gini of that time (population-weighted;
/// unreachable communes count at the matrix bound), and the population whose E2SFCA access is
/// below `accessBelow` (when given).
///
/// Supply of new sites (chosen or planned): the convention of the existing sites of the kind
/// (``newSiteCapacity(existing:options:)``), so that the E2SFCA of the after-scenario compares
/// like with like: a registry without capacities (every site counts 1) gets new sites without
/// one; a registry with capacities gets new sites with the planned site's own, `newCapacity`,
/// or by default the median of the existing capacities.
///
/// Candidates: the communes' representative points (default), the sites of a candidate file, or
/// both. The travel model is any of the three; the candidate matrix is bounded by the threshold
/// for MCLP (nothing beyond it can cover) and by `max(2 × threshold, 60)` minutes for p-median
/// and the indicators (times beyond count at that bound).
public struct SitingAnalysis: Sendable {
    public enum Method: String, Sendable, CaseIterable { case mclp, pmedian }

    public struct PlannedSite: Sendable {
        public var location: Coordinate  // lon/lat
        public var capacity: Double?
        public var name: String
        public init(location: Coordinate, capacity: Double?, name: String) {
            self.location = location
            self.capacity = capacity
            self.name = name
        }
    }

    public struct Options: Sendable {
        public var kind: SiteKind
        public var k = 0
        public var method: Method = .mclp
        public var thresholdMinutes = 30.0
        public var candidatesFromCommunes = true
        public var candidates: [Site] = []
        public var add: [PlannedSite] = []
        public var remove: [String] = []
        public var accessBelow: Double?
        public var per = 1.0
        public var newCapacity: Double?
        public var cost = CostModelOptions()
        public var crs: CRS?
        public init(kind: SiteKind) { self.kind = kind }
    }

    public struct Indicators: Sendable, Equatable {
        public var populationBeyond: Double
        public var meanMinutes: Double
        public var gini: Double
        public var accessGapPopulation: Double?
    }

    public var chosen: [(name: String, location: Coordinate, newlyCovered: Double)]
    public var before: Indicators
    public var after: Indicators
    public var summary: Summary

    /// A regional study's buffer (``Study/studyArea``) is left out: every site of the files is
    /// already a destination, candidates and people counted are the study area's.
    public static func run(_ study: Study, options: Options) throws -> SitingAnalysis {
        let study = study.withoutBuffer()
        let unknown = options.remove.filter { id in !study.sites.contains { $0.id == id } }
        guard unknown.isEmpty else { throw ParameterError(.contradicted, "\(.removedSites): no site with id \(unknown.joined(separator: ", "))") }
        var base = study
        base.sites.removeAll { options.remove.contains($0.id) }
        let existing = study.sites.filter { $0.kind == options.kind }
        try checkKindPresent(options.kind, existing: existing, in: study)
        let newCapacity = try newSiteCapacity(existing: existing, options: options)
        var scenario = base
        for (k, p) in options.add.enumerated() {
            scenario.sites.append(Site(id: "PLANNED\(k + 1)", name: p.name, kind: options.kind, location: p.location, capacity: p.capacity ?? newCapacity))
        }

        // The communes are projected once; each scenario only re-places its sites.
        let projected = try ProjectedStudy(study, crs: options.crs).withSites(of: scenario)
        var cost = options.cost
        cost.maxMinutes = max(2 * options.thresholdMinutes, 60)
        let (model, _) = try cost.model(for: projected, study: scenario)
        let population = study.areas.map { $0.population ?? 0 }

        // Candidates: communes' points and/or given sites, each placed in the partition (metric
        // CRS) its position calls for, so that the national study (overseas included) is one problem.
        var candidates: [Site] = []
        if options.k > 0 {
            if options.candidatesFromCommunes {
                candidates += study.areas.indices.map { a in
                    Site(id: study.areas[a].id, name: "\(study.areas[a].name) (\(study.areas[a].id))", kind: options.kind, location: projected.pointsLonLat[a])
                }
            }
            candidates += options.candidates.map { c in
                Site(id: c.id, name: "\(c.name) (\(c.id))", kind: options.kind, location: c.location, capacity: c.capacity)
            }
            guard !candidates.isEmpty else { throw ParameterError(.contradicted, "no candidate site: use the communes or give \(.candidates) FILE") }
        }
        /// Times to the nearest site of the kind in `s` (sites re-placed: their indices differ between scenarios).
        func nearestTimes(_ s: Study) throws -> [Double?] {
            let p = try projected.withSites(of: s)
            let m = try p.costs(s, model: model, maxMinutes: cost.maxMinutes) { s.sites[$0].kind == options.kind }
            return (0..<s.areas.count).map { m.nearest($0)?.minutes }
        }
        // Before: the study as given. After: without the removed sites, with the planned and chosen ones.
        let beforeTimes = try nearestTimes(study)
        var afterStudy = scenario
        var chosen: [(String, Coordinate, Double)] = []
        if options.k > 0 {
            let bound = options.method == .mclp ? options.thresholdMinutes : cost.maxMinutes
            let candidateStudy = Study(areas: study.areas, sites: candidates)
            let matrix = try projected.withSites(of: candidateStudy).costs(candidateStudy, model: model, maxMinutes: bound)
            let scenarioTimes = options.add.isEmpty && options.remove.isEmpty ? beforeTimes : try nearestTimes(scenario)
            Progress.report("choosing \(options.k) site(s) among \(candidates.count) candidates…")
            let problem = CoveringProblem(weights: population, costs: matrix, existing: scenarioTimes, threshold: options.thresholdMinutes)
            let picks: [Int]
            var gains: [Double]
            switch options.method {
            case .mclp:
                let s = MaximalCovering.solve(problem, k: options.k)
                picks = s.chosen
                gains = s.gains
            case .pmedian:
                let entries = problem.costs.entryCount
                // Measured: the national problem (16.4 million pairs, k = 50) takes about 1 s for the
                // greedy start and the swaps together (docs/performance.md); time grows with pairs × (k + swaps).
                let estimate = 1e-9 * Double(entries) * Double(20 + options.k)
                Progress.warnIfLong("the p-median over \(entries) commune–candidate pairs", seconds: estimate,
                                    advice: "fewer pairs (a smaller --max-minutes, a region with --departements, fewer candidates) or a smaller --k make it shorter")
                Progress.report("p-median over \(entries) commune–candidate pairs within \(NumberFormatting.string(bound, precision: 0)) min (about \(NumberFormatting.string(estimate, precision: 0)) s)…")
                picks = PMedian.solve(problem, p: options.k) { swaps, mean in
                    Progress.report(swaps == 0 ? "p-median: greedy start, mean \(NumberFormatting.string(mean, precision: 2)) min" : "p-median: swap \(swaps), mean \(NumberFormatting.string(mean, precision: 2)) min")
                }.chosen
                gains = []
                var covered = picks.map { _ in 0.0 }
                var prior: [Int] = []
                for (n, j) in picks.enumerated() {
                    covered[n] = problem.coveredWeight(chosen: prior + [j]) - problem.coveredWeight(chosen: prior)
                    prior.append(j)
                }
                gains = covered
            }
            for (n, j) in picks.enumerated() {
                chosen.append((candidates[j].name, candidates[j].location, gains[n]))
                afterStudy.sites.append(Site(id: "NEW\(n + 1)", name: candidates[j].name, kind: options.kind, location: candidates[j].location, capacity: newCapacity))
            }
        }
        let afterTimes = try nearestTimes(afterStudy)

        func indicators(_ times: [Double?], _ s: Study) throws -> Indicators {
            let capped = times.map { min($0 ?? cost.maxMinutes, cost.maxMinutes) }
            let total = population.reduce(0, +)
            let values = try WeightedValues(capped, weights: population)
            var gap: Double?
            if let below = options.accessBelow {
                var a = AccessAnalysis.Options()
                a.kinds = [options.kind]
                a.cost = options.cost
                a.crs = options.crs
                a.per = options.per
                let access = try AccessAnalysis.run(s, options: a).access
                gap = zip(access, population).reduce(0) { $0 + ($1.0 < below ? $1.1 : 0) }
            }
            return Indicators(
                populationBeyond: TravelStatistics.weightBeyond(options.thresholdMinutes, times: times, weights: population),
                meanMinutes: total > 0 ? zip(capped, population).reduce(0) { $0 + $1.0 * $1.1 } / total : 0,
                gini: values.mean > 0 ? try values.gini() : 0, accessGapPopulation: gap)
        }
        let before = try indicators(beforeTimes, study)
        let after = try indicators(afterTimes, afterStudy)
        var analysis = SitingAnalysis(chosen: chosen.map { (name: $0.0, location: $0.1, newlyCovered: $0.2) }, before: before, after: after, summary: Summary())
        analysis.summary = analysis.makeSummary(options: options, existing: existing.count, candidates: candidates.count, newCapacity: newCapacity)
        return analysis
    }

    /// Refuses a kind that no site of the study has while it has sites of other kinds: most
    /// often a typing error, which would otherwise site as if nobody were served. A kind
    /// with no site yet is planned from scratch by leaving the site files out.
    static func checkKindPresent(_ kind: SiteKind, existing: [Site], in study: Study) throws {
        guard existing.isEmpty, !study.sites.isEmpty else { return }
        let kinds = Set(study.sites.map(\.kind.rawValue)).sorted().joined(separator: ", ")
        throw ParameterError(.contradicted, "no site of kind '\(kind)'; the sites have kinds \(kinds) (to place the first sites of a new kind, leave the site files out)")
    }

    /// The capacity of new sites that have none of their own: nil when no existing site of the
    /// kind has a capacity (then every site counts 1, new ones too, and a capacity given for a
    /// new site is refused: it could only be ignored, or mix the two conventions); otherwise
    /// `options.newCapacity`, or by default the median of the existing capacities (for an even
    /// count the higher of the two middle values, a capacity some site has).
    static func newSiteCapacity(existing: [Site], options: Options) throws -> Double? {
        let capacities = existing.compactMap(\.capacity).sorted()
        guard capacities.isEmpty else { return options.newCapacity ?? capacities[capacities.count / 2] }
        let without = "no existing site of kind '\(options.kind)' has a capacity, so every site counts 1"
        if let c = options.newCapacity {
            throw ParameterError(.ignored, "\(.newSiteCapacity) \(NumberFormatting.string(c, precision: 6)): \(without); give the existing sites capacities, or leave it out")
        }
        if let planned = options.add.first(where: { $0.capacity != nil }) {
            throw ParameterError(.ignored, "\(.plannedSites) '\(planned.name)': a capacity is given, but \(without); write lon,lat without a capacity")
        }
        return nil
    }

    func makeSummary(options: Options, existing: Int, candidates: Int, newCapacity: Double?) -> Summary {
        func row(_ i: Indicators) -> Properties {
            var p = Properties([
                ("population_beyond_threshold", .headCount(i.populationBeyond)),
                ("mean_minutes", .fixed(i.meanMinutes, 2)),
                ("gini_of_minutes", .fixed(i.gini, 4)),
            ])
            if let g = i.accessGapPopulation { p["population_with_access_below"] = .headCount(g) }
            return p
        }
        var s = Summary([
            ("site_kind", .string(options.kind.rawValue)),
            ("threshold_minutes", .fixed(options.thresholdMinutes, 1)),
            ("access_below", options.accessBelow.map { .number($0) } ?? .null),
            ("existing_sites", .int(existing)),
            ("removed", .strings(options.remove)),
            ("added", .strings(options.add.map(\.name))),
        ])
        if existing == 0 { s["note_on_existing_sites"] = .string("no existing site of kind '\(options.kind)': everyone starts unserved") }
        if options.k > 0 {
            s["method"] = .string(options.method.rawValue)
            s["algorithm"] = .string(options.method == .mclp ? "maximal covering (greedy + interchange)" : "p-median (greedy + Teitz–Bart)")
            s["candidates"] = .int(candidates)
            if options.k > candidates { s["note"] = .string("k = \(options.k) is larger than the \(candidates) candidates") }
            if chosen.count < min(options.k, candidates), options.method == .mclp {
                s["stopped_early"] = .string("only \(chosen.count) new site(s) bring anyone within the threshold; more would add nobody")
            }
            s["new_site_capacity"] = newCapacity.map { .fixed($0, 2) } ?? .null
            s["chosen"] = .rows(chosen.enumerated()) { n, c in
                [("order", .int(n + 1)), ("site", .string(c.name)), ("lon", .fixed(c.location.x, 6)), ("lat", .fixed(c.location.y, 6)),
                 ("population_newly_within_threshold", .headCount(c.newlyCovered))]
            }
        }
        s["before"] = .object(row(before))
        s["after"] = .object(row(after))
        if after.populationBeyond == before.populationBeyond && options.k > 0 {
            s["note"] = .string("no candidate brings anyone within the threshold (everyone is already within it, or nobody can be)")
        }
        return s
    }
}
