import Foundation
import Accessibility
import GeoCore
import GeoIO

/// `geohealth distance --population-grid FILE`: the travel time from every populated square to
/// the nearest site of each kind, and the residents beyond each threshold counted square by
/// square — as Eurostat's and the European Commission's accessibility indicators count the
/// 1 km census population (L. Dijkstra, H. Poelman, "Cities in Europe: the new OECD-EC
/// definition", 2012; Eurostat, "Access to services", GEOSTAT grid) — instead of putting each
/// commune's residents at one point. Each square starts at its centre (``GridOrigins``), a
/// site inside it is at 0 minutes; the cost model is the study's (straight line or roads).
///
/// Communes get their shares from the squares: with w_kc the residents square k gives
/// commune c (``GridAllocation``), the share beyond T is Σ_k w_kc [t_k > T] / Σ_k w_kc (a square
/// that reaches no site counts beyond every threshold) and the mean time Σ_k w_kc t_k / Σ_k w_kc
/// over the squares that reach one; groups (`--group-by`) sum their communes' w_kc.
package struct GridTravel: Sendable {
    /// The reported communes and the sites.
    package var study: Study
    package var options: TravelAnalysis.Options
    /// The kinds timed, in the order of ``nearest``.
    package var kinds: [SiteKind]
    /// Per kind, per cell: the nearest site (numbered among the study's sites), nil beyond reach.
    package var nearest: [[CostMatrix.Entry?]]
    package var grid: GridPopulation
    package var allocation: GridAllocation
    /// Per commune: its `--group-by` label.
    package var groups: [String]?
    package var summary = Summary()

    package static func run(_ study: Study, grid: GridPopulation, options: TravelAnalysis.Options) throws -> GridTravel {
        guard grid.cellCount > 0 else { throw InputError(file: grid.file, message: "the grid has no populated cell") }
        if options.cost.kind == .matrix {
            throw ParameterError(.contradicted, "\(.originDestinationMatrix) gives costs from communes: with \(.populationGrid), cost the squares by straight line or by road")
        }
        let communes = study.withoutBuffer()
        guard !communes.sites.isEmpty else { throw ParameterError(.contradicted, "the study has no sites: give \(.sites) FILE") }
        let present = Set(communes.sites.map(\.kind))
        let kinds = options.kinds ?? present.sorted()
        if let missing = kinds.first(where: { !present.contains($0) }) {
            throw ParameterError(.contradicted, "no site of kind '\(missing)'; the sites have kinds \(present.sorted().map(\.rawValue).joined(separator: ", "))")
        }
        Progress.report("cells × communes…")
        let projected = try ProjectedStudy(communes, crs: options.crs, keepGeometries: false)
        let (grid, allocation) = try GridAllocation.ofReportedSquares(grid, study: study, communes: communes, crs: options.crs)
        let slot = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        let chosen = communes.sites.indices.filter { slot[communes.sites[$0].kind] != nil }
        Progress.report("nearest sites of \(grid.cellCount) grid cells…")
        let costs = try GridCosts(
            grid: grid, study: communes, projected: projected, siteIndices: chosen, options: options.cost, maxMinutes: options.cost.maxMinutes,
            forcedCRS: options.crs, allocation: allocation)
        let found = try costs.nearest(cellCount: grid.cellCount, groupCount: kinds.count, groupOf: chosen.map { slot[communes.sites[$0].kind]! })
        let nearest = found.map { cells in
            cells.map { $0.map { CostMatrix.Entry(destination: chosen[$0.destination], minutes: $0.minutes, kilometres: $0.kilometres) } }
        }
        let groups = try options.groupBy.map { try AreaGroups.labels(communes.areas, by: $0) }
        var travel = GridTravel(study: communes, options: options, kinds: kinds, nearest: nearest, grid: grid, allocation: allocation, groups: groups)
        travel.summary = travel.makeSummary(notes: costs.notes, origins: costs.origins)
        return travel
    }
}
