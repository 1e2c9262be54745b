import Foundation
import Accessibility
import Gaps
import GeoCore
import GeoIO
import GEOSBridge
import Inequality
import Projection

/// `geohealth gaps`: under-served communes by the rules the user states, merged into
/// contiguous gap zones ranked by population, and the CPTS white zones.
///
/// Rules (each reported per commune; combined with `any` (default) or `all`):
/// - `travel`: time to the nearest site of `travelKind` above `minutesAbove` (unreachable counts);
/// - `access`: floating-catchment access (E2SFCA, or APL with `accessMethod`) to `accessKinds`
///   below `accessBelow` (in the unit of `per`);
/// - `outside-cpts`: less than half of the commune's surface inside a territory;
/// - `low-low`: a significant low-low LISA cluster of the access value (queen contiguity,
///   seeded permutations, p ≤ 0.05).
/// Zones: the connected components of under-served communes over their queen contiguity (GEOS), each
/// dissolved into a polygon (GEOS coverage union) with its population, area, communes, mean and
/// worst travel time, and how many of its communes meet each rule; ranked by population.
/// White zones: the communes' union minus the union of the territories (GEOS difference), each
/// part with the population living in it (area-proportional).
public struct GapsAnalysis: Sendable {
    /// The gap rules and their parameters (study file keys and CLI flags: ``Parameter``); at least
    /// one rule must be stated.
    public struct Options: Sendable {
        /// The site kind of the `travel` rule (required with ``minutesAbove``).
        public var travelKind: SiteKind?
        /// The `travel` rule: a commune whose nearest site of ``travelKind`` is farther than this many
        /// minutes (or unreachable) is under-served.
        public var minutesAbove: Double?
        /// The site kinds of the `access` rule (default: every kind).
        public var accessKinds: [SiteKind]?
        /// The `access` rule: a commune whose access is below this (in the unit of ``per``) is under-served.
        public var accessBelow: Double?
        /// The access index of the `access` and `low-low` rules (default E2SFCA; `.apl` for the DREES APL).
        public var accessMethod = AccessAnalysis.defaultMethod
        /// Access is multiplied by this (default 1: per inhabitant).
        public var per = AccessAnalysis.defaultPer
        /// The `outside-cpts` rule: less than half of the commune's surface inside a territory.
        public var outsideCPTS = false
        /// The `low-low` rule: the commune is in a significant low-low LISA cluster of access.
        public var lowLow = false
        /// Whether a commune must meet every stated rule (`all`) rather than any (default).
        public var combineAll = false
        /// The travel-cost model of the `travel` and `access` rules.
        public var cost = CostModelOptions()
        /// A metric CRS forced for every area (default: each département's own).
        public var crs: CRS?
        /// The seed of the `low-low` rule's permutations (default 1): same seed, same clusters.
        public var seed = InequalityAnalysis.defaultSeed
        /// Draws of the uncertain parameters and the robust share (``GapUncertainty``); nil: the
        /// stated study only.
        public var uncertainty: GapUncertainty.Options?
        /// The defaults, with no rule stated: set at least one before ``run(_:options:)``.
        public init() {}

        /// Refuses options that state no rule, or a travel rule without its site kind (before
        /// anything is computed: a usage error). Pure: a front end calls it before loading the
        /// study (the CLI's `validate()`); ``GapsAnalysis/run(_:options:)`` calls it first too.
        package func checkRules() throws {
            guard !ruleNames.isEmpty else {
                throw ParameterError(
                    .incomplete,
                    "state at least one rule: \(.minutesAbove) N (with \(.siteKind)), \(.accessBelow) X, \(.outsideTerritories) or \(.lowLowCluster)")
            }
            if minutesAbove != nil && travelKind == nil { throw ParameterError(.incomplete, "\(.minutesAbove) needs \(.siteKind)") }
        }

        var ruleNames: [String] {
            (minutesAbove != nil ? ["travel"] : []) + (accessBelow != nil ? ["access"] : []) + (outsideCPTS ? ["outside-cpts"] : [])
                + (lowLow ? ["low-low"] : [])
        }
    }

    /// A gap zone: contiguous under-served communes, dissolved into one shape.
    public struct Zone: Sendable {
        /// The zone's rank by population, 1 for the most populated.
        public var rank: Int
        /// Its communes, as indices into the study's (reported) areas, ascending.
        public var communes: [Int]
        /// Its residents (communes without population count 0).
        public var population: Double
        /// Its surface in km², in the communes' metric CRS.
        public var areaKm2: Double
        /// Population-weighted mean time to the nearest site of the `travel` rule, over the communes
        /// that reach one; `nil` without that rule or when none does.
        public var meanMinutes: Double?
        /// The longest time to the nearest site among its communes, +∞ when one reaches none; `nil`
        /// without the `travel` rule.
        public var worstMinutes: Double?
        var ruleCounts: [String: Int]
        /// WGS84 polygon(s).
        public var geometry: Geometry
    }

    /// The study analysed (without its buffer, for a regional study).
    public var study: Study
    /// The options it ran with.
    public var options: Options
    /// Per rule name, per commune: whether it holds.
    public var rules: [String: [Bool]]
    /// Per commune: whether it is under-served (the stated rules combined by any or all).
    public var underServed: [Bool]
    /// Per commune, with the `travel` rule: minutes to the nearest site of its kind (nil: unreachable).
    package var travelMinutes: [Double?]?
    /// Per commune: its access (times ``Options/per``), when the `access` or `low-low` rule computed it.
    public var access: [Double]?
    /// The gap zones, by rank.
    public var zones: [Zone]
    /// With ``Options/uncertainty``: how sure each commune's gap is, and what moves it.
    public var uncertainty: GapUncertainty?
    /// With ``Options/uncertainty``: the robust gap zones (contiguous communes under-served in
    /// at least the robust share of the draws), by rank of population.
    public var robustZones: [Zone] = []
    /// The parts of the communes outside every territory (WGS84), with the residents living there
    /// (area-proportional) and their surface in km²; empty without territories.
    public var whiteZones: [(geometry: Geometry, population: Double, areaKm2: Double)]
    /// The report (`geohealth gaps`'s summary).
    public var summary: Summary

    /// Applies the stated rules to every reported commune, merges the under-served ones into
    /// contiguous zones ranked by population, and cuts out the CPTS white zones.
    ///
    /// ```swift
    /// let study = try StudyLoader.load(StudySources.discover(in: folder)).study
    /// var options = GapsAnalysis.Options()
    /// options.travelKind = .msp
    /// options.minutesAbove = 20
    /// let gaps = try GapsAnalysis.run(study, options: options)
    /// gaps.zones.first?.population  // residents of the largest gap zone
    /// ```
    /// - Throws: ``ParameterError`` for options that state no rule, a site kind no site has, or
    ///   `outside-cpts` without territories; GEOS and PROJ errors.
    public static func run(_ study: Study, options: Options) throws -> GapsAnalysis {
        try run(study, options: options, projected: nil)
    }

    /// ``run(_:options:)`` with the study already projected (with `options.crs`, keeping the
    /// polygons), when the caller has it.
    package static func run(_ study: Study, options: Options, projected given: ProjectedStudy?) throws -> GapsAnalysis {
        try options.checkRules()
        let projected = try given ?? ProjectedStudy(study, crs: options.crs)
        var rules: [String: [Bool]] = [:]
        let nearest = try nearestSites(study, options: options, projected: projected)
        let travel = nearest.map { $0.map { $0?.minutes } }
        if let travel, let limit = options.minutesAbove { rules["travel"] = travel.map { ($0 ?? .infinity) > limit } }
        let access = try accessOfEveryCommune(study, options: options, projected: projected)
        if let access, let below = options.accessBelow { rules["access"] = access.map { $0 < below } }
        if options.outsideCPTS { rules["outside-cpts"] = try outsideTerritories(study, options: options, projected: projected) }
        Progress.report("contiguity and gap zones…")
        if options.lowLow, let access {
            let queen = try SpatialWeightsBuilder.build(.queen, projected: projected)
            rules["low-low"] = try lowLowClusters(access, weights: queen, seed: options.seed)
        }
        // A regional study: the rules were computed with the buffer (no edge effect on access);
        // the zones are made of the study area's communes only.
        let keep = study.studyArea == nil ? nil : study.reportedAreas
        func reported<T>(_ values: [T]) -> [T] { keep.map { $0.map { values[$0] } } ?? values }
        rules = rules.mapValues(reported)
        let reportedStudy = keep == nil ? study : study.withoutBuffer()
        let reportedProjection = keep.map { projected.restricted(to: $0) } ?? projected
        let names = options.ruleNames
        let under = (0..<reportedStudy.areas.count).map { i in
            options.combineAll ? names.allSatisfy { rules[$0]![i] } : names.contains { rules[$0]![i] }
        }
        let uncertainty = try options.uncertainty.map { u in
            let model = try GapDrawModel(
                study, reported: keep ?? Array(study.areas.indices), gaps: options, uncertainty: u, projected: projected, nearest: nearest,
                fixed: rules.filter { $0.key == "outside-cpts" || $0.key == "low-low" })
            var result = try GapUncertainty.run(u, model: model)
            if keep != nil, options.accessBelow != nil || u.access != nil, options.cost.kind == .straight {
                let catchment = (u.access ?? options.accessOptions).catchmentMinutes ?? AccessAnalysis.defaultCatchmentMinutes(options.accessMethod)
                let bound = DrawnCatchment.bound(catchment: catchment, ranges: u.ranges, withDetour: true)
                result.bufferNeededKm = 2 * bound * options.cost.speedKmh / 60 / options.cost.detourFactor
            }
            return result
        }
        let robust = uncertainty?.robust
        // The zones are components of the under-served (or robust) communes: their contiguity among themselves suffices.
        let inputs = ZoneInputs(
            study: reportedStudy, projected: reportedProjection,
            neighbours: try SpatialWeightsBuilder.contiguity(
                .queen, projected: reportedProjection, among: robust.map { r in zip(under, r).map { $0 || $1 } } ?? under).neighbours,
            travel: travel.map(reported), rules: rules, names: names)
        let (zones, white, robustZones) = try zonesAndWhiteZones(under: under, robust: robust, inputs)
        var analysis = GapsAnalysis(study: inputs.study, options: options, rules: rules, underServed: under, travelMinutes: inputs.travel,
                                    access: access.map(reported), zones: zones, uncertainty: uncertainty, robustZones: robustZones,
                                    whiteZones: white.map { (geometry: $0.0, population: $0.1, areaKm2: $0.2) }, summary: Summary())
        analysis.summary = analysis.makeSummary()
        return analysis
    }

    /// The `travel` rule's nearest sites: per commune, the nearest site of its kind and its
    /// minutes (`nil` beyond ``travelSearchBound(_:)``); `nil` without the rule.
    static func nearestSites(_ study: Study, options: Options, projected: ProjectedStudy) throws -> [CostMatrix.Entry?]? {
        guard options.minutesAbove != nil else { return nil }
        let kind = options.travelKind!
        guard study.sites.contains(where: { $0.kind == kind }) else {
            throw ParameterError(
                .contradicted, "no site of kind '\(kind)'; the sites have kinds \(Set(study.sites.map(\.kind.rawValue)).sorted().joined(separator: ", "))")
        }
        var cost = options.cost
        cost.maxMinutes = travelSearchBound(options)
        let (model, _) = try cost.model(for: projected, study: study)
        // The nearest site alone, without a matrix where the model can (a grid for the straight line).
        let found = try projected.nearest(study, model: model, maxMinutes: cost.maxMinutes, countMinutes: 0, groupCount: 1) {
            study.sites[$0].kind == kind ? 0 : nil
        }
        return found.nearest[0]
    }

    /// The access of every loaded commune, the buffer's too (restricted with the other rules),
    /// for the `access` and `low-low` rules; `nil` without them.
    static func accessOfEveryCommune(_ study: Study, options: Options, projected: ProjectedStudy) throws -> [Double]? {
        guard options.accessBelow != nil || options.lowLow else { return nil }
        var whole = study
        whole.studyArea = nil
        return try AccessAnalysis.run(whole, options: options.accessOptions, projected: projected).access
    }

    /// The `outside-cpts` rule: per commune, whether less than half of its surface lies in a territory.
    static func outsideTerritories(_ study: Study, options: Options, projected: ProjectedStudy) throws -> [Bool] {
        guard !study.territories.isEmpty else {
            throw ParameterError(.contradicted, "\(.outsideTerritories) needs territories (cpts.csv or \(.territories))")
        }
        var c = CoverageAnalysis.Options()
        c.crs = options.crs
        let coverage = try CoverageAnalysis.run(study, options: c, projected: projected)
        return coverage.shareInAny.map { $0 < 0.5 }
    }

    /// The `low-low` rule: per commune, whether it is in a significant low-low cluster of access
    /// (local Moran over the queen contiguity, the inequality analysis's permutations and alpha).
    static func lowLowClusters(_ access: [Double], weights queen: SpatialWeights, seed: UInt64) throws -> [Bool] {
        var rng = SeededGenerator(seed: seed)
        let lisa = try LocalMoran(access, weights: queen.rowStandardized(), permutations: InequalityAnalysis.defaultPermutations, using: &rng)
        return lisa.significantClusters(alpha: InequalityAnalysis.defaultAlpha).map { $0 == .lowLow }
    }

    /// What the zones are made from: the reported communes, projected, their queen neighbours,
    /// the `travel` minutes and the rules (restricted to the study area of a regional study).
    struct ZoneInputs {
        var study: Study
        var projected: ProjectedStudy
        var neighbours: [[Int]]
        var travel: [Double?]?
        var rules: [String: [Bool]]
        var names: [String]
    }

    /// The gap zones (contiguous under-served communes, dissolved, ranked by population) and the
    /// white zones, each back in WGS84.
    static func zonesAndWhiteZones(
        under: [Bool], robust: [Bool]?, _ inputs: ZoneInputs
    ) throws -> (zones: [Zone], white: [(Geometry, Double, Double)], robust: [Zone]) {
        let context = GEOSContext.current
        // Zones are contiguous, so each lies in one partition: back to WGS84 from its CRS.
        let back = try inputs.projected.partitions.map { try CoordinateTransformer.shared(from: $0.crs, to: .wgs84) }
        // GEOS copies of the polygons the dissolves need: the under-served communes', or every
        // commune's for the white zones.
        let whole = !inputs.study.territories.isEmpty
        let needed = robust.map { r in zip(under, r).map { $0 || $1 } } ?? under
        let natives = try zip(inputs.projected.geometries, needed).map { g, selected in whole || selected ? try context.geometry(g) : nil }
        func ranked(_ selected: [Bool]) throws -> [Zone] {
            var zones = try ContiguousZones.components(selected: selected, neighbours: inputs.neighbours).map { members in
                try zone(members, inputs, shape: try context.dissolve(members.map { natives[$0]! }), back: back)
            }
            zones.sort { ($0.population, -$0.communes[0]) > ($1.population, -$1.communes[0]) }
            for k in zones.indices { zones[k].rank = k + 1 }
            return zones
        }
        let zones = try ranked(under)
        let robustZones = try robust.map(ranked) ?? []
        var white: [(Geometry, Double, Double)] = []
        if whole {
            white = try whiteZones(study: inputs.study, projected: inputs.projected, natives: natives.map { $0! }, back: back)
        }
        return (zones, white, robustZones)
    }

    /// One gap zone (rank 0 until ranked) of `members` dissolved into `shape`.
    static func zone(_ members: [Int], _ inputs: ZoneInputs, shape: NativeGeometry, back: [CoordinateTransformer]) throws -> Zone {
        let population = members.reduce(0) { $0 + (inputs.study.areas[$1].population ?? 0) }
        let travel = inputs.travel
        let times = travel.map { t in members.compactMap { t[$0] } } ?? []
        let meanTime: Double? = travel.flatMap { t in
            let w = members.filter { t[$0] != nil }
            let total = w.reduce(0) { $0 + (inputs.study.areas[$1].population ?? 0) }
            return total > 0 ? w.reduce(0) { $0 + (inputs.study.areas[$1].population ?? 0) * t[$1]! } / total : nil
        }
        let worst: Double? = travel == nil ? nil : (members.contains { travel![$0] == nil } ? .infinity : times.max())
        let projected = inputs.projected
        return Zone(rank: 0, communes: members, population: population, areaKm2: members.reduce(0) { $0 + projected.surfaces[$1] } / 1e6,
                    meanMinutes: meanTime, worstMinutes: worst,
                    ruleCounts: Dictionary(uniqueKeysWithValues: inputs.names.map { r in (r, members.filter { inputs.rules[r]![$0] }.count) }),
                    geometry: try back[projected.areaPartition[members[0]]].transformed(shape.geometry()))
    }

    /// Parts of the communes' union outside every territory, with their population
    /// (area-proportional), partition by partition (each in its own metric CRS): a partition
    /// that no territory reaches (an overseas département without CPTS) is white as a whole.
    static func whiteZones(
        study: Study, projected: ProjectedStudy, natives: [NativeGeometry], back: [CoordinateTransformer]
    ) throws -> [(Geometry, Double, Double)] {
        let context = GEOSContext.current
        let index = study.areaIndex()
        var result: [(Geometry, Double, Double)] = []
        for (k, partition) in projected.partitions.enumerated() where !partition.areas.isEmpty {
            let toMetric = try CoordinateTransformer.shared(from: .wgs84, to: partition.crs)
            let territoryShapes: [NativeGeometry] = try study.territories.compactMap { t in
                switch t.definition {
                case .areas(let codes):
                    let members = codes.compactMap { index[$0] }.filter { projected.areaPartition[$0] == k }
                    return members.isEmpty ? nil : try context.dissolve(members.map { natives[$0] })
                case .geometry(let g):
                    guard projected.partitionCRS(of: g.boundingBox) == partition.crs else { return nil }
                    return try context.geometry(toMetric.transformed(g)).makeValid()
                }
            }
            let local = partition.areas.map { natives[$0] }
            let all = try context.dissolve(local)
            let rest = territoryShapes.isEmpty ? try all.geometry() : try all.difference(try context.unionAll(territoryShapes)).geometry()
            let tree = try SpatialIndex(local, context: context)
            result += try rest.polygons.compactMap { polygon in
                let part = try context.geometry(.polygon(polygon))
                let area = try part.area()
                guard area > 1 else { return nil }  // below 1 m²: a sliver of the union, not a zone
                var pop = 0.0
                for j in try tree.query(envelopeOf: part) {
                    let a = partition.areas[j]
                    guard projected.surfaces[a] > 0 else { continue }
                    pop += (study.areas[a].population ?? 0) * (try local[j].intersection(part).area()) / projected.surfaces[a]
                }
                return (try back[k].transformed(.polygon(polygon)), pop, area / 1e6)
            }
        }
        return result.sorted { $0.1 > $1.1 }
    }

    func makeSummary() -> Summary {
        let population = study.areas.map { $0.population ?? 0 }
        let under = study.areas.indices.filter { underServed[$0] }
        var s = Summary([
            ("rules", .strings(options.ruleNames)),
            ("combined_with", .string(options.combineAll ? "all" : "any")),
            ("communes", .int(study.areas.count)),
            ("under_served_communes", .int(under.count)),
            ("under_served_population", .headCount(under.reduce(0) { $0 + population[$1] })),
            ("each_rule", .rows(options.ruleNames) { r in
                [("rule", .string(r)), ("communes", .int(rules[r]!.filter { $0 }.count)),
                 ("population", .headCount(study.areas.indices.filter { rules[r]![$0] }.reduce(0) { $0 + population[$1] }))]
            }),
            ("gap_zones", .int(zones.count)),
        ])
        // Worst minutes is null when a commune of the zone is beyond --max-minutes
        // (`unreachable` true).
        s["largest_gap_zones"] = .rows(zones.prefix(10)) { z in
            [("rank", .int(z.rank)), ("population", .headCount(z.population)), ("communes", .int(z.communes.count)),
             ("area_km2", .fixed(z.areaKm2, 1)), ("mean_minutes", z.meanMinutes.map { .fixed($0, 1) } ?? .null),
             ("worst_minutes", z.worstMinutes.flatMap { $0.isFinite ? .fixed($0, 1) : nil } ?? .null),
             ("unreachable", .bool(z.worstMinutes.map { !$0.isFinite } ?? false)),
             ("name", .string(zoneName(z)))]
        }
        if !study.territories.isEmpty {
            s["cpts_white_zones"] = .object(Properties([
                ("parts", .int(whiteZones.count)),
                ("population", .headCount(whiteZones.reduce(0) { $0 + $1.population })),
                ("area_km2", .fixed(whiteZones.reduce(0) { $0 + $1.areaKm2 }, 1)),
            ]))
        }
        if let uncertainty { s["uncertainty"] = uncertaintySummary(uncertainty) }
        if zones.isEmpty { s["note"] = .string("no commune meets the rules: no gap zone") }
        return s
    }
}
