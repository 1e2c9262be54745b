import Accessibility
import GeoCore
import GeoIO

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
/// and the indicators (times beyond count at that bound); each commune's row keeps only the
/// candidates nearer than its existing nearest site (the others change no answer), so the
/// national matrix holds a small share of the pairs within the bound (docs/performance.md).
public struct SitingAnalysis: Sendable {
    /// How new sites are chosen: maximal covering (`mclp`, population newly within the threshold),
    /// p-median (`pmedian`, population-weighted mean time to the nearest site), or with sites
    /// sized in FTE GPs within a budget (docs/siting.md): the population with access below a
    /// threshold (`access-gap`), the Gini (`access-gini`) or the Palma ratio (`access-palma`) of
    /// access, the population beyond the threshold with capacitated new sites (`capacitated`).
    public enum Method: String, Sendable, CaseIterable {
        case mclp, pmedian, accessGap = "access-gap", accessGini = "access-gini", accessPalma = "access-palma", capacitated
    }

    /// A site the user plans to open (the what-if's `add`).
    public struct PlannedSite: Sendable {
        /// Where the site would be, WGS84 longitude/latitude.
        public var location: Coordinate  // lon/lat
        /// Its supply (same unit as the existing sites' capacities); `nil`: the new sites' convention
        /// (``newSiteCapacity(existing:options:)``).
        public var capacity: Double?
        /// Its name in the report.
        public var name: String
        /// A planned site named `name` at `location` (longitude/latitude) with `capacity`.
        public init(location: Coordinate, capacity: Double?, name: String) {
            self.location = location
            self.capacity = capacity
            self.name = name
        }
    }

    /// The siting parameters (study file keys and CLI flags: ``Parameter``).
    public struct Options: Sendable {
        /// The kind of site to place; the existing sites of this kind are the "before".
        public var kind: SiteKind
        /// How many new sites to choose (`k`, default 0: a what-if of `add` and `remove` only).
        public var k = SitingAnalysis.defaultNewSites
        /// The method choosing them (default `.mclp`).
        public var method = SitingAnalysis.defaultMethod
        /// The coverage threshold in minutes (default 30): MCLP covers within it; the indicators count
        /// the population beyond it.
        public var thresholdMinutes = SitingAnalysis.defaultThresholdMinutes
        /// Whether the communes' representative points are candidates (default true).
        public var candidatesFromCommunes = true
        /// Further candidate locations (a candidate file's sites, positions in longitude/latitude).
        public var candidates: [Site] = []
        /// Planned sites added to the after-scenario (`add`).
        public var add: [PlannedSite] = []
        /// Ids of existing sites closed in the after-scenario (`remove`); an unknown id is an error.
        public var remove: [String] = []
        /// When given, the indicators also count the population whose E2SFCA access is below this (in
        /// the unit of ``per``).
        public var accessBelow: Double?
        /// Access is multiplied by this for ``accessBelow`` (default 1: per inhabitant).
        public var per = AccessAnalysis.defaultPer
        /// Supply of each chosen new site, when the existing sites have capacities (default: their median).
        public var newCapacity: Double?
        /// Sized methods: the sizes a new site may have, in FTE GPs (default one size, 1 FTE).
        public var siteSizes = SitingAnalysis.defaultSiteSizes
        /// Sized methods: the total FTE the new sites may add (default `k` × the largest size).
        public var budget: Double?
        /// Access methods: the supply of one FTE (default 5,400 consultations for the APL, 1 capacity unit otherwise).
        public var activityPerFTE: Double?
        /// `capacitated`: the residents one FTE serves at most (default 2,160 = 5,400 / 2.5).
        public var populationPerFTE = SitingAnalysis.defaultPopulationPerFTE
        /// The travel-cost model and its settings.
        public var cost = CostModelOptions()
        /// A metric CRS forced for every area (default: each département's own).
        public var crs: CRS?
        /// The defaults, for sites of kind `kind`.
        ///
        /// ```swift
        /// let study = try StudyLoader.load(StudySources.discover(in: folder)).study
        /// var options = SitingAnalysis.Options(kind: .msp)
        /// options.k = 3
        /// let result = try SitingAnalysis.run(study, options: options)
        /// result.after.populationBeyond  // residents still beyond 30 minutes
        /// ```
        public init(kind: SiteKind) { self.kind = kind }
    }

    /// The coverage threshold when none is given: 30 minutes to the nearest site.
    package static let defaultThresholdMinutes = 30.0
    /// New sites chosen when no number is given: none (a what-if of planned and removed sites only).
    package static let defaultNewSites = 0
    /// The siting method when none is given: maximal covering.
    package static let defaultMethod = Method.mclp
    /// The sizes of new sites when none are given (sized methods): one size, 1 FTE GP.
    package static let defaultSiteSizes = [1.0]
    /// The supply of one FTE GP for the APL: 5,400 consultations, the DREES count for a GP with
    /// no activity the year before (``Accessibility/APLParameters``).
    package static let defaultActivityPerFTE = APLParameters.newPractitionerActivity
    /// The residents one FTE GP serves in capacitated covering: 5,400 consultations / 2.5 per
    /// inhabitant = 2,160, the residents it can give the zonage's under-served threshold
    /// (DREES APL parameters; ``Accessibility/APLParameters/underServedThreshold``).
    package static let defaultPopulationPerFTE = APLParameters.newPractitionerActivity / APLParameters.underServedThreshold

    /// The headline indicators of one scenario (before or after).
    public struct Indicators: Sendable, Equatable {
        /// Residents farther than the threshold from every site of the kind (unreachable included).
        public var populationBeyond: Double
        /// Population-weighted mean time to the nearest site, in minutes (unreachable at the matrix bound).
        public var meanMinutes: Double
        /// Population-weighted Gini coefficient of the time to the nearest site.
        public var gini: Double
        /// Residents whose E2SFCA access is below ``Options/accessBelow``; `nil` when that is not given.
        public var accessGapPopulation: Double?
    }

    /// The new sites chosen, in the order chosen: name, longitude/latitude, and the residents each
    /// brings newly within the threshold (marginal to those before it).
    public var chosen: [(name: String, location: Coordinate, newlyCovered: Double)]
    /// The indicators with the existing sites of the kind.
    public var before: Indicators
    /// The indicators with the chosen and planned sites added and the removed ones closed.
    public var after: Indicators
    /// The report (`geohealth site`'s summary).
    public var summary: Summary
    /// The sized methods' choice: the sites with their FTE and the objective before and after.
    package var sized: SizedSitingRun?

    /// A regional study's buffer (``Study/studyArea``) is left out: every site of the files is
    /// already a destination, candidates and people counted are the study area's.
    public static func run(_ study: Study, options: Options) throws -> SitingAnalysis {
        try run(study, options: options, projected: nil)
    }

    /// ``run(_:options:)`` with the study already projected (with `options.crs`), when the
    /// caller has it (the report); used only for a study without a regional buffer.
    package static func run(_ study: Study, options: Options, projected given: ProjectedStudy?) throws -> SitingAnalysis {
        let given = study.studyArea == nil ? given : nil
        let study = study.withoutBuffer()
        let unknown = options.remove.filter { id in !study.sites.contains { $0.id == id } }
        guard unknown.isEmpty else { throw ParameterError(.contradicted, "\(.removedSites): no site with id \(unknown.joined(separator: ", "))") }
        let existing = study.sites.filter { $0.kind == options.kind }
        try checkKindPresent(options.kind, existing: existing, in: study)
        let newCapacity = try newSiteCapacity(existing: existing, options: options)
        let run = try SitingRun(study, options: options, newCapacity: newCapacity, projected: given)
        let candidates = try run.candidates()
        // Before: the study as given. After: without the removed sites, with the planned and chosen ones.
        let beforeTimes = try run.nearestTimes(study)
        var afterStudy = run.scenario
        var chosen: [(name: String, location: Coordinate, newlyCovered: Double)] = []
        var sized: SizedSitingRun?
        if options.k > 0 {
            let scenarioTimes = options.add.isEmpty && options.remove.isEmpty ? beforeTimes : try run.nearestTimes(run.scenario)
            let picks: [Int], gains: [Double]
            if options.method.isSized {
                sized = try SizedSitingRun.choose(run, among: candidates, scenarioTimes: scenarioTimes)
                picks = sized!.sites.map(\.candidate)
                gains = try run.newlyWithin(picks.map { candidates[$0] }, scenarioTimes: scenarioTimes)
            } else {
                (picks, gains) = try run.choose(among: candidates, scenarioTimes: scenarioTimes)
            }
            for (n, j) in picks.enumerated() {
                chosen.append((candidates[j].name, candidates[j].location, gains[n]))
                let capacity = sized.map { $0.sites[n].fte } ?? newCapacity
                afterStudy.sites.append(Site(id: "NEW\(n + 1)", name: candidates[j].name, kind: options.kind, location: candidates[j].location, capacity: capacity))
            }
        }
        let afterTimes = try run.nearestTimes(afterStudy)
        var before = try run.indicators(beforeTimes, study)
        var after = try run.indicators(afterTimes, afterStudy)
        if let gap = sized?.accessGap {
            (before.accessGapPopulation, after.accessGapPopulation) = (gap.before, gap.after)
        }
        var analysis = SitingAnalysis(chosen: chosen, before: before, after: after, summary: Summary(), sized: sized)
        analysis.summary = analysis.makeSummary(options: options, existing: existing.count, candidates: candidates.count, newCapacity: newCapacity)
        return analysis
    }

    /// Refuses a kind that no site of the study has while it has sites of other kinds: most
    /// often a typing error, which would otherwise site as if nobody were served. A kind
    /// with no site yet is planned from scratch by leaving the site files out.
    static func checkKindPresent(_ kind: SiteKind, existing: [Site], in study: Study) throws {
        guard existing.isEmpty, !study.sites.isEmpty else { return }
        let kinds = Set(study.sites.map(\.kind.rawValue)).sorted().joined(separator: ", ")
        throw ParameterError(
            .contradicted, "no site of kind '\(kind)'; the sites have kinds \(kinds) (to place the first sites of a new kind, leave the site files out)")
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
            throw ParameterError(
                .ignored, "\(.newSiteCapacity) \(NumberFormatting.string(c, precision: 6)): \(without); give the existing sites capacities, or leave it out")
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
            ("access_below", (options.accessBelow ?? sized?.threshold).map { .number($0) } ?? .null),
            ("existing_sites", .int(existing)),
            ("removed", .strings(options.remove)),
            ("added", .strings(options.add.map(\.name))),
        ])
        if existing == 0 { s["note_on_existing_sites"] = .string("no existing site of kind '\(options.kind)': everyone starts unserved") }
        if options.k > 0 {
            s["method"] = .string(options.method.rawValue)
            s["algorithm"] = .string(
                options.method == .mclp ? "maximal covering (greedy + interchange)"
                    : options.method == .pmedian ? "p-median (greedy + Teitz–Bart)" : "sized siting (greedy by rate per FTE + interchange)")
            s["candidates"] = .int(candidates)
            if options.k > candidates { s["note"] = .string("k = \(options.k) is larger than the \(candidates) candidates") }
            if chosen.count < min(options.k, candidates), options.method == .mclp {
                s["stopped_early"] = .string("only \(chosen.count) new site(s) bring anyone within the threshold; more would add nobody")
            }
            if !options.method.isSized { s["new_site_capacity"] = newCapacity.map { .fixed($0, 2) } ?? .null }
            s["chosen"] = .rows(chosen.enumerated()) { n, c in
                [("order", .int(n + 1)), ("site", .string(c.name)), ("lon", .fixed(c.location.x, 6)), ("lat", .fixed(c.location.y, 6)),
                 ("population_newly_within_threshold", .headCount(c.newlyCovered))]
            }
        }
        if let sized { s["equity"] = sized.summary(names: chosen.map { ($0.name, $0.location) }) }
        s["before"] = .object(row(before))
        s["after"] = .object(row(after))
        if after.populationBeyond == before.populationBeyond && options.k > 0 && !options.method.isSized {
            s["note"] = .string("no candidate brings anyone within the threshold (everyone is already within it, or nobody can be)")
        }
        return s
    }
}
