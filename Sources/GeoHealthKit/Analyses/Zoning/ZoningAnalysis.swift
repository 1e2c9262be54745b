import Accessibility
import GeoCore

/// `geohealth zoning`: the zonage classes of every commune (ZIP, ZAC, outside:
/// ``Accessibility/ZoningStatus``) from its DREES APL before and after a what-if on the supply
/// of general practitioners (``ZoningScenario``), the communes whose class changes, and the
/// transition matrix of communes and residents (``Accessibility/ZoningTransitions``).
///
/// Both APL runs are ``AccessAnalysis`` with method `apl` and the same options (catchment,
/// bands, age weights, activity rules, cost model), over the study projected once; only the
/// sites differ. The thresholds are in the unit of the APL: consultations per standardised
/// inhabitant per year when the sites give each GP's activity. Without an activity column the
/// APL is in GPs (or capacity) per inhabitant and the arrêté's 2.5 and 4 mean nothing: the
/// thresholds must then be given (``Options/thresholds``), or the run is refused.
public struct ZoningAnalysis: Sendable {
    /// The zoning parameters (study file keys and CLI flags: ``Parameter``).
    public struct Options: Sendable {
        /// The APL options (the method is set to `apl`); their `per` scales the APL and so the
        /// unit the thresholds are read in.
        public var access = AccessAnalysis.Options()
        /// The thresholds; nil: ``Accessibility/ZoningThresholds/drees`` (2.5 and 4), allowed
        /// only when the APL is in consultations per inhabitant (an activity column, `per` 1).
        public var thresholds: ZoningThresholds?
        /// The what-if.
        public var scenario = ZoningScenario()
        /// The defaults: the DREES APL and thresholds, no change.
        public init() {}

        /// Refuses parameters that cannot work, before any file is read.
        /// - Throws: ``ParameterError`` (a usage error).
        public func check() throws {
            try scenario.check()
            if let problem = thresholds?.problem { throw ParameterError(.malformed, "\(.zipBelow)/\(.zacBelow): \(problem)") }
        }
    }

    /// The APL run on the study as given.
    public var before: AccessAnalysis
    /// The APL run on the what-if.
    public var after: AccessAnalysis
    /// The thresholds used.
    public var thresholds: ZoningThresholds
    /// Per reported commune: its class before and after.
    public var statusBefore: [ZoningStatus], statusAfter: [ZoningStatus]
    /// Communes and residents by class before × after.
    public var transitions: ZoningTransitions
    /// The report (`geohealth zoning`'s summary).
    public var summary: Summary
    /// The site rows the scenario added (one per planned GP, ids `MSPm-g`), as in ``after``'s study.
    package var addedSites: [Site] = []

    /// The APL and zonage class of every reported commune before and after `options.scenario`.
    /// - Throws: ``ParameterError`` for a scenario the study contradicts (an unknown site or
    ///   commune, an age column it lacks), default thresholds on an APL not in consultations;
    ///   ``AccessAnalysis``'s errors.
    public static func run(_ study: Study, options: Options) throws -> ZoningAnalysis {
        try run(study, options: options, measured: nil)
    }

    /// ``run(_:options:)`` with the areas' measures computed ahead by the loader.
    package static func run(_ study: Study, options: Options, measured: [AreaMeasure?]?) throws -> ZoningAnalysis {
        try options.check()
        var access = options.access
        access.method = .apl
        let projected = try ProjectedStudy(study, crs: access.crs, keepGeometries: false, measured: measured)
        let kinds = access.kinds.map(Set.init)
        let applied = try options.scenario.applied(to: study, kinds: kinds, access: access, points: projected.pointsLonLat)
        let before = try AccessAnalysis.run(study, options: access, projected: projected)
        let thresholds = try Self.thresholds(options, before: before)
        var afterOptions = access
        afterOptions.supplyFactors = applied.supplyFactors
        // The added GPs supply even when their kind was not among the chosen ones (all centres).
        afterOptions.kinds = access.kinds.map { Array(Set($0 + applied.study.sites.suffix(applied.added).map(\.kind))).sorted() }
        let after = try AccessAnalysis.run(applied.study, options: afterOptions, projected: try projected.withSites(of: applied.study))
        let population = before.study.areas.map { $0.population ?? 0 }
        let statusBefore = before.access.map(thresholds.status(of:)), statusAfter = after.access.map(thresholds.status(of:))
        var analysis = ZoningAnalysis(
            before: before, after: after, thresholds: thresholds, statusBefore: statusBefore, statusAfter: statusAfter,
            transitions: ZoningTransitions(before: statusBefore, after: statusAfter, population: population), summary: Summary())
        analysis.addedSites = Array(applied.study.sites.suffix(applied.added))
        analysis.summary = analysis.makeSummary(options: options, applied: applied)
        return analysis
    }

    /// The thresholds given, or the arrêté's when the APL is in consultations per inhabitant.
    static func thresholds(_ options: Options, before: AccessAnalysis) throws -> ZoningThresholds {
        if let given = options.thresholds { return given }
        guard case .consultations = before.supplyUnit, options.access.per == 1 else {
            throw ParameterError(
                .incomplete,
                "the APL is not in consultations per inhabitant (no activity column, or a per other than 1), so the thresholds 2.5 and 4 do not apply: " +
                "give \(.activityField), or thresholds in the APL's unit with \(.zipBelow) and \(.zacBelow)")
        }
        return .drees
    }

    /// One row per reported commune: code, name, population, APL and class before and after,
    /// whether the class changed (and the group, with `groupBy`).
    public var table: CommuneTable {
        let areas = before.study.areas
        let groupBy = before.options.groupBy
        let rows = areas.indices.map { a -> [PropertyValue] in
            var row: [PropertyValue] = [
                .string(areas[a].id), .string(areas[a].name), .rounded(areas[a].population, 0), .rounded(before.access[a], 8), .rounded(after.access[a], 8),
                .string(statusBefore[a].rawValue), .string(statusAfter[a].rawValue), .bool(statusBefore[a] != statusAfter[a]),
            ]
            if let groups = before.groups { row.append(.string(groups[a])) }
            return row
        }
        let columns = ["code", "name", "population", "apl_before", "apl_after", "status_before", "status_after", "changed"]
        return CommuneTable(columns: columns + (groupBy.map { [$0] } ?? []), rows: rows, geometries: areas.map(\.geometry))
    }
}
