import Foundation
import Accessibility
import GeoCore
import GeoIO

/// `geohealth distance`: for every commune, the nearest site of each kind (site, minutes, km)
/// and the number of sites within `withinMinutes`; then population-weighted mean, median and
/// 90th percentile of the time to the nearest site, and the **population beyond each
/// threshold** (unreachable communes count as beyond), overall and by group.
public struct TravelAnalysis: Sendable {
    /// The travel parameters (study file keys and CLI flags: ``Parameter``).
    public struct Options: Sendable {
        /// The travel-cost model and its settings.
        public var cost = CostModelOptions()
        /// The site kinds reported, each on its own (default: every kind the sites have, sorted).
        public var kinds: [SiteKind]?
        /// Minutes beyond which the population is counted (default 20 and 30).
        public var thresholds = TravelAnalysis.defaultThresholds
        /// Sites within this many minutes are counted per commune (default 20).
        public var withinMinutes = TravelAnalysis.defaultWithinMinutes
        /// An area attribute to report by (`departement`, or a column such as `DEP`); `nil`: no groups.
        public var groupBy: String?
        /// A metric CRS forced for every area (default: each département's own).
        public var crs: CRS?
        /// The defaults: straight-line travel, every site kind, thresholds 20 and 30 minutes.
        public init() {}
    }

    /// The thresholds (minutes) beyond which the population is counted when none are given.
    package static let defaultThresholds: [Double] = [20, 30]
    /// Sites within this many minutes are counted per commune when no bound is given.
    package static let defaultWithinMinutes = 20.0

    /// The travel figures of one site kind.
    public struct KindResult: Sendable {
        /// The site kind.
        public var kind: SiteKind
        /// Per commune: the nearest site (index into the study's sites) and its cost, or nil.
        public var nearest: [CostMatrix.Entry?]
        /// Per commune: sites of this kind within `withinMinutes`.
        public var within: [Int]
    }

    /// The study analysed (without its buffer, for a regional study).
    public var study: Study
    /// The options it ran with.
    public var options: Options
    /// One result per site kind, in the order of ``Options/kinds``.
    public var kinds: [KindResult]
    /// Per commune: its ``Options/groupBy`` label; `nil` without groups.
    public var groups: [String]?
    /// The report (`geohealth distance`'s summary).
    public var summary: Summary

    /// The travel from every reported commune of `study` to the sites, by `options`' cost model.
    /// A buffer around a regional study area (``Study/studyArea``) changes nothing here (every
    /// site of the files is a destination): the reported communes alone are costed.
    /// - Throws: ``ParameterError`` when the options contradict the study (no site of a kind, no
    ///   such `groupBy` attribute, a cost model's missing input), or the cost model's input errors.
    public static func run(_ study: Study, options: Options) throws -> TravelAnalysis {
        try run(study, options: options, measured: nil)
    }

    /// ``run(_:options:)`` with the areas' measures the loader computed ahead, or the study
    /// already projected.
    /// - Parameter measured: the areas' measures computed ahead by the loader (``StudyLoader/Loaded/measures``).
    /// - Parameter given: the study already projected with `options.crs` (used only for a
    ///   study without a regional buffer, whose reported areas are all its areas).
    package static func run(
        _ study: Study, options: Options, measured: [AreaMeasure?]? = nil, projected given: ProjectedStudy? = nil
    ) throws -> TravelAnalysis {
        let buffered = study.studyArea != nil
        let study = study.withoutBuffer()
        guard !study.sites.isEmpty else { throw ParameterError(.contradicted, "the study has no sites: give \(.sites) FILE") }
        let projected = try (buffered ? nil : given)
            ?? ProjectedStudy(study, crs: options.crs, keepGeometries: false, measured: buffered ? nil : measured)
        let (model, notes) = try options.cost.model(for: projected, study: study)
        let present = Set(study.sites.map(\.kind))
        let kinds = (options.kinds ?? present.sorted())
        if let missing = kinds.first(where: { !present.contains($0) }) {
            throw ParameterError(
                .contradicted, "no site of kind '\(missing)'; the sites have kinds \(present.sorted().map(\.rawValue).joined(separator: ", "))")
        }
        let slot = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        let found = try projected.nearest(
            study, model: model, maxMinutes: options.cost.maxMinutes, countMinutes: options.withinMinutes, groupCount: kinds.count
        ) { slot[study.sites[$0].kind] }
        let results = kinds.indices.map { KindResult(kind: kinds[$0], nearest: found.nearest[$0], within: found.counts[$0]) }
        let groups = try options.groupBy.map { try AreaGroups.labels(study.areas, by: $0) }
        var analysis = TravelAnalysis(study: study, options: options, kinds: results, groups: groups, summary: Summary())
        analysis.summary = analysis.makeSummary(notes: notes, projected: projected)
        Progress.report("sites outside every commune…")
        let outside = projected.sitesOutsideAreas(of: study)
        if !outside.isEmpty { analysis.summary["sites_outside_every_commune"] = .strings(outside.map { study.sites[$0].id }) }
        return analysis
    }

    func makeSummary(notes: Properties, projected: ProjectedStudy) -> Summary {
        let population = study.areas.map { $0.population ?? 0 }
        var summary = Summary([
            ("communes", .int(study.areas.count)),
            ("population", .headCount(population.reduce(0, +))),
            ("cost", .object(notes)),
            ("metric_crs", projected.partitionRows),
            ("max_minutes", .fixed(options.cost.maxMinutes, 1)),
            ("within_minutes", .fixed(options.withinMinutes, 1)),
        ])
        var byKind: [PropertyValue] = []
        for k in kinds {
            let times = k.nearest.map { $0?.minutes }
            var p = Properties([
                ("kind", .string(k.kind.rawValue)),
                ("sites", .int(study.sites.filter { $0.kind == k.kind }.count)),
                ("communes_reached", .int(times.compactMap { $0 }.count)),
                ("mean_minutes", TravelStatistics.weightedMean(times, weights: population).map { .fixed($0, 1) } ?? .null),
                ("median_minutes", Self.value(TravelStatistics.weightedQuantile(times, weights: population, 0.5))),
                ("p90_minutes", Self.value(TravelStatistics.weightedQuantile(times, weights: population, 0.9))),
                ("communes_with_one_within_minutes", .int(k.within.filter { $0 > 0 }.count)),
            ])
            p["population_beyond"] = beyond(times: times, population: population, members: Array(study.areas.indices))
            if let groups {
                let byGroup = Dictionary(grouping: study.areas.indices, by: { groups[$0] })
                p["group_by"] = .string(options.groupBy!)
                p["population_beyond_by_group"] = .rows(byGroup.keys.sorted()) { g in
                    [("group", .string(g)), ("population", .headCount(byGroup[g]!.reduce(0) { $0 + population[$1] })),
                     ("beyond", beyond(times: times, population: population, members: byGroup[g]!))]
                }
            }
            p["unreachable_communes"] = .strings(study.areas.indices.filter { k.nearest[$0] == nil }.map { study.areas[$0].id })
            byKind.append(.object(p))
        }
        summary["nearest_site"] = .array(byKind)
        return summary
    }

    /// Population beyond each threshold, one row per threshold (unreachable communes count
    /// as beyond every threshold).
    private func beyond(times: [Double?], population: [Double], members: [Int]) -> PropertyValue {
        let t = members.map { times[$0] }, w = members.map { population[$0] }
        let total = w.reduce(0, +)
        return .rows(options.thresholds) { threshold in
            let n = TravelStatistics.weightBeyond(threshold, times: t, weights: w)
            return [("minutes", .fixed(threshold, 1)), ("population", .headCount(n)), ("share", .share(n, of: total))]
        }
    }

    /// A population-weighted quantile of the minutes; `null` when it lies beyond
    /// `--max-minutes` (more of the population unreachable than the quantile).
    private static func value(_ minutes: Double?) -> PropertyValue {
        guard let minutes, minutes.isFinite else { return .null }
        return .fixed(minutes, 1)
    }
}

extension TravelAnalysis {
    /// One row per commune: code, name, population, group, then for each kind the nearest
    /// site, its minutes and km, and the number of sites within `withinMinutes`. A commune with
    /// no site within `--max-minutes` has the word `unreachable` as minutes and km (not an
    /// empty cell, which would read as "no data"); `inequality`, `chart` and `map` read it so.
    public var table: CommuneTable {
        let within = NumberFormatting.string(options.withinMinutes, precision: 1)
        var columns = ["code", "name", "population"] + (groups == nil ? [] : [options.groupBy!])
        for k in kinds { columns += ["\(k.kind)_site", "\(k.kind)_minutes", "\(k.kind)_km", "\(k.kind)_within_\(within)min"] }
        let rows = study.areas.indices.map { a -> [PropertyValue] in
            var row: [PropertyValue] = [.string(study.areas[a].id), .string(study.areas[a].name), .rounded(study.areas[a].population, 0)]
            if let groups { row.append(.string(groups[a])) }
            for k in kinds {
                let e = k.nearest[a]
                row += [e.map { .string(study.sites[$0.destination].id) } ?? .null, .minutes(e?.minutes, 2), .minutes(e?.kilometres, 2), .int(k.within[a])]
            }
            return row
        }
        let costs = Set(kinds.flatMap { ["\($0.kind)_minutes", "\($0.kind)_km"] })
        var table = CommuneTable(columns: columns, rows: rows, geometries: study.areas.map(\.geometry), costColumns: costs)
        // The report's travel map: the first kind's minutes, Fisher–Jenks, YlOrRd.
        table.mapStyle = kinds.first.map { MapStyle(field: "\($0.kind)_minutes") }
        return table
    }
}
