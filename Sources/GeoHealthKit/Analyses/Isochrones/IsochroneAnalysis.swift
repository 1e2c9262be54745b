import Foundation
import Accessibility
import GeoCore

/// `geohealth isochrones`: for every site, the area from which it is reached by road within
/// each threshold (nested polygons, ``Isochrone``), and every commune allocated to its nearest
/// site by road, dissolved into one polygon per site (``Catchment``).
///
/// Travel runs **towards** the site (the time a resident needs to reach it, one-way streets
/// driven the resident's way), the convention of every access figure. An isochrone is the
/// reachable network (``Accessibility/ReachableRoads``: whole segments and the reachable
/// fraction of the last one, interpolated linearly) grown by ``Options/bufferMetres`` on each
/// side and unioned (GEOS buffer of the pieces); what is farther from every reachable road than
/// the buffer stays outside, so unreached valleys are holes.
public struct IsochroneAnalysis: Sendable {
    /// The isochrone parameters.
    public struct Options: Sendable {
        /// The travel-cost model: must be `.network` with its road layer.
        public var cost = CostModelOptions()
        /// The isochrones' thresholds in minutes (default 10, 20 and 30).
        public var thresholds = IsochroneAnalysis.defaultThresholds
        /// The site kinds drawn (default: every kind the sites have).
        public var kinds: [SiteKind]?
        /// Half-width in metres of the band drawn around the reachable roads (default 250).
        public var bufferMetres = IsochroneAnalysis.defaultBufferMetres
        /// A metric CRS forced for every area (default: the département's own).
        public var crs: CRS?
        /// The defaults: thresholds 10, 20, 30 minutes, a 250 m band, every site kind.
        public init() {
            cost.kind = .network
        }
    }

    /// The thresholds (minutes) drawn when none are given: 10, 20 and 30.
    package static let defaultThresholds: [Double] = [10, 20, 30]

    /// The band drawn on each side of a reachable road when none is given: 250 m. It stands for
    /// the off-road leg of docs/roads.md §5: at the 20 km/h snap speed, 250 m is 45 s, so the
    /// polygon is about the area within T + 0.75 min, while two parallel roads 500 m apart (a
    /// rural grid's spacing) still merge into one area and a valley with no road 1 km across
    /// stays a hole.
    package static let defaultBufferMetres = 250.0

    /// The area reached by road within ``minutes`` of one site.
    public struct Isochrone: Sendable {
        /// The site (index into the analysed study's sites).
        public var site: Int
        /// The threshold in minutes.
        public var minutes: Double
        /// The polygon in longitude/latitude; nil when not even the site reaches the network.
        public var geometry: Geometry?
        /// Its area in km² (planar, in the study's metric CRS).
        public var areaKm2: Double
        /// The population inside: each commune's population × the share of its surface inside.
        public var population: Double
    }

    /// The communes whose nearest site by road is one site (or none, for ``site`` nil).
    public struct Catchment: Sendable {
        /// The site (index into the analysed study's sites); nil for the communes that reach none.
        public var site: Int?
        /// The communes (indices into the study's areas).
        public var communes: [Int]
        /// Their population.
        public var population: Double
        /// Their surface in km².
        public var areaKm2: Double
        /// The longest and the population-weighted mean time to the site (nil for ``site`` nil).
        public var maxMinutes: Double?
        /// The population-weighted mean time to the site, in minutes.
        public var meanMinutes: Double?
        /// The dissolved communes, in longitude/latitude.
        public var geometry: Geometry?
    }

    /// The study analysed, its sites sorted by id (so the input order changes nothing).
    public var study: Study
    /// The options it ran with.
    public var options: Options
    /// Per drawn site and threshold (ascending), its isochrone.
    public var isochrones: [Isochrone]
    /// Per threshold (ascending): the population within T minutes of any drawn site (inside the
    /// union of their isochrones, area-proportional from the communes).
    public var populationWithin: [Double]
    /// One catchment per site that is some commune's nearest, by site id, then the "none" row.
    public var catchments: [Catchment]
    /// The report (`geohealth isochrones`'s summary).
    public var summary: Summary

    /// Isochrones and catchments of the study's sites of `options.kinds`.
    /// - Throws: ``ParameterError`` when the cost model is not a road network, no site is of the
    ///   kinds, or a threshold is not positive; the road reader's and GEOS's errors.
    public static func run(_ study: Study, options: Options) throws -> IsochroneAnalysis {
        try check(options)
        var study = study.withoutBuffer()
        study.sites.sort { $0.id < $1.id }
        let present = Set(study.sites.map(\.kind))
        let kinds = Set(options.kinds ?? Array(present))
        guard study.sites.contains(where: { kinds.contains($0.kind) }) else {
            throw ParameterError(.contradicted, "no site of the kinds \(kinds.map(\.rawValue).sorted().joined(separator: ", ")): give \(.siteKind)")
        }
        let projected = try ProjectedStudy(study, crs: options.crs, keepGeometries: true)
        guard projected.partitions.count == 1 else {
            throw ParameterError(
                .contradicted,
                "isochrones are drawn in one metric CRS; these communes span " +
                "\(projected.partitions.map(\.crs.description).joined(separator: ", ")): give \(.crs) or the communes of one CRS")
        }
        let (model, notes) = try options.cost.model(for: projected, study: study)
        guard let network = Self.roadModel(inside: model) else { preconditionFailure("check() requires the network model") }
        let drawn = study.sites.indices.filter { kinds.contains(study.sites[$0].kind) }
        // Each site's start-up delay (docs/roads.md §8): its own, else the cost options' one.
        let startup = Dictionary(uniqueKeysWithValues: drawn.map { ($0, study.sites[$0].startupMinutes ?? options.cost.startupMinutes ?? 0) })
        let polygons = try IsochronePolygons(network: network, projected: projected, bufferMetres: options.bufferMetres)
        let (isochrones, within) = try polygons.isochrones(of: drawn, startup: startup, thresholds: options.thresholds.sorted(), study: study)
        // The cost model adds the start-up delays itself (CostModelOptions' StartupDelayModel).
        let catchments = try Catchments.allocate(
            study, projected: projected, model: model, sites: drawn, maxMinutes: options.cost.maxMinutes)
        var analysis = IsochroneAnalysis(
            study: study, options: options, isochrones: isochrones, populationWithin: within, catchments: catchments, summary: Summary())
        analysis.summary = analysis.makeSummary(notes: notes)
        return analysis
    }

    /// The road model inside the cost options' wrappers (intra-commune rule, start-up delays).
    static func roadModel(inside model: any TravelCostModel) -> NetworkModel? {
        if let network = model as? NetworkModel { return network }
        if let wrapped = model as? IntraAreaModel { return roadModel(inside: wrapped.base) }
        if let wrapped = model as? StartupDelayModel { return roadModel(inside: wrapped.base) }
        return nil
    }

    /// Refuses options that cannot draw isochrones, before anything is read: a cost model
    /// other than `network` (or without its roads), a threshold or band that is not positive.
    package static func check(_ options: Options) throws {
        guard options.cost.kind == .network else {
            throw ParameterError(.contradicted, "isochrones are drawn on roads: give \(.costModel) network and \(.roads) FILE")
        }
        try options.cost.check()
        if let bad = options.thresholds.first(where: { !($0 > 0) || !$0.isFinite }) {
            throw ParameterError(.malformed, "\(.thresholds) must be positive minutes, not \(bad)")
        }
        guard options.bufferMetres > 0, options.bufferMetres.isFinite else {
            throw ParameterError(.malformed, "\(.bufferMetres) must be positive metres, not \(options.bufferMetres)")
        }
    }
}
