import Foundation
import Accessibility
import GeoCore
import GeoIO

/// `geohealth access --population-grid FILE`: floating-catchment access with a gridded
/// population as demand instead of the communes' representative points, and the result
/// brought back to the communes by area (``GridAllocation``).
///
/// The cells play the part of the communes in ``AccessAnalysis``: each cell's centre is an
/// origin (``GridOrigins``, in its partition's metric CRS), its residents the demand Dₖ; sites'
/// ratios Rⱼ = Sⱼ / Σₖ Dₖ W(tₖⱼ) and cells' access Aₖ follow. A commune's access is the
/// residents-weighted mean of its cells' access, A_c = Σₖ w_kc Aₖ / Σₖ w_kc, so that the
/// population-weighted figures of the communes are those of the residents where they live.
/// A commune the grid gives nobody has no value ("no data"). The grid has no age groups: for
/// APL each square's demand is standardised with the age structure of the communes it lies in
/// (by the residents it gives each): Dₖ = Pₖ · Σ_c w_kc (D_c / P_c) / Σ_c w_kc, the
/// standardisation being linear in the age counts (a commune without age groups counts as is).
/// A site inside a square is reached from it at 0 minutes
/// (``CostModelOptions/IntraCommune/zero``, as from a commune). A regional study's buffer does
/// not apply to the grid: every cell of the file is demand (the catchments reach across the
/// study area's border), and the summary and the per-square table report the squares that give
/// residents to the reported communes.
///
/// The matrix of cells × sites is never held: it is costed in blocks of ``blockSize`` cells,
/// once for the sites' denominators and once for the cells' access
/// (``Accessibility/FloatingCatchment/addDemand(_:demand:decay:selection:to:)``), which gives the
/// whole matrix's sums bit for bit. The national 200 m grid (2.3 million squares) so runs in
/// bounded memory (docs/performance.md, "National 200 m grid").
package enum GridAccess {
    /// Cells costed at once.
    static let blockSize = 32_768

    /// The analysis, and per cell its demand and access (times ``AccessAnalysis/Options/per``).
    package static func run(_ study: Study, grid: GridPopulation, options: AccessAnalysis.Options) throws -> (analysis: AccessAnalysis, cells: GridValues) {
        guard grid.cellCount > 0 else { throw InputError(file: grid.file, message: "the grid has no populated cell") }
        if options.method == .ratio { throw ParameterError(.contradicted, "\(.accessMethod) ratio counts residents by zone: it has no use for \(.populationGrid)") }
        if options.cost.kind == .matrix {
            throw ParameterError(.contradicted, "\(.originDestinationMatrix) gives costs from communes: with \(.populationGrid), cost the squares by straight line or by road")
        }
        Progress.report("cells × communes…")
        let communes = study.withoutBuffer()
        let groups = try options.groupBy.map { try AreaGroups.labels(communes.areas, by: $0) }
        let projected = try ProjectedStudy(communes, crs: options.crs, keepGeometries: false)
        let allocation = try GridAllocation.compute(grid, communes: communes.areas, projected: ProjectedStudy(communes, crs: options.crs))
        let kinds = Set(options.kinds ?? study.sites.map(\.kind))
        let siteIndices = study.sites.indices.filter { kinds.contains(study.sites[$0].kind) }
        guard !siteIndices.isEmpty else { throw ParameterError(.contradicted, "no site of kind \(kinds.map(\.rawValue).sorted().joined(separator: ", "))") }
        var notes = Properties()
        let (supply, unit) = try AccessAnalysis.supply(study, siteIndices: siteIndices, options: options, notes: &notes)
        let demand = try cellDemand(grid, allocation: allocation, communes: communes.areas, options: options, unit: unit, notes: &notes)
        let catchment = options.catchmentMinutes ?? AccessAnalysis.defaultCatchmentMinutes(options.method)
        let decay = AccessAnalysis.decay(options, catchment: catchment)

        Progress.report("access of \(grid.cellCount) grid cells…")
        let costs = try GridCosts(
            grid: grid, study: study, projected: projected, siteIndices: siteIndices, options: options.cost, maxMinutes: catchment, forcedCRS: options.crs,
            allocation: allocation)
        notes["cost"] = .object(costs.notes)
        let selection = options.method == .threeStep
        let ratios: [Double?]
        var access: [Double]
        Progress.report("catchments of the squares…")
        if let (rows, order) = costs.rowSource(cellCount: grid.cellCount) {
            let result = FloatingCatchment.streamed(
                originCount: grid.cellCount, order: order, rows: rows, demand: demand, supply: supply, decay: decay, selection: selection)
            ratios = result.ratios
            access = result.access.map { $0 * options.per }
        } else {
            var denominator = [Double](repeating: 0, count: siteIndices.count)
            try costs.forEachBlock { cells, matrix in
                FloatingCatchment.addDemand(matrix, demand: cells.map { demand[$0] }[...], decay: decay, selection: selection, to: &denominator)
            }
            ratios = FloatingCatchment.ratios(supply: supply, denominator: denominator)
            access = [Double](repeating: 0, count: grid.cellCount)
            try costs.forEachBlock { cells, matrix in
                for (a, k) in zip(FloatingCatchment.access(matrix, ratios: ratios, decay: decay, selection: selection), cells) { access[k] = a * options.per }
            }
        }
        notes["sites_reaching_no_demand"] = .strings(ratios.indices.filter { ratios[$0] == nil }.map { study.sites[siteIndices[$0]].id })

        Progress.report("squares to communes…")
        let byCommune = allocation.aggregate(access)
        var analysis = AccessAnalysis(
            study: communes, options: options, access: byCommune.map { $0 ?? .nan }, demand: allocation.population,
            siteIndices: siteIndices, siteRatios: ratios.map { $0.map { $0 * options.per } }, supply: supply,
            supplyUnit: unit, catchmentMinutes: catchment, decay: decay, groups: groups, summary: Summary())
        // Every square is demand, but a regional study reports the squares of its communes.
        var reported = Array(0..<grid.cellCount)
        if study.studyArea != nil {
            var used = [Bool](repeating: false, count: grid.cellCount)
            for parts in allocation.byCommune { for (k, w) in parts where w > 0 { used[k] = true } }
            reported = reported.filter { used[$0] }
        }
        analysis.summary = summary(
            analysis, grid: grid, cells: (reported.map { grid.counts[$0] }, reported.map { access[$0] }), notes: notes, allocation: allocation,
            communeAccess: byCommune)
        let squares = reported.count == grid.cellCount
            ? GridValues(grid: grid, columns: ["demand", "access"], values: [demand, access], precision: [2, 8])
            : GridValues(grid: grid.subset(reported), columns: ["demand", "access"], values: [reported.map { demand[$0] }, reported.map { access[$0] }], precision: [2, 8])
        return (analysis, squares)
    }

    /// Per cell its demand: its residents, standardised for APL with the age structure of the
    /// communes it gives residents to (linear: Dₖ = Pₖ · Σ_c w_kc (D_c / P_c) / Σ_c w_kc); notes
    /// what the demand and the unit are.
    static func cellDemand(
        _ grid: GridPopulation, allocation: GridAllocation, communes: [Area], options: AccessAnalysis.Options, unit: AccessAnalysis.SupplyUnit,
        notes: inout Properties
    ) throws -> [Double] {
        guard options.method == .apl else { return grid.counts }
        let communeDemand = try AccessAnalysis.demand(Study(areas: communes, sites: []), options: options, unit: unit, notes: &notes)
        guard communes.contains(where: { !$0.populationByAge.isEmpty }) else { return grid.counts }
        var mix = [Double](repeating: 0, count: grid.cellCount), weight = [Double](repeating: 0, count: grid.cellCount)
        for (c, parts) in allocation.byCommune.enumerated() {
            let area = communes[c]
            // A commune without age groups counts its residents as they are (D_c = P_c).
            guard let total = area.population, total > 0 else { continue }
            for (k, w) in parts {
                mix[k] += w * communeDemand[c] / total
                weight[k] += w
            }
        }
        notes["demand"] = .string(
            "grid residents standardised by age (DREES APL weights), each square with the age structure of the communes it lies in, by area")
        return (0..<grid.cellCount).map { k in weight[k] > 0 ? mix[k] / weight[k] * grid.counts[k] : grid.counts[k] }
    }
}
