import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO
import Inequality

/// `access-prepare ROOT`: writes bench-out/access/communes.csv (code, dep, x, y, population) and
/// hospitals.csv (id, x, y) in EPSG:2154 from the real data (population joined through the
/// history): the common input of the GeoHealth and PySAL `access` jobs.
func prepareAccess(_ root: URL) throws {
    var sources = StudySources(areas: try geojsonFiles(in: root.appendingPathComponent("communes"), metropolitanOnly: true))
    sources.population = root.appendingPathComponent("population/donnees_communes.csv")
    sources.history = root.appendingPathComponent("population/mouvements-communes.csv")
    sources.historySince = "2018-01-01"
    sources.sites = [(root.appendingPathComponent("facilities/eurostat-healthcare-FR.csv"), .hospital)]
    let study = try StudyLoader.load(sources).study
    let projected = try ProjectedStudy(study, crs: .lambert93)
    let inside = projected.siteAreas(of: study)
    let out = URL(fileURLWithPath: "bench-out/access")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try CSVWriter.write(header: ["code", "dep", "x", "y", "population"], rows: study.areas.indices.map { a in
        [study.areas[a].id, MetricCRS.department(ofCommune: study.areas[a].id), NumberFormatting.string(projected.points[a].x, precision: 2),
         NumberFormatting.string(projected.points[a].y, precision: 2), NumberFormatting.string(study.areas[a].population ?? 0, precision: 0)]
    }, to: out.appendingPathComponent("communes.csv"))
    try CSVWriter.write(header: ["id", "x", "y"], rows: study.sites.indices.filter { inside[$0] != nil }.map { s in
        [study.sites[s].id, NumberFormatting.string(projected.sitePoints[s].x, precision: 2), NumberFormatting.string(projected.sitePoints[s].y, precision: 2)]
    }, to: out.appendingPathComponent("hospitals.csv"))
    print("wrote \(out.path)/communes.csv (\(study.areas.count)) and hospitals.csv")
}

/// `access DIR`: straight-line costs within 30 minutes (×1.3 at 60 km/h), E2SFCA (Luo & Qi bands),
/// then population-weighted Gini and the Theil T decomposition by département.
func benchAccess(_ dir: URL) throws {
    let start = Date()
    let communes = try CSVTable.read(contentsOf: dir.appendingPathComponent("communes.csv"))
    let hospitals = try CSVTable.read(contentsOf: dir.appendingPathComponent("hospitals.csv"))
    let origins = communes.rows.map { Coordinate(x: Double($0[2])!, y: Double($0[3])!) }
    let population = communes.rows.map { Double($0[4])! }
    let sites = hospitals.rows.map { Coordinate(x: Double($0[1])!, y: Double($0[2])!) }
    let loaded = Date()
    let costs = try StraightLineModel().costs(from: CostPoints(metric: origins), to: CostPoints(metric: sites), maxMinutes: 30)
    let costed = Date()
    let result = FloatingCatchment.twoStep(costs, demand: population, supply: Array(repeating: 1, count: sites.count), decay: .luoQi)
    let accessed = Date()
    let data = try WeightedValues(result.access, weights: population)
    let gini = try data.gini()
    let theil = try TheilDecomposition(data, groups: communes.rows.map { $0[1] })
    print("job: access (E2SFCA, hospitals, 30 min straight line, then Gini and Theil by département)")
    print("communes: \(origins.count)\nsites: \(sites.count)\npairs within 30 min: \(costs.entryCount)")
    print("mean access per 100000: \(String(format: "%.6f", data.mean * 1e5))")
    print("gini: \(String(format: "%.6f", gini))\ntheil T: \(String(format: "%.6f", theil.t))\ntheil between: \(String(format: "%.6f", theil.tBetween))")
    print("seconds (costs): \(String(format: "%.3f", costed.timeIntervalSince(loaded)))")
    print("seconds (e2sfca): \(String(format: "%.3f", accessed.timeIntervalSince(costed)))")
    print("seconds (inequality): \(seconds(since: accessed))")
    print("seconds: \(seconds(since: start))")
}
