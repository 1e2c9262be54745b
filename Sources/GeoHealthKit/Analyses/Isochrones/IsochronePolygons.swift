import Foundation
import Accessibility
import Coverage
import GeoCore
import GEOSBridge
import Projection

/// Draws isochrones: the reachable pieces of the network (``Accessibility/ReachableRoads``) as
/// one multi-line, buffered once by GEOS (`GEOSBuffer` of a multi-line is the union of its
/// pieces' buffers, holes included), in the study's metric CRS; then back to longitude/latitude.
/// The population inside is area-proportional: Σ over communes of population × share of the
/// commune's surface inside (``Coverage/TerritoryCoverage``).
/// - Complexity: per site, one bounded search to the largest threshold, then per threshold one
///   buffer of the reached pieces (O(n log n) in their number).
package struct IsochronePolygons {
    let network: NetworkModel
    /// The network's edges by the node they lead into, built once for all sites.
    let reverse: ReverseEdges
    let projected: ProjectedStudy
    let bufferMetres: Double

    /// The drawer over `network` for the sites placed in `projected` (one metric partition).
    package init(network: NetworkModel, projected: ProjectedStudy, bufferMetres: Double) throws {
        self.network = network
        reverse = ReverseEdges(network.network)
        self.projected = projected
        self.bufferMetres = bufferMetres
    }

    /// The polygon (metric CRS) of the band of `bufferMetres` around `pieces`, and its area in m²;
    /// nil when there is no piece.
    package static func polygon(_ pieces: [(from: Coordinate, to: Coordinate)], bufferMetres: Double) throws -> (geometry: Geometry, squareMetres: Double)? {
        guard !pieces.isEmpty else { return nil }
        let context = GEOSContext.current
        let lines = try context.geometry(.multiLineString(pieces.map { [$0.from, $0.to] }))
        let band = try lines.buffer(bufferMetres)
        return (try band.geometry(), try band.area())
    }

    /// The isochrones of `sites` (indices into `study.sites`, placed in `projected`), one per
    /// threshold (ascending), each site's start-up delay spent first (`startup[site]`), with
    /// their areas and populations; and per threshold the population
    /// within T of any of the sites (inside the union of their isochrones: nobody counted twice).
    func isochrones(of sites: [Int], startup: [Int: Double], thresholds: [Double], study: Study) throws -> (isochrones: [IsochroneAnalysis.Isochrone], within: [Double]) {
        guard let largest = thresholds.last else { return ([], []) }
        let crs = projected.partitions[0].crs
        let back = try CoordinateTransformer.shared(from: crs, to: .wgs84)
        var result: [IsochroneAnalysis.Isochrone] = []
        var shapes: [Geometry?] = []
        for (n, s) in sites.enumerated() {
            Progress.report("isochrones of site \(n + 1) of \(sites.count)…")
            let site = projected.sitePoints[s]
            let entries = network.entries(of: site, startupMinutes: startup[s, default: 0])
            let times = TravelTimesToSite(network: network.network, reverse: reverse, entries: entries, bound: largest)
            for t in thresholds {
                let reach = ReachableRoads(network: network.network, reverse: reverse, times: times, minutes: t, site: site, entries: entries)
                let drawn = try Self.polygon(reach.pieces, bufferMetres: bufferMetres)
                shapes.append(drawn?.geometry)
                result.append(.init(site: s, minutes: t, geometry: try drawn.map { try back.transformed($0.geometry) },
                                    areaKm2: (drawn?.squareMetres ?? 0) / 1e6, population: 0))
            }
        }
        let unions = try Self.unions(shapes, count: thresholds.count)
        let populations = try populationInside(shapes + unions, study: study)
        for k in result.indices { result[k].population = populations[k] }
        return (result, Array(populations.suffix(thresholds.count)))
    }

    /// Per threshold (`count` of them, the shapes being site by site, threshold by threshold):
    /// the union of every site's isochrone (the area within T of any site), or nil when none is drawn.
    static func unions(_ shapes: [Geometry?], count: Int) throws -> [Geometry?] {
        let context = GEOSContext.current
        return try (0..<count).map { t in
            let these = try stride(from: t, to: shapes.count, by: count).compactMap { shapes[$0] }.map { try context.geometry($0) }
            return these.isEmpty ? nil : try context.unionAll(these).geometry()
        }
    }

    /// Per shape (metric CRS), the population inside: communes' populations × their share inside.
    func populationInside(_ shapes: [Geometry?], study: Study) throws -> [Double] {
        let drawn = shapes.indices.filter { shapes[$0] != nil }
        guard !drawn.isEmpty else { return shapes.map { _ in 0 } }
        Progress.report("population inside \(drawn.count) isochrones…")
        let coverage = try TerritoryCoverage.compute(
            areas: projected.geometries, points: projected.points, territories: drawn.map { .geometry(shapes[$0]!) })
        var population = [Double](repeating: 0, count: shapes.count)
        for (a, shares) in coverage.shares.enumerated() {
            let people = study.areas[a].population ?? 0
            for share in shares { population[drawn[share.territory]] += people * share.share }
        }
        return population
    }
}
