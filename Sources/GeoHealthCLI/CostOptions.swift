import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

extension CostModelOptions.Kind: ExpressibleByArgument {}
extension CostModelOptions.IntraCommune: ExpressibleByArgument {}

/// Travel-cost options shared by `distance`, `coverage` and the later analyses. Their defaults
/// are the library's (``CostModelOptions/defaults``), shown by the help as `(default: …)`.
struct CostOptions: ParsableArguments {
    private static let defaults = CostModelOptions.defaults

    @Option(help: "Travel-cost model: straight (line × detour ÷ speed), network (--roads), matrix (--od).")
    var cost: CostModelOptions.Kind = defaults.kind

    @Option(help: "Straight line: detour factor (road distance ÷ crow-fly distance), \(OptionRange.detour.helpText).")
    var detour = defaults.detourFactor

    @Option(help: "Straight line: average speed in km/h, \(OptionRange.speedKmh.helpText).")
    var speed = defaults.speedKmh

    @Flag(help: "Straight line: geodesic distance on the WGS84 ellipsoid instead of planar distance in the metric CRS.")
    var geodesic = defaults.geodesic

    @Option(help: "Road network: an OpenStreetMap extract (.osm.pbf), or GeoJSON/GeoPackage lines with highway, maxspeed and oneway properties.")
    var roads: String?

    @Option(help: "Road network: CSV 'highway,kmh' or 'highway,rural_kmh,urban_kmh' overriding or adding road classes' speeds.")
    var speeds: String?

    @Flag(help: "Road network: keep ferries (route=ferry) at the ferry speed.")
    var ferries = defaults.ferries

    @Option(help: "Road network: speed (km/h) of the straight leg between a place and its nearest road node, \(OptionRange.speedKmh.helpText).")
    var snapSpeed = defaults.snapSpeedKmh

    @Option(help: "Road network: farthest a place may be from a road node (metres, \(OptionRange.snapMetres.helpText)); farther is unreachable.")
    var maxSnap = defaults.maxSnapMetres

    @Option(help: "Origin–destination matrix CSV (origin, destination, minutes and/or km).")
    var od: String?

    @Option(help: "Costs beyond this many minutes (\(OptionRange.minutes.helpText)) are not computed (those communes count as unreachable).")
    var maxMinutes = defaults.maxMinutes

    @Option(help: "Cost from a commune to a site inside it: zero (its residents reach it at 0 min, the convention of commune-to-commune distanciers: a large commune reaches its own hospital) or point (from the commune's representative point, like any site).")
    var intraCommune: CostModelOptions.IntraCommune = defaults.intraCommune

    @Option(help: "Start-up delay in minutes (SAS, emergency: before a team leaves) added to every travel cost to a site, for the sites without their own (--startup-field).")
    var startupMinutes: Double?

    @Option(help: ArgumentHelp("Road network: time of day (HH:MM) whose speed factors multiply road speeds (by default the table of docs/roads.md: free flow at night, slower at the peaks, in town more than in the country).", valueName: "HH:MM"),
            transform: ClockTime.parse)
    var timeOfDay: ClockTime?

    @Option(help: "Road network: CSV 'from,to,urban,rural' (HH:MM times, periods covering 24 h once) replacing the default speed factors of --time-of-day.")
    var speedFactors: String?

    @Option(help: ArgumentHelp("Metric CRS to work in (EPSG:n); by default each département's own (Lambert-93 in metropolitan France).", valueName: "crs"),
            transform: CRSValue.parse)
    var crs: CRSValue?

    func validate() throws {
        try OptionRange.detour.check(detour, "--detour")
        try OptionRange.speedKmh.check(speed, "--speed")
        try OptionRange.speedKmh.check(snapSpeed, "--snap-speed")
        try OptionRange.snapMetres.check(maxSnap, "--max-snap")
        try OptionRange.minutes.check(maxMinutes, "--max-minutes")
        try ParameterFlags.validate(model.check)
    }

    var model: CostModelOptions {
        var o = CostModelOptions()
        o.kind = cost
        o.detourFactor = detour
        o.speedKmh = speed
        o.geodesic = geodesic
        o.roads = roads.map { URL(fileURLWithPath: $0) }
        o.speeds = speeds.map { URL(fileURLWithPath: $0) }
        o.ferries = ferries
        o.snapSpeedKmh = snapSpeed
        o.maxSnapMetres = maxSnap
        o.od = od.map { URL(fileURLWithPath: $0) }
        o.maxMinutes = maxMinutes
        o.intraCommune = intraCommune
        o.startupMinutes = startupMinutes
        o.timeOfDay = timeOfDay?.minutes
        o.speedFactors = speedFactors.map { URL(fileURLWithPath: $0) }
        return o
    }

    var inputs: [URL] { [roads, speeds, od, speedFactors].compactMap { $0.map { URL(fileURLWithPath: $0) } } }
    var metricCRS: CRS? { crs?.crs }
}

/// The options of an analysis that travels (`coverage`, `distance`, `access`, `gaps`, `site`):
/// its cost model and metric CRS, both set from ``CostOptions`` by ``CostOptions/configure(_:)``.
protocol TravelCostSettings {
    var cost: CostModelOptions { get set }
    var crs: CRS? { get set }
}

extension CoverageAnalysis.Options: TravelCostSettings {}
extension TravelAnalysis.Options: TravelCostSettings {}
extension AccessAnalysis.Options: TravelCostSettings {}
extension GapsAnalysis.Options: TravelCostSettings {}
extension SitingAnalysis.Options: TravelCostSettings {}

extension CostOptions {
    /// Sets the analysis's cost model (``model``) and metric CRS (``metricCRS``).
    func configure(_ options: inout some TravelCostSettings) {
        options.cost = model
        options.crs = metricCRS
    }
}
