import Foundation
import Accessibility
import GeoCore
import GEOSBridge

/// Per-site catchments by road: every commune allocated to its nearest site, by the cost
/// model's travel time (``Accessibility/TravelCostModel/costs(from:to:maxMinutes:)``) plus the
/// site's start-up delay, ties to the lower index (the sites being sorted by id); dissolved per
/// site (GEOS coverage union of the communes' polygons). Communes that reach no site within
/// `maxMinutes` (delay included) form one more catchment, its site nil.
enum Catchments {
    static func allocate(
        _ study: Study, projected: ProjectedStudy, model: any TravelCostModel, sites: [Int], maxMinutes: Double
    ) throws -> [IsochroneAnalysis.Catchment] {
        let drawn = Set(sites)
        let matrix = try projected.costs(study, model: model, maxMinutes: maxMinutes, sites: { drawn.contains($0) })
        let nearest = study.areas.indices.map { a -> CostMatrix.Entry? in
            matrix.row(a).min { ($0.minutes, $0.destination) < ($1.minutes, $1.destination) }
        }
        let found = NearestCosts(nearest: [nearest], counts: [])
        var members: [Int?: [Int]] = [:]
        for (a, entry) in found.nearest[0].enumerated() { members[entry?.destination, default: []].append(a) }
        let order = members.keys.compactMap { $0 }.sorted() + (members[nil] == nil ? [] : [nil])
        Progress.report("dissolving \(order.count) catchments…")
        let context = GEOSContext.current
        return try order.map { site in
            let communes = members[site]!
            let people = communes.map { study.areas[$0].population ?? 0 }
            let minutes = communes.map { found.nearest[0][$0]?.minutes }
            let polygons = try communes.map { try context.geometry(study.areas[$0].geometry) }
            return IsochroneAnalysis.Catchment(
                site: site, communes: communes, population: people.reduce(0, +),
                areaKm2: communes.reduce(0) { $0 + projected.surfaces[$1] } / 1e6,
                maxMinutes: site == nil ? nil : minutes.compactMap { $0 }.max(),
                meanMinutes: site == nil ? nil : TravelStatistics.weightedMean(minutes, weights: people),
                geometry: try context.dissolve(polygons).geometry())
        }
    }
}
