import Foundation
import GeoCore
import GeoHealthKit
import Inequality

/// Spatial statistics of a national table (a GeoJSON written by `geohealth distance --out`):
/// reading and projecting it, queen contiguity weights, Moran's I and LISA with 999
/// permutations each, timed step by step.
func benchWeights(_ table: URL) throws {
    var t = Date()
    func lap() -> String { let s = Date().timeIntervalSince(t); t = Date(); return String(format: "%.3f", s) }
    var options = InequalityAnalysis.Options(value: "hospital_minutes")
    options.weight = nil
    let data = try InequalityAnalysis.read(table, options: options)
    let projected = try ProjectedStudy(Study(areas: zip(data.codes, data.geometries ?? []).map { Area(id: $0, name: $0, geometry: $1) }))
    print("job: weights (queen contiguity, Moran and LISA, 999 permutations)\nunits: \(data.values.count)\nread and project seconds: \(lap())")
    let weights = try SpatialWeightsBuilder.build(.queen, projected: projected).rowStandardized()
    print("queen seconds: \(lap())\nlinks: \(weights.neighbours.reduce(0) { $0 + $1.count })\nislands: \(weights.islands.count)")
    var rng = SeededGenerator(seed: 1)
    let moran = try MoranGlobal(data.values, weights: weights, permutations: 999, using: &rng)
    print("moran seconds: \(lap())\nI: \(String(format: "%.6f", moran.i))")
    let lisa = try LocalMoran(data.values, weights: weights, permutations: 999, using: &rng)
    print("lisa seconds: \(lap())\nsignificant: \(lisa.significantClusters().compactMap { $0 }.count)")
}
