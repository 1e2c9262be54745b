import Foundation
import Accessibility
import Coverage
import GeoCore
import GeoIO
import Projection

/// `geohealth coverage`: which communes and how many inhabitants lie inside the territories
/// (CPTS, SAS areas…) and within reach of sites (a catchment of N minutes around MSP, say).
///
/// Territories given as lists of commune codes are those communes (no geometry needed);
/// polygon territories are projected and overlaid. Shares come from ``TerritoryCoverage``;
/// covered population is area-proportional by default or by representative point
/// (``CoverageSummary/Method``). A catchment covers a commune when at least one site of the
/// chosen kinds is within the minutes, by the chosen cost model.
public struct CoverageAnalysis: Sendable {
    /// How a commune's covered inhabitants are counted (area-proportional or representative point).
    package typealias Method = CoverageSummary.Method

    /// The coverage parameters (study file keys and CLI flags: ``Parameter``).
    public struct Options: Sendable {
        package var method: CoverageSummary.Method = .areaProportional
        /// When given, the catchment: sites within this many minutes of travel cover a commune.
        public var catchmentMinutes: Double?
        /// When given, the catchment is a crow-fly distance: sites within this many kilometres in
        /// a straight line cover a commune (reported as such); give it instead of
        /// ``catchmentMinutes``, with the straight-line ``cost`` model.
        public var catchmentKm: Double?
        /// The site kinds of the catchment (default: every kind).
        public var catchmentKinds: [SiteKind]?
        /// The travel-cost model of the catchment.
        public var cost = CostModelOptions()
        /// An area attribute to report by (`departement`, or a column such as `DEP`); `nil`: no groups.
        public var groupBy: String?
        /// A metric CRS forced for every area (default: each département's own).
        public var crs: CRS?
        /// The defaults: territories only, no catchment, area-proportional counting.
        ///
        /// ```swift
        /// let study = try StudyLoader.load(StudySources.discover(in: folder)).study
        /// var options = CoverageAnalysis.Options()
        /// options.catchmentMinutes = 15
        /// options.catchmentKinds = [.msp]
        /// let coverage = try CoverageAnalysis.run(study, options: options)
        /// ```
        public init() {}
    }

    /// The study analysed (without its buffer, for a regional study).
    public var study: Study
    /// The options it ran with.
    public var options: Options
    /// Per commune: (territory index, share of surface) and the share inside any territory.
    package var shares: [[TerritoryCoverage.Share]]
    /// Per commune: the share of its surface inside any territory, 0…1 (1 for a member of a list).
    public var shareInAny: [Double]
    /// Per commune: the territories (indices into the study's territories) that contain its
    /// representative point, or that list it.
    public var pointIn: [[Int]]
    /// Per commune: sites within the catchment (indices into the study's sites), when asked.
    public var catchment: [[Int]]?
    /// Per commune: its ``Options/groupBy`` label; `nil` without groups.
    public var groups: [String]?
    /// The report (`geohealth coverage`'s summary).
    public var summary: Summary

    /// - Parameter projected: the study already projected (with `options.crs`), when the caller has it.
    /// A regional study's buffer takes no part in coverage (sites are all destinations already):
    /// only the reported communes are overlaid. `projected`, when given, is of the same areas.
    /// - Throws: ``ParameterError`` when there is nothing to cover with (no territory and no
    ///   catchment), when ``Options/catchmentKm`` comes with ``Options/catchmentMinutes``, when
    ///   no site is of the catchment's kinds; the cost model's and overlay's errors.
    public static func run(_ study: Study, options: Options, projected given: ProjectedStudy? = nil) throws -> CoverageAnalysis {
        if study.studyArea != nil && given == nil { return try run(study.withoutBuffer(), options: options) }
        let options = try resolved(options, territories: study.territories)
        // Polygons are only needed to overlay polygon territories, and projected points only for
        // them and for catchments: member lists alone need no geometry at all.
        let overlays = study.territories.contains { if case .geometry = $0.definition { true } else { false } }
        let projected = try given ?? ((overlays || options.catchmentMinutes != nil) ? ProjectedStudy(study, crs: options.crs, keepGeometries: overlays) : nil)
        var shares = [[TerritoryCoverage.Share]](repeating: [], count: study.areas.count)
        var any = [Double](repeating: 0, count: study.areas.count)
        var pointIn = [[Int]](repeating: [], count: study.areas.count)
        let areaIndex = study.areaIndex()
        let partitions: [(areas: [Int], crs: CRS?)] = projected.map { p in p.partitions.map { ($0.areas, $0.crs) } } ?? [(Array(study.areas.indices), nil)]
        for (areas, crs) in partitions where !study.territories.isEmpty {
            let local = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, $0) })
            var shapes: [TerritoryCoverage.Shape] = []
            var territoryIDs: [Int] = []
            for (t, territory) in study.territories.enumerated() {
                switch territory.definition {
                case .areas(let codes):
                    let members = codes.compactMap { areaIndex[$0] }.compactMap { local[$0] }
                    guard !members.isEmpty else { continue }
                    shapes.append(.members(members))
                case .geometry(let g):
                    shapes.append(.geometry(try CoordinateTransformer.shared(from: .wgs84, to: crs!).transformed(g)))
                }
                territoryIDs.append(t)
            }
            if overlays {
                announceLargeOverlays(shapes, ids: territoryIDs.map { study.territories[$0].id }, areas: areas.map { projected!.geometries[$0].boundingBox })
            }
            Progress.report("territories × communes (\(shapes.count) territories)…")
            let coverage = try overlays
                ? TerritoryCoverage.compute(areas: areas.map { projected!.geometries[$0] }, points: areas.map { projected!.points[$0] }, territories: shapes)
                : TerritoryCoverage.ofMembers(shapes, areaCount: areas.count)
            for (k, a) in areas.enumerated() {
                shares[a] = coverage.shares[k].map { .init(territory: territoryIDs[$0.territory], share: $0.share) }
                any[a] = coverage.shareInAny[k]
                pointIn[a] = coverage.pointIn[k].map { territoryIDs[$0] }
            }
        }
        var catchment: [[Int]]?
        var notes = Properties()
        if let minutes = options.catchmentMinutes {
            var cost = options.cost
            cost.maxMinutes = minutes
            let kinds = Set(options.catchmentKinds ?? study.sites.map(\.kind))
            guard study.sites.contains(where: { kinds.contains($0.kind) }) else {
                throw ParameterError(
                    .contradicted,
                    "no site of kind \(kinds.map(\.rawValue).sorted().joined(separator: ", ")) for the catchments; the sites have kinds " +
                    "\(Set(study.sites.map(\.kind.rawValue)).sorted().joined(separator: ", "))"
                )
            }
            guard let projected else { preconditionFailure("catchments are projected") }
            let (model, modelNotes) = try cost.model(for: projected, study: study)
            notes = modelNotes
            let matrix = try projected.costs(study, model: model, maxMinutes: minutes) { kinds.contains(study.sites[$0].kind) }
            catchment = study.areas.indices.map { a in matrix.row(a).map(\.destination) }
        }
        let groups = try options.groupBy.map { try AreaGroups.labels(study.areas, by: $0) }
        var analysis = CoverageAnalysis(
            study: study, options: options, shares: shares, shareInAny: any, pointIn: pointIn, catchment: catchment, groups: groups, summary: Summary())
        analysis.summary = analysis.makeSummary(costNotes: notes)
        return analysis
    }

    /// The options as run: a crow-fly catchment (``Options/catchmentKm``) is the straight-line
    /// model with no detour at 60 km/h, so that its minutes are the kilometres.
    /// - Throws: ``ParameterError`` when there is nothing to cover with, or both catchments.
    static func resolved(_ options: Options, territories: [Territory]) throws -> Options {
        if territories.isEmpty && options.catchmentMinutes == nil && options.catchmentKm == nil {
            throw ParameterError(.contradicted, "nothing to cover with: give \(.territories) FILE (or a study folder with cpts.csv), \(.catchmentMinutes) N or \(.catchmentKm) N")
        }
        guard let km = options.catchmentKm else { return options }
        if options.catchmentMinutes != nil {
            throw ParameterError(.contradicted, "\(.catchmentKm) is a crow-fly distance: give it without \(.catchmentMinutes)")
        }
        var resolved = options
        resolved.cost.detourFactor = 1
        resolved.cost.speedKmh = 60
        resolved.catchmentMinutes = km
        return resolved
    }

    /// Measured (debug build, one core): a territory of 100,000 holes (500,000 vertices) over
    /// the 239 sample communes it meets takes about 20 s. Each commune a territory cuts is
    /// overlaid with the whole polygon (GEOS clips it to the commune first, in time linear in
    /// its vertices), so time grows with vertices × communes met.
    package static let overlaySecondsPerVertexAndCommune = 2e-7

    /// Says before the overlay starts that polygon territories are large enough to take
    /// minutes (``Progress/warnIfLong(_:seconds:advice:)``), with the size of the largest: its
    /// rings, vertices and the communes its box meets. Silent for ordinary territories.
    package static func announceLargeOverlays(_ shapes: [TerritoryCoverage.Shape], ids: [String], areas: [BoundingBox]) {
        var seconds = 0.0, polygons = 0
        var largest: (id: String, rings: Int, vertices: Int, met: Int)?
        for (k, shape) in shapes.enumerated() {
            guard case .geometry(let g) = shape else { continue }
            let box = g.boundingBox, vertices = g.coordinateCount
            let met = areas.count { $0.intersects(box) }
            seconds += overlaySecondsPerVertexAndCommune * Double(vertices) * Double(met)
            polygons += 1
            if vertices > largest?.vertices ?? -1 { largest = (ids[k], g.polygons.reduce(0) { $0 + $1.rings.count }, vertices, met) }
        }
        guard let largest else { return }
        let workers = Double(max(1, min(polygons, ProcessInfo.processInfo.activeProcessorCount)))
        Progress.warnIfLong(
            "overlaying \(polygons) polygon territor\(polygons == 1 ? "y" : "ies") on the communes (the largest, '\(largest.id)': \(largest.rings) " +
            "rings, \(largest.vertices) vertices, over \(largest.met) communes)",
            seconds: seconds / workers,
            advice: "simplify the polygons (e.g. `ogr2ogr -simplify 10`), drop their small holes, or give the territories as lists of communes")
    }

    /// The fraction of each commune's population counted as covered by the territories.
    public var territoryCoveredShare: [Double] {
        switch options.method {
        case .areaProportional: shareInAny
        case .representativePoint: pointIn.map { $0.isEmpty ? 0 : 1 }
        }
    }

    func makeSummary(costNotes: Properties) -> Summary {
        let population = study.areas.map { $0.population ?? 0 }
        var summary = Summary([
            ("communes", .int(study.areas.count)),
            ("population", .headCount(population.reduce(0, +))),
            ("method", .string(options.method == .areaProportional ? "area-proportional" : "representative point")),
        ])
        if !study.territories.isEmpty {
            var t = Self.describe(CoverageSummary(population: population, coveredShare: territoryCoveredShare, groups: groups), groupBy: options.groupBy)
            // One pass over the communes (in their order, so each territory's sum is the same).
            var communes = [Int](repeating: 0, count: study.territories.count)
            var inside = [Double](repeating: 0, count: study.territories.count)
            for a in study.areas.indices {
                if options.method == .areaProportional {
                    for s in shares[a] { communes[s.territory] += 1; inside[s.territory] += population[a] * s.share }
                } else {
                    for k in Set(pointIn[a]) { communes[k] += 1; inside[k] += population[a] }
                }
            }
            t["each_territory"] = .rows(study.territories.indices) { k in
                [("territory", .string(study.territories[k].id)), ("communes", .int(communes[k])), ("population", .headCount(inside[k]))]
            }
            t["communes_in_several_territories"] = .int(study.areas.indices.filter { shares[$0].count > 1 }.count)
            summary["territories"] = .object(t)
        }
        if let catchment, let minutes = options.catchmentMinutes {
            var c = Self.describe(
                CoverageSummary(population: population, coveredShare: catchment.map { $0.isEmpty ? 0 : 1 }, groups: groups), groupBy: options.groupBy)
            c[options.catchmentKm != nil ? "km_straight_line" : "minutes"] = .fixed(minutes, 1)
            c["site_kinds"] = .strings((options.catchmentKinds ?? Array(Set(study.sites.map(\.kind))).sorted()).map(\.rawValue))
            c["cost"] = .object(costNotes)
            c["communes_with_several_sites_in_reach"] = .int(catchment.filter { $0.count > 1 }.count)
            summary["catchments"] = .object(c)
        }
        return summary
    }

    static func describe(_ s: CoverageSummary, groupBy: String?) -> Properties {
        func row(_ r: CoverageSummary.Row) -> Properties {
            Properties([
                ("communes", .int(r.communes)),
                ("communes_covered", .int(r.communesCovered)),
                ("population_covered", .headCount(r.populationCovered)),
                ("population_not_covered", .headCount((r.population - r.populationCovered))),
                ("covered_share", .share(r.populationCovered, of: r.population)),
            ])
        }
        var p = row(s.overall)
        if let groupBy, !s.groups.isEmpty {
            p["group_by"] = .string(groupBy)
            p["by_group"] = .array(s.groups.map { g in .object(Properties([("group", .string(g.group))] + Array(row(g)))) })
        }
        return p
    }

    /// One row per commune: code, name, population, group, territories with their shares,
    /// share and population covered, and the sites within the catchment.
    public var table: CommuneTable {
        var columns = ["code", "name", "population"] + (groups == nil ? [] : [options.groupBy!])
        columns += ["territories", "share_in_territory", "population_in_territory"]
        if catchment != nil { columns += ["sites_in_reach", "site_ids_in_reach"] }
        let covered = territoryCoveredShare
        let rows = study.areas.indices.map { a -> [PropertyValue] in
            let pop = study.areas[a].population
            var row: [PropertyValue] = [.string(study.areas[a].id), .string(study.areas[a].name), .rounded(pop, 0)]
            if let groups { row.append(.string(groups[a])) }
            row.append(.strings(shares[a].map { "\(study.territories[$0.territory].id):\(NumberFormatting.string($0.share, precision: 4))" }))
            row += [.rounded(shareInAny[a], 4), .rounded(pop.map { $0 * covered[a] }, 1)]
            if let catchment { row += [.int(catchment[a].count), .strings(catchment[a].map { study.sites[$0].id })] }
            return row
        }
        return CommuneTable(columns: columns, rows: rows, geometries: study.areas.map(\.geometry))
    }
}
