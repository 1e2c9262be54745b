import Foundation
import GeoCore
import GeoIO

/// `geohealth access --population-grid FILE`: floating-catchment access with a gridded
/// population as demand instead of the communes' representative points, and the result
/// brought back to the communes by area (``GridAllocation``).
///
/// The cells play the part of the communes in ``AccessAnalysis``: each cell's centre is an
/// origin (its representative point, in its partition's metric CRS), its residents the demand
/// Dₖ; sites' ratios Rⱼ = Sⱼ / Σₖ Dₖ W(tₖⱼ) and cells' access Aₖ follow. A commune's access is
/// the residents-weighted mean of its cells' access, A_c = Σₖ w_kc Aₖ / Σₖ w_kc, so that the
/// population-weighted figures of the communes are those of the residents where they live.
/// A commune the grid gives nobody has no value ("no data"). The grid has no age groups: for
/// APL each square takes the age structure of the communes it lies in (by the residents it
/// gives each), so that demand is standardised as with communes. A regional study's buffer does not
/// apply to the grid: every cell of the file is demand, and only the reported communes are
/// aggregated.
package enum GridAccess {
    package static func run(_ study: Study, grid: GridPopulation, options: AccessAnalysis.Options) throws -> AccessAnalysis {
        guard !grid.cells.isEmpty else { throw InputError(file: grid.file, message: "the grid has no populated cell") }
        Progress.report("cells × communes…")
        let communes = study.withoutBuffer()
        let groups = try options.groupBy.map { try AreaGroups.labels(communes.areas, by: $0) }
        let projected = try ProjectedStudy(communes, crs: options.crs)
        let allocation = try GridAllocation.compute(grid, projected: projected)

        Progress.report("access of \(grid.cells.count) grid cells…")
        let ages = cellAgeStructure(grid, allocation: allocation, communes: communes.areas)
        let cellStudy = Study(areas: grid.cells.indices.map { k in
            Area(id: grid.cells[k].id, name: grid.cells[k].id, geometry: grid.cells[k].polygon, population: grid.cells[k].count, populationByAge: ages[k])
        }, sites: study.sites)
        var cellOptions = options
        cellOptions.groupBy = nil
        let cells = try AccessAnalysis.run(cellStudy, options: cellOptions)
        let access = allocation.aggregate(cells.access)
        let gridPopulation = allocation.population

        var analysis = AccessAnalysis(
            study: communes, options: options, access: access.map { $0 ?? .nan }, demand: gridPopulation,
            siteIndices: cells.siteIndices, siteRatios: cells.siteRatios, supply: cells.supply,
            supplyUnit: cells.supplyUnit, catchmentMinutes: cells.catchmentMinutes, decay: cells.decay, groups: groups, summary: Summary())
        var s = Summary()
        for (key, value) in cells.summary.root {
            switch key {
            case "communes": s["grid_cells"] = value
            case "communes_with_zero_population": continue
            default: s[key] = value
            }
        }
        let census = communes.areas.map { $0.population ?? 0 }
        s["grid"] = .object(Properties([
            ("file", .string(grid.file)),
            ("crs", .string(grid.crs.description)),
            ("cell_size_m", .fixed(grid.cellSize, 0)),
            ("populated_cells", .int(grid.cells.count)),
            ("residents", .headCount(grid.total)),
            ("residents_outside_every_commune", .headCount(allocation.outside)),
        ]))
        s["communes_grid"] = .object(Properties([
            ("communes", .int(communes.areas.count)),
            ("communes_without_grid_residents", .int(access.filter { $0 == nil }.count)),
            ("population_census", .headCount(census.reduce(0, +))),
            ("population_grid_by_area", .headCount(gridPopulation.reduce(0, +))),
            ("aggregation", .string("residents-weighted mean of the cells' access, cells split by area")),
        ]))
        if options.method == .apl, ages.contains(where: { !$0.isEmpty }) {
            s["demand"] = .string(
                "grid residents standardised by age (DREES APL weights), each square with the age structure of the communes it lies in, by area")
        }
        analysis.summary = s
        return analysis
    }

    /// Each cell's residents by age group: its count split in the age shares of the communes it
    /// lies in, weighted by the residents it gives each (a cell inside one commune takes that
    /// commune's structure). Empty when no commune has age groups (then APL demand is raw).
    static func cellAgeStructure(_ grid: GridPopulation, allocation: GridAllocation, communes: [Area]) -> [[String: Double]] {
        var mix = [[String: Double]](repeating: [:], count: grid.cells.count)
        var weight = [Double](repeating: 0, count: grid.cells.count)
        for (c, parts) in allocation.byCommune.enumerated() {
            let area = communes[c]
            guard let total = area.population, total > 0, !area.populationByAge.isEmpty else { continue }
            for (k, w) in parts {
                for (group, n) in area.populationByAge { mix[k][group, default: 0] += w * n / total }
                weight[k] += w
            }
        }
        return grid.cells.indices.map { k in
            weight[k] > 0 ? mix[k].mapValues { $0 / weight[k] * grid.cells[k].count } : [:]
        }
    }
}
