import Accessibility
import Coverage
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

/// Metropolitan communes of a real-data folder as a study (polygons only, no population join:
/// the benchmark compares geometry work with geopandas on the same input).
func metropolitanAreas(_ root: URL) throws -> Study {
    let files = try geojsonFiles(in: root.appendingPathComponent("communes"), metropolitanOnly: true)
    return Study(areas: try AreaLayer.read(files, idField: "code", nameField: "nom").areas)
}

func seconds(since start: Date) -> String { String(format: "%.3f", Date().timeIntervalSince(start)) }

/// `nearest ROOT`: nearest hospital (Eurostat list) from every metropolitan commune's point on surface.
func benchNearest(_ root: URL) throws {
    let start = Date()
    var study = try metropolitanAreas(root)
    study.sites = try SiteTable.read(root.appendingPathComponent("facilities/eurostat-healthcare-FR.csv"), kind: .hospital).sites
    let projected = try ProjectedStudy(study, crs: .lambert93)
    let loaded = Date()
    let metro = projected.partitions[0]
    let inside = metro.sites.filter {
        MetricCRS.forExtent(
            BoundingBox(minX: study.sites[$0].location.x, minY: study.sites[$0].location.y, maxX: study.sites[$0].location.x, maxY: study.sites[$0].location.y))
            == .lambert93
    }
    let grid = PointGrid(inside.map { projected.sitePoints[$0] }, cellSize: 5_000)
    let nearest = projected.points.map { grid.nearest(to: $0)! }
    let mean = nearest.reduce(0) { $0 + $1.distance } / Double(nearest.count)
    print("job: nearest (metropolitan communes → nearest of the Eurostat hospitals, planar EPSG:2154)")
    print("communes: \(study.areas.count)\nsites: \(inside.count)")
    print("mean distance km: \(String(format: "%.4f", mean / 1000))")
    print("seconds (nearest only): \(seconds(since: loaded))")
    print("seconds: \(seconds(since: start))")
}

/// `coverage ROOT`: EPCI given as lists of member codes, each commune's share inside (members are
/// covered whole, no geometry: docs/decisions.md, "Decisions on speed"; the geopandas side of
/// scripts/benchmark-steps still dissolves and overlays, which gives the same area on these data).
func benchCoverage(_ root: URL) throws {
    let start = Date()
    let study = try metropolitanAreas(root)
    let projected = try ProjectedStudy(study, crs: .lambert93)
    let data = try Data(contentsOf: root.appendingPathComponent("territories/epci.json"))
    let list = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
    let index = study.areaIndex()
    let loaded = Date()
    let shapes = list.compactMap { e -> TerritoryCoverage.Shape? in
        let members = (e["membres"] as! [[String: Any]]).compactMap { ($0["code"] as? String).flatMap { index[$0] } }
        return members.isEmpty ? nil : .members(members)
    }
    let coverage = try TerritoryCoverage.compute(areas: projected.geometries, points: projected.points, territories: shapes)
    let territories = shapes
    let coveredArea = zip(coverage.shareInAny, projected.surfaces).reduce(0) { $0 + $1.0 * $1.1 }
    print("job: coverage (metropolitan communes × EPCI given as member lists: share of each commune inside)")
    print("communes: \(study.areas.count)\nterritories: \(territories.count)")
    print("covered area km2: \(String(format: "%.3f", coveredArea / 1e6))")
    print("seconds (shares): \(seconds(since: loaded))")
    print("seconds: \(seconds(since: start))")
}

/// `network COMMUNES`: a synthetic département scaled to COMMUNES communes, 2,000 sites, 30 minutes.
func benchNetwork(_ argument: URL) throws {
    var options = SyntheticTerritory.Options()
    options.communes = Int(argument.lastPathComponent) ?? 17_500
    options.msp = 2_000 - 7 - options.healthCentres
    options.cpts = 8
    let made = Date()
    let territory = try SyntheticTerritory.generate(options)
    let roads = territory.roads.map { r in
        RoadNetwork.Road(
            coordinates: r.coordinates, kmh: Double(r.maxspeed ?? Int(SpeedTable().speeds(forClass: r.highway).rural)), direction: r.oneway ? .forward : .both)
    }
    let start = Date()
    let network = RoadNetwork(roads: roads)
    let built = Date()
    let model = NetworkModel(network: network)
    let origins = CostPoints(metric: territory.seats)
    let sites = CostPoints(metric: territory.sites.map(\.location))
    let prepared = Date()
    let matrix = try model.costs(from: origins, to: sites, maxMinutes: 30)
    print("job: network (synthetic département, \(territory.seats.count) communes; generated in \(seconds(since: made)) s)")
    print("nodes: \(network.nodes.count)\nedges: \(network.edgeCount)\nsites: \(sites.count)\nbound minutes: 30")
    print("hierarchy edges: \(model.hierarchy.edgeCount)\nmatrix entries: \(matrix.entryCount)")
    print("communes with a site within 30 min: \(territory.seats.indices.filter { matrix.nearest($0) != nil }.count)")
    print("seconds (graph build): \(String(format: "%.3f", built.timeIntervalSince(start)))")
    print("seconds (contraction): \(String(format: "%.3f", prepared.timeIntervalSince(built)))")
    print("seconds: \(seconds(since: built))")
}
