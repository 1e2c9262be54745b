import Foundation
import Accessibility
import GeoCore
import Projection

/// Which travel-cost model to use and its settings (the `cost` parameter and its companions).
///
/// Each default has one home: the model's own (``Accessibility/StraightLineModel/defaultDetourFactor``,
/// ``Accessibility/StraightLineModel/defaultSpeedKmh``, ``Accessibility/NetworkModel/defaultSnapSpeedKmh``,
/// ``Accessibility/NetworkModel/defaultMaxSnapMetres``) or this use case's (``defaultMaxMinutes``);
/// ``defaults`` gathers them for a front end to show (the CLI's option defaults are read from it).
public struct CostModelOptions: Sendable {
    /// The travel-cost model: `straight` (``StraightLineModel``), `network` (``NetworkModel`` over
    /// a road layer) or `matrix` (``MatrixModel`` from an origin–destination file).
    public enum Kind: String, Sendable, CaseIterable {
        case straight, network, matrix
    }

    /// The model (default `.straight`).
    public var kind: Kind = .straight
    /// Straight line: road distance ÷ crow-fly distance (default 1.3).
    public var detourFactor = StraightLineModel.defaultDetourFactor
    /// Straight line: door-to-door average speed in km/h (default 60).
    public var speedKmh = StraightLineModel.defaultSpeedKmh
    /// Straight line: measure geodesic distances on the WGS84 ellipsoid instead of planar ones.
    public var geodesic = false
    /// Network: the road layer (an OpenStreetMap `.osm.pbf`, GeoJSON lines, or a GeoPackage or Shapefile layer); required with `.network`.
    public var roads: URL?
    /// Network: a CSV `highway,kmh` or `highway,rural_kmh,urban_kmh` overriding or adding road
    /// classes' speeds (``SpeedTable``, docs/roads.md §3).
    public var speeds: URL?
    /// Network: keep ferries (`route=ferry`) at the ferry speed (default off: docs/roads.md §1).
    public var ferries = CarProfile.defaultFerries
    /// Network: speed in km/h of the leg between a place and its snapped point on the nearest road segment (default 20).
    public var snapSpeedKmh = NetworkModel.defaultSnapSpeedKmh
    /// Network: farthest a place may be from a snappable road segment, in metres (default 5,000).
    public var maxSnapMetres = NetworkModel.defaultMaxSnapMetres
    /// Matrix: the origin–destination CSV (origin id, destination id, minutes and/or km);
    /// required with `.matrix`.
    public var od: URL?
    /// Costs beyond this are not kept (and count as unreachable).
    public var maxMinutes = defaultMaxMinutes
    /// The cost from a commune to a site inside it (``IntraCommune``).
    public var intraCommune = IntraCommune.zero
    /// The start-up delay in minutes (SAS, emergency: before a team leaves) of every site that
    /// has none of its own (``GeoCore/Site/startupMinutes``, read from the sites' start-up
    /// column): added to every cost towards the site (``StartupDelayModel``). nil: 0 minutes.
    public var startupMinutes: Double?
    /// Network: the time of day, in minutes after midnight, whose speed factors multiply the
    /// roads' speeds (``TimeOfDayFactors``); nil: free-flow speeds.
    public var timeOfDay: Int?
    /// Network: a CSV `from,to,urban,rural` of speed factors by time of day replacing
    /// ``TimeOfDayFactors/standard``; used with ``timeOfDay``.
    public var speedFactors: URL?

    /// The cost from a commune to a site that lies inside the commune's own polygon.
    public enum IntraCommune: String, Sendable, CaseIterable {
        /// 0 minutes, 0 km: the residents of a commune reach the sites in it (``IntraAreaModel``,
        /// the commune-to-commune convention of INSEE's Metric and the DREES APL).
        case zero
        /// From the commune's representative point, like any other site.
        case point
    }

    /// Every setting at its default: straight line × 1.3 at 60 km/h, bound 60 minutes, a site in
    /// its own commune at 0 minutes.
    public init() {}

    /// The bound of travel costs when none is given: 60 minutes, beyond which a commune counts
    /// as unreachable (analyses with a threshold raise it to what they need).
    static let defaultMaxMinutes = 60.0

    /// Every setting at its default.
    public static let defaults = CostModelOptions()

    /// The model, plus notes for the summary (roads not used, matrix ids unknown…); with
    /// ``IntraCommune/zero``, wrapped so that a commune reaches the sites inside it at 0 minutes;
    /// with a start-up delay, wrapped again so that each site's delay is added (``StartupDelayModel``).
    public func model(for projected: ProjectedStudy, study: Study) throws -> (model: any TravelCostModel, notes: Properties) {
        var (model, notes) = try intraCommuneModel(for: projected, study: study)
        try checkTimeOfDayApplied(notes)
        model = withStartupDelay(model, sites: study.sites, notes: &notes)
        return (model, notes)
    }

    func intraCommuneModel(for projected: ProjectedStudy, study: Study) throws -> (model: any TravelCostModel, notes: Properties) {
        var (model, notes) = try baseModel(for: projected, study: study)
        notes["intra_commune"] = .string(intraCommune.rawValue)
        guard intraCommune == .zero, study.sites.count == projected.sitePoints.count, study.areas.count == projected.areaPartition.count else {
            return (model, notes)
        }
        var areaOfSite: [String: String] = [:]
        for (site, area) in projected.siteAreas(of: study).enumerated() {
            if let area { areaOfSite[study.sites[site].id] = study.areas[area].id }
        }
        notes["sites_inside_a_commune"] = .int(areaOfSite.count)
        model = IntraAreaModel(base: model, areaOfSite: areaOfSite)
        return (model, notes)
    }

    /// Refuses a model without its input (a usage error, before anything is read): `network`
    /// needs ``roads``, `matrix` needs ``od``. Pure: a front end calls it before loading the
    /// study (the CLI's `validate()`); ``model(for:study:)`` calls it first too.
    package func check() throws {
        if kind == .network && roads == nil { throw ParameterError(.incomplete, "\(.costModel) network needs \(.roads) FILE (an OpenStreetMap .osm.pbf, or GeoJSON/GeoPackage lines)") }
        if kind == .matrix && od == nil {
            throw ParameterError(.incomplete, "\(.costModel) matrix needs \(.originDestinationMatrix) FILE (CSV origin, destination, minutes and/or km)")
        }
        if timeOfDay != nil && kind != .network {
            throw ParameterError(.ignored, "\(.timeOfDay) changes road speeds: it needs \(.costModel) network (\(.costModel) \(kind.rawValue) has no roads)")
        }
        if speedFactors != nil && timeOfDay == nil { throw ParameterError(.ignored, "\(.speedFactors) needs \(.timeOfDay) HH:MM") }
        if let startupMinutes, !(startupMinutes >= 0 && startupMinutes.isFinite) {
            throw ParameterError(.malformed, "\(.startupMinutes) must be a number of minutes ≥ 0 (got \(startupMinutes))")
        }
        if let timeOfDay, !(0..<1440).contains(timeOfDay) {
            throw ParameterError(.malformed, "\(.timeOfDay) must lie between 00:00 and 23:59")
        }
    }

    func baseModel(for projected: ProjectedStudy, study: Study) throws -> (model: any TravelCostModel, notes: Properties) {
        try check()
        switch kind {
        case .straight:
            let ellipsoid: @Sendable (Coordinate, Coordinate) -> Double = { @Sendable a, b in Geodesic.wgs84.distance(from: a, to: b) }
            let distance = geodesic ? ellipsoid : nil
            let model = StraightLineModel(detourFactor: detourFactor, speedKmh: speedKmh, geodesic: distance)
            return (model, Properties([
                ("model", .string(model.name)), ("kind", .string("straight_line")), ("detour_factor", .number(detourFactor)),
                ("speed_kmh", .number(speedKmh)), ("geodesic", .bool(geodesic)),
            ]))
        case .network:
            guard let roads else { preconditionFailure("check() refuses a network without roads") }
            // The roads are routed in one metric CRS: the partition with the most communes
            // (metropolitan France in a national study). The communes and sites of the other
            // partitions (overseas) reach nothing by these roads, and the summary lists them.
            let routed = projected.partitions.max { ($0.areas.count, -$0.crs.epsg) < ($1.areas.count, -$1.crs.epsg) }!
            let crs = routed.crs
            var extraNotes = Properties()
            try recordTimeOfDay(in: &extraNotes)
            let key = try PreparedGraphCache.key(roads: roads, speeds: speeds, crs: crs, options: preparedGraphOptions)
            let prepared = try PreparedGraphCache.load(roads: roads, key: key) {
                let speedTable = try speeds.map(RoadLayer.speeds(from:)) ?? SpeedTable()
                let layer = try RoadLayer.read(roads, crs: crs, speeds: speedTable, ferries: ferries)
                return (RoadNetwork(roads: try roadsAtTimeOfDay(layer.roads, urban: layer.isUrban)), RoadLayerNotes(layer).lines)
            }
            Progress.report("prepared road graph \(prepared.reused ? "reused" : "built") in \(String(format: "%.1f", prepared.seconds)) s")
            let network = prepared.contents.network
            var model = NetworkModel(network: network, hierarchy: prepared.contents.hierarchy, snapSpeedKmh: snapSpeedKmh, maxSnapMetres: maxSnapMetres)
            model.crs = crs
            let layer = RoadLayerNotes(lines: prepared.contents.notes)
            let unrouted = projected.partitions.filter { $0.crs != crs && !$0.areas.isEmpty }
            if !unrouted.isEmpty {
                extraNotes["roads_crs"] = .string(crs.description)
                extraNotes["communes_in_other_crs_without_roads"] = .rows(unrouted) { [("crs", .string($0.crs.description)), ("communes", .int($0.areas.count))] }
            }
            return (model, Properties([
                ("model", .string(model.name)), ("kind", .string("network")),
                ("roads", .string(roads.relativePath)),
                ("roads_by_class", .rows(layer.byClass) { [("class", .string($0.0)), ("roads", .int($0.1))] }),
                ("road_features_not_used", .strings(layer.skipped)),
                ("ways_refused", .rows(layer.refused) { [("reason", .string($0.0)), ("ways", .int($0.1))] }),
                ("nodes_missing_from_extract", .int(layer.nodesMissing)),
                ("ferries", .bool(ferries)),
            ] + extraNotes.entries))
        case .matrix:
            guard let od else { preconditionFailure("check() refuses a matrix without od") }
            let model = try ODMatrixReader.read(
                od, origins: .byID(study.areas.map(\.id), projected.pointsLonLat), destinations: .byID(study.sites.map(\.id), study.sites.map(\.location)))
            let origins = CostPoints(metric: study.areas.map { _ in Coordinate(x: 0, y: 0) }, ids: study.areas.map(\.id))
            let sites = CostPoints(metric: study.sites.map(\.location), ids: study.sites.map(\.id))
            let unknown = model.unmatched(origins: origins, destinations: sites)
            if unknown.origins.count == Set(model.pairs.map(\.origin)).count {
                throw ParameterError(
                    .contradicted, "\(od.relativePath): none of the matrix origins is a commune code of the study (e.g. '\(unknown.origins.first ?? "")')")
            }
            return (model, Properties([
                ("model", .string(model.name)), ("kind", .string("matrix")),
                ("matrix_origins_not_communes", .strings(unknown.origins)),
                ("matrix_destinations_not_sites", .strings(unknown.destinations)),
            ]))
        }
    }
}
