import Foundation
import Accessibility
import GeoCore
import GeoIO

/// `geohealth access`: supply-over-demand accessibility of every commune (floating-catchment
/// family or the zone ratio), with per-site ratios.
///
/// Supply: site capacity (beds, full-time equivalents…). When no site of the chosen kinds has
/// a capacity, each counts 1 (noted); when only some have one, it is an error naming those
/// without (mixing units with a default would be silent guessing). Demand: population, or the
/// age-standardised population for APL. Communes with zero population get an access value
/// (what a resident would have) but weigh nothing in demand.
public struct AccessAnalysis: Sendable {
    /// The accessibility index: the zone's supply-to-population `ratio`, 2SFCA, E2SFCA, Gaussian
    /// 2SFCA, 3SFCA, or the DREES APL (``FloatingCatchment``, ``APLParameters``).
    public enum Method: String, Sendable, CaseIterable {
        case ratio, twoStep = "2sfca", enhanced = "e2sfca", gaussian = "g2sfca", threeStep = "3sfca", apl
    }

    /// What the supply of a site counts, and so the unit of the access values.
    public enum SupplyUnit: Sendable, Equatable {
        /// APL: each GP's consultations and visits of the year under the DREES rules, read
        /// from the column `field`; access is in consultations per inhabitant per year.
        case consultations(field: String)
        /// The sites' capacity (beds, full-time equivalents… whatever the site table gives).
        case capacity
        /// No site has a capacity: each counts 1; access is in sites per inhabitant.
        case sites
    }

    /// The access parameters (study file keys and CLI flags: ``Parameter``).
    public struct Options: Sendable {
        /// The index (default E2SFCA).
        public var method = AccessAnalysis.defaultMethod
        /// The site kinds that supply care (default: every kind).
        public var kinds: [SiteKind]?
        /// The catchment bound in minutes (default ``defaultCatchmentMinutes(_:)``).
        public var catchmentMinutes: Double?
        /// E2SFCA bands (default ``Accessibility/DistanceDecay/luoQi``: 1 ≤ 10 min, 0.68 ≤ 20, 0.22 ≤ 30).
        public var bands: DistanceDecay?
        /// The continuous decay of g2sfca/3sfca (default ``Decay/dai``: Dai's Gaussian falling to
        /// 0 at the catchment); its parameter is ``bandwidth``.
        public var decay = Decay.dai
        /// The decay's parameter: σ in minutes (``Decay/gaussian``), β (``Decay/exponential``,
        /// ``Decay/power``), the radius in minutes (``Decay/dai``, ``Decay/linear``; default the
        /// catchment). `gaussian`, `exponential` and `power` without one fall back to Dai's.
        public var bandwidth: Double?
        package var apl = APLParameters()
        /// APL: the sites' column of each GP's yearly activity (consultations, visits,
        /// teleconsultations), counted under the DREES rules; default `activity` when present.
        public var activityField: String?
        /// APL: the sites' column saying a GP had no activity the year before (1/true/yes/oui);
        /// default `new_practitioner` when present.
        public var newPractitionerField: String?
        /// Per site of the study (its order): a factor on the supply it counts (1 when nil): a
        /// what-if that takes a share of every site's GPs (``ZoningAnalysis``).
        package var supplyFactors: [Double]?
        /// Access is multiplied by this (e.g. 100,000: per 100,000 inhabitants).
        public var per = AccessAnalysis.defaultPer
        /// The travel-cost model of the catchments.
        public var cost = CostModelOptions()
        /// A metric CRS forced for every area (default: each département's own).
        public var crs: CRS?
        /// An area attribute to report by (`departement`, or a column such as `DEP`); the `ratio`
        /// method's zones.
        public var groupBy: String?
        /// The defaults: E2SFCA with Luo & Qi's bands over 30 minutes, every site kind.
        public init() {}
    }

    /// The continuous distance decays of g2sfca/3sfca (``Accessibility/DistanceDecay``), set by
    /// kind and ``Options/bandwidth``.
    public enum Decay: String, Sendable, CaseIterable {
        case dai, gaussian, exponential, power, linear

        /// The decay with `bandwidth` over a catchment of `catchment` minutes: Dai's Gaussian or
        /// the linear one fall to 0 at `bandwidth` (default the catchment); the Gaussian,
        /// exponential and power ones need `bandwidth` (σ, β), Dai's Gaussian without it.
        public func distanceDecay(bandwidth: Double?, catchment: Double) -> DistanceDecay {
            switch self {
            case .dai: .gaussianDai(radius: bandwidth ?? catchment)
            case .linear: .linear(radius: bandwidth ?? catchment)
            case .gaussian: bandwidth.map { .gaussian(sigma: $0) } ?? .gaussianDai(radius: catchment)
            case .exponential: bandwidth.map { .exponential(beta: $0) } ?? .gaussianDai(radius: catchment)
            case .power: bandwidth.map { .power(beta: $0) } ?? .gaussianDai(radius: catchment)
            }
        }
    }

    /// The method when none is given: E2SFCA (with ``Accessibility/DistanceDecay/luoQi``).
    package static let defaultMethod = Method.enhanced

    /// Access per this many inhabitants when none is given: 1 (access per inhabitant).
    package static let defaultPer = 1.0

    /// The catchment when none is given: the last band of the method's published bands, 30
    /// minutes for Luo & Qi's (``Accessibility/DistanceDecay/luoQiCatchmentMinutes``), 20 for APL
    /// (``Accessibility/APLParameters/catchmentMinutes``).
    public static func defaultCatchmentMinutes(_ method: Method) -> Double {
        method == .apl ? APLParameters.catchmentMinutes : DistanceDecay.luoQiCatchmentMinutes
    }

    /// The study analysed.
    public var study: Study
    /// The options it ran with.
    public var options: Options
    /// Per commune: its access Aᵢ times ``Options/per``, in the unit ``supplyUnit`` says.
    public var access: [Double]
    /// Per commune: its demand Dᵢ, the population (age-standardised for APL; 0 when unknown).
    public var demand: [Double]
    /// The sites of the chosen kinds, as indices into the study's sites.
    public var siteIndices: [Int]
    /// Per chosen site (order of ``siteIndices``): its ratio Rⱼ, supply over the weighted demand in
    /// its catchment; `nil` when no demand is within reach.
    public var siteRatios: [Double?]
    /// Per chosen site: the supply counted (capacity, or the GP activity under the APL rules).
    public var supply: [Double]
    /// What ``supply`` counts, hence the unit of ``access`` (times ``Options/per``).
    public var supplyUnit: SupplyUnit
    /// The catchment used, in minutes (the option, or the method's default).
    public var catchmentMinutes: Double
    /// The distance decay used: E2SFCA or APL bands, a continuous decay, or uniform (2SFCA, ratio).
    public var decay: DistanceDecay
    /// Per commune: its `--group-by` label.
    public var groups: [String]?
    /// The report (`geohealth access`'s summary).
    public var summary: Summary

    /// Every reported commune's access to the sites of `options.kinds` by `options.method`, and
    /// each site's ratio; a regional study reports its communes and the sites they reach, its
    /// buffer taking part in the demand.
    /// - Throws: ``ParameterError`` when the options contradict the study (no site of the kinds,
    ///   capacities given for only some sites, an activity that is not a number, age groups
    ///   without a weight, `ratio` without `groupBy`), or the cost model's input errors.
    public static func run(_ study: Study, options: Options) throws -> AccessAnalysis {
        try run(study, options: options, projected: nil, measured: nil)
    }

    /// ``run(_:options:)`` with what the caller already has.
    /// - Parameter projected: the study already projected (with `options.crs`), when the caller has it.
    /// - Parameter measured: the areas' measures computed ahead by the loader (``StudyLoader/Loaded/measures``).
    package static func run(
        _ study: Study, options: Options, projected given: ProjectedStudy?, measured: [AreaMeasure?]? = nil
    ) throws -> AccessAnalysis {
        let groups = try options.groupBy.map { try AreaGroups.labels(study.areas, by: $0) }
        let projected = try given ?? ProjectedStudy(study, crs: options.crs, keepGeometries: false, measured: measured)
        let kinds = Set(options.kinds ?? study.sites.map(\.kind))
        let siteIndices = study.sites.indices.filter { kinds.contains(study.sites[$0].kind) }
        guard !siteIndices.isEmpty else { throw ParameterError(.contradicted, "no site of kind \(kinds.map(\.rawValue).sorted().joined(separator: ", "))") }
        var notes = Properties()
        var (supply, unit) = try Self.supply(study, siteIndices: siteIndices, options: options, notes: &notes)
        if let factors = options.supplyFactors { supply = zip(supply, siteIndices).map { $0 * factors[$1] } }
        let demand = try Self.demand(study, options: options, unit: unit, notes: &notes)
        let catchment = options.catchmentMinutes ?? defaultCatchmentMinutes(options.method)
        let decay = Self.decay(options, catchment: catchment)
        let chosen = ChosenSites(kinds: kinds, indices: siteIndices, supply: supply)
        let computed = options.method == .ratio
            ? try zoneRatio(study, projected: projected, zones: groups, sites: chosen, demand: demand, notes: &notes)
            : try floatingCatchment(study, options: options, projected: projected, sites: chosen, demand: demand, decay: decay, catchment: catchment, notes: &notes)
        var analysis = AccessAnalysis(study: study, options: options, access: computed.access.map { $0 * options.per }, demand: demand,
                                      siteIndices: siteIndices, siteRatios: computed.ratios.map { $0.map { $0 * options.per } }, supply: supply,
                                      supplyUnit: unit, catchmentMinutes: catchment, decay: decay, groups: groups, summary: Summary())
        if let inside = study.studyArea {
            notes["buffer"] = analysis.reportStudyArea(loadedCount: inside.count, reached: computed.reachedFromStudyArea)
        }
        analysis.summary = analysis.makeSummary(notes: notes, catchment: catchment, supply: analysis.supply)
        return analysis
    }

    /// The sites of the chosen kinds (indices into the study's sites, in its order) and their supply.
    struct ChosenSites {
        var kinds: Set<SiteKind>
        var indices: [Int]
        var supply: [Double]
    }

    /// Per commune its access, per chosen site its ratio and whether a reported commune reaches
    /// it (all of them without a buffer).
    struct Computed {
        var access: [Double]
        var ratios: [Double?]
        var reachedFromStudyArea: [Bool]
    }

    /// Per commune: its demand Dᵢ, the population, standardised by age for APL when the areas
    /// have age columns (0 when unknown); for APL, notes what the demand and the unit are.
    static func demand(_ study: Study, options: Options, unit: SupplyUnit, notes: inout Properties) throws -> [Double] {
        var standardized = false
        let demand: [Double] = try study.areas.map { area in
            guard options.method == .apl, !area.populationByAge.isEmpty else { return area.population ?? 0 }
            standardized = true
            do {
                return try options.apl.standardizedPopulation(byAge: area.populationByAge)
            } catch let error as APLParameters.UnweightedAgeGroup {
                throw ParameterError(.contradicted, "\(error.description); give the population in those columns, or weights for yours with \(.ageWeights)")
            }
        }
        if options.method == .apl {
            notes["demand"] = .string(standardized ? "population standardised by age (DREES APL weights)" : "population (no age columns: not standardised)")
            notes["unit"] = .string(aplUnit(unit, standardized: standardized, per: options.per))
        }
        return demand
    }

    /// The method's distance decay: uniform (2SFCA, ratio), the E2SFCA or APL bands, or the
    /// continuous decay of ``Options/decay`` over `catchment` minutes (g2sfca, 3sfca).
    static func decay(_ options: Options, catchment: Double) -> DistanceDecay {
        switch options.method {
        case .ratio, .twoStep: .uniform
        case .enhanced: options.bands ?? .luoQi
        case .gaussian, .threeStep: options.decay.distanceDecay(bandwidth: options.bandwidth, catchment: catchment)
        case .apl: options.apl.bands
        }
    }

    /// The zone ratio: each zone's supply over its demand, a commune's access its zone's, a
    /// site's ratio its zone's; notes the sites in no commune.
    static func zoneRatio(
        _ study: Study, projected: ProjectedStudy, zones groups: [String]?, sites: ChosenSites, demand: [Double], notes: inout Properties
    ) throws -> Computed {
        guard let zones = groups else { throw ParameterError(.incomplete, "\(.accessMethod) ratio needs zones: give \(.groupBy) FIELD (e.g. DEP)") }
        let containing = projected.siteAreas(of: study)
        let (byZone, outside) = FloatingCatchment.zoneRatio(
            demand: demand, originZones: zones, supply: sites.supply, siteZones: sites.indices.map { containing[$0].map { zones[$0] } })
        let computed = Computed(
            access: zones.map { (byZone[$0] ?? nil) ?? 0 }, ratios: sites.indices.map { containing[$0].flatMap { byZone[zones[$0]] ?? nil } },
            reachedFromStudyArea: [Bool](repeating: study.studyArea == nil, count: sites.indices.count))
        if !outside.isEmpty { notes["sites_outside_every_commune"] = .strings(outside.map { study.sites[sites.indices[$0]].id }) }
        return computed
    }

    /// The floating-catchment methods over the costs within `catchment` minutes by the options'
    /// cost model; notes the model and the sites (reached from the study area) that reach no demand.
    static func floatingCatchment(
        _ study: Study, options: Options, projected: ProjectedStudy, sites: ChosenSites, demand: [Double], decay: DistanceDecay, catchment: Double,
        notes: inout Properties
    ) throws -> Computed {
        var cost = options.cost
        cost.maxMinutes = catchment
        let (model, modelNotes) = try cost.model(for: projected, study: study)
        notes["cost"] = .object(modelNotes)
        // Destinations numbered among the chosen sites (sites.indices, in the study's order).
        let matrix = try projected.costs(study, model: model, maxMinutes: catchment, sites: { sites.kinds.contains(study.sites[$0].kind) }, renumbered: true)
        let result = options.method == .threeStep
            ? FloatingCatchment.threeStep(matrix, demand: demand, supply: sites.supply, decay: decay)
            : FloatingCatchment.twoStep(matrix, demand: demand, supply: sites.supply, decay: decay)
        var reached = [Bool](repeating: study.studyArea == nil, count: sites.indices.count)
        for a in study.reportedAreas { for e in matrix.row(a) { reached[e.destination] = true } }
        notes["sites_reaching_no_demand"] = .strings(result.sitesWithoutDemand.filter { reached[$0] }.map { study.sites[sites.indices[$0]].id })
        return Computed(access: result.access, ratios: result.ratios, reachedFromStudyArea: reached)
    }

    /// Keeps what a regional study reports: its communes, and the sites its residents reach
    /// (every site for the zone ratio); returns the note on what the buffer added.
    /// - Parameter loadedCount: the communes of the study area and its buffer.
    mutating func reportStudyArea(loadedCount: Int, reached: [Bool]) -> PropertyValue {
        let keep = study.reportedAreas
        let sites = siteIndices.indices.filter { reached[$0] || options.method == .ratio }
        let chosenCount = siteIndices.count
        study = study.withoutBuffer()
        access = keep.map { access[$0] }
        demand = keep.map { demand[$0] }
        groups = groups.map { g in keep.map { g[$0] } }
        siteIndices = sites.map { siteIndices[$0] }
        siteRatios = sites.map { siteRatios[$0] }
        supply = sites.map { supply[$0] }
        return .object(
            Properties([
                ("communes_in_catchments_not_reported", .int(loadedCount - keep.count)),
                ("sites_not_reached_from_the_study_area", .int(chosenCount - sites.count)),
            ]))
    }

    /// Each chosen site's supply and what it counts: for APL with an activity column, the GP's
    /// activity under the DREES rules (``APLParameters/ActivityRule``; sites of kind `centre`
    /// are centres de santé, uncapped); otherwise the capacity, every site counting 1 when none
    /// has one (an error when only some have one: mixing units with a default would be silent
    /// guessing).
    static func supply(_ study: Study, siteIndices: [Int], options: Options, notes: inout Properties) throws -> (values: [Double], unit: SupplyUnit) {
        let sites = siteIndices.map { study.sites[$0] }
        func column(_ given: String?, default name: String) -> String? {
            given ?? (sites.contains { $0.attributes[name] != nil } ? name : nil)
        }
        if options.method == .apl, let field = column(options.activityField, default: "activity") {
            let newField = column(options.newPractitionerField, default: "new_practitioner")
            var counts = [APLParameters.ActivityRule: Int]()
            let supply = try sites.map { s -> Double in
                let isNew = newField.map { ["1", "true", "yes", "oui"].contains(s.attributes[$0]?.stringValue?.lowercased() ?? "") } ?? false
                let text = s.attributes[field]?.stringValue ?? ""
                let activity = Double(text.replacingOccurrences(of: ",", with: "."))
                // A new practitioner needs no activity (it counts 5,400 whatever it is).
                guard isNew || (activity.map { $0 >= 0 && $0.isFinite } ?? false) else {
                    throw ParameterError(.contradicted, "site \(s.id): '\(text)' in the activity column '\(field)' is not a number of consultations")
                }
                let rule = APLParameters.ActivityRule(activity: activity ?? 0, newPractitioner: isNew, healthCentre: s.kind == .healthCentre)
                counts[rule, default: 0] += 1
                return rule.counted(activity ?? 0)
            }
            notes["supply_rule"] = .string("GP activity in '\(field)' under the DREES rules\(newField.map { ", new practitioners in '\($0)'" } ?? "")")
            notes["practitioners_by_rule"] = .rows(APLParameters.ActivityRule.allCases.filter { counts[$0] != nil }) {
                [("rule", .string($0.code)), ("description", .string($0.rawValue)), ("practitioners", .int(counts[$0]!))]
            }
            return (supply, .consultations(field: field))
        }
        let withCapacity = sites.filter { $0.capacity != nil }
        if !withCapacity.isEmpty && withCapacity.count < sites.count {
            let missing = sites.filter { $0.capacity == nil }.map(\.id)
            throw ParameterError(
                .contradicted,
                "\(missing.count) site(s) have no capacity while others have one " +
                "(\(missing.prefix(10).joined(separator: ", "))\(missing.count > 10 ? ", …" : "")): give every site a capacity, or none (then each counts 1)"
            )
        }
        if withCapacity.isEmpty { notes["supply_unit"] = .string("no site has a capacity: each counts 1") }
        if options.method == .apl {
            notes["supply_rule"] = .string(
                ParameterSpelling.text("site capacity (no activity column: the DREES activity rules are not applied; give \(.activityField))"))
        }
        return (sites.map { $0.capacity ?? 1 }, withCapacity.isEmpty ? .sites : .capacity)
    }

    /// The unit of an APL result, as computed: consultations per inhabitant per year only when
    /// the supply is the GPs' activity; without an activity column the supply is a count of
    /// sites (GPs) or their capacity, and the zonage's 2.5 threshold, being in consultations,
    /// does not apply.
    static func aplUnit(_ unit: SupplyUnit, standardized: Bool, per: Double) -> String {
        let inhabitant = "\(standardized ? "standardised " : "")inhabitant"
        let scale = per == 1 ? "" : " × \(NumberFormatting.string(per, precision: 0))"
        let threshold = NumberFormatting.string(APLParameters.underServedThreshold, precision: 1)
        let notConsultations = " (no activity column: not consultations; the under-served threshold of \(threshold) is not applied)"
        switch unit {
        case .consultations: return "consultations per \(inhabitant) per year" + scale
        case .capacity: return "site capacity per \(inhabitant)\(scale)" + notConsultations
        case .sites: return "sites per \(inhabitant)\(scale)" + notConsultations
        }
    }

    func makeSummary(notes: Properties, catchment: Double, supply: [Double]) -> Summary {
        Self.summary(options: options, catchment: catchment, sites: siteIndices.count, supply: supply, unit: supplyUnit,
                     population: study.areas.map { $0.population ?? 0 }, access: access, places: "communes", notes: notes)
    }

    /// The summary's figures over `places` (communes, or grid cells) with their `population`
    /// and `access`, followed by `notes`; communes also count those with no resident.
    static func summary(
        options: Options, catchment: Double, sites: Int, supply: [Double], unit: SupplyUnit, population: [Double], access: [Double], places: String,
        notes: Properties
    ) -> Summary {
        let total = population.reduce(0, +)
        let reached = zip(access, population).filter { $0.0 > 0 }.reduce(0) { $0 + $1.1 }
        let mean = total > 0 ? zip(access, population).reduce(0) { $0 + $1.0 * $1.1 } / total : 0
        var s = Summary([
            ("method", .string(options.method.rawValue)),
            ("catchment_minutes", .fixed(catchment, 1)),
            ("sites", .int(sites)),
            ("supply", .fixed(supply.reduce(0, +), 2)),
            (places, .int(population.count)),
        ])
        if places == "communes" { s["communes_with_zero_population"] = .int(population.filter { $0 == 0 }.count) }
        s["population"] = .headCount(total)
        s["per_inhabitants"] = .number(options.per)
        s["access"] = .object(Properties([
            ("mean", .fixed(mean, 6)),
            ("minimum", .fixed(access.min() ?? 0, 6)),
            ("maximum", .fixed(access.max() ?? 0, 6)),
            ("population_with_no_access", .headCount((total - reached))),
        ]))
        if options.method == .apl, options.per == 1, case .consultations = unit {
            let below = zip(access, population).filter { $0.0 < APLParameters.underServedThreshold }.reduce(0) { $0 + $1.1 }
            s["under_served_below"] = .number(APLParameters.underServedThreshold)
            s["population_under_served"] = .headCount(below)
        }
        for (k, v) in notes { s[k] = v }
        return s
    }

    /// One row per commune: code, name, population, demand, access (and group).
    public var table: CommuneTable {
        let columns = ["code", "name", "population", "demand", "access"] + (options.groupBy == nil ? [] : [options.groupBy!])
        let rows = study.areas.indices.map { a -> [PropertyValue] in
            var row: [PropertyValue] = [
                .string(study.areas[a].id), .string(study.areas[a].name), .rounded(study.areas[a].population, 0), .rounded(demand[a], 2),
                .rounded(access[a], 8),
            ]
            if let groups { row.append(.string(groups[a])) }
            return row
        }
        var table = CommuneTable(columns: columns, rows: rows, geometries: study.areas.map(\.geometry))
        // The report's access map: quantiles, YlGnBu.
        table.mapStyle = MapStyle(field: "access", scheme: .quantiles, palette: "YlGnBu")
        return table
    }

    /// One row per site: id, name, kind, supply, ratio (nil: reaches no demand).
    package func writeSites(to url: URL, inputs: [URL], dialect: CSVDialect = .standard) throws {
        let rows = siteIndices.indices.map { k -> [String] in
            let s = study.sites[siteIndices[k]]
            return [
                s.id, s.name, s.kind.rawValue, dialect.number(NumberFormatting.string(supply[k], precision: 3)),
                siteRatios[k].map { dialect.number(NumberFormatting.string($0, precision: 8)) } ?? "",
            ]
        }
        try CSVWriter.write(header: ["id", "name", "kind", "supply", "ratio"], rows: rows, to: url, inputs: inputs, dialect: dialect)
    }
}
