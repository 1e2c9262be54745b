import Foundation
import GeoCore

extension GridAccess {
    /// The summary of a grid study: the figures over the cells (``AccessAnalysis``'s, the
    /// cells in the place of the communes), the notes, then the grid and how the communes got
    /// their values.
    static func summary(
        _ analysis: AccessAnalysis, grid: GridPopulation, cells: (population: [Double], access: [Double]), notes: Properties,
        allocation: GridAllocation, communeAccess: [Double?]
    ) -> Summary {
        var s = AccessAnalysis.summary(
            options: analysis.options, catchment: analysis.catchmentMinutes, sites: analysis.siteIndices.count, supply: analysis.supply,
            unit: analysis.supplyUnit, population: cells.population, access: cells.access, places: "grid_cells", notes: notes)
        s["grid"] = grid.summary(outside: allocation.outside)
        s["communes_grid"] = .object(Properties([
            ("communes", .int(analysis.study.areas.count)),
            ("communes_without_grid_residents", .int(communeAccess.filter { $0 == nil }.count)),
            ("population_census", .headCount(analysis.study.areas.reduce(0) { $0 + ($1.population ?? 0) })),
            ("population_grid_by_area", .headCount(allocation.population.reduce(0, +))),
            ("aggregation", .string("residents-weighted mean of the cells' access, cells split by area")),
        ]))
        return s
    }
}

extension GridPopulation {
    /// The grid's block of a summary: file, CRS(s), cell size, populated cells, residents, and
    /// the residents of the parts of cells outside every commune.
    func summary(outside: Double) -> PropertyValue {
        .object(Properties([
            ("file", .string(file)),
            ("crs", .string(crsList.count > 1 ? crsList.map(\.description).joined(separator: ", ") : crs.description)),
            ("cell_size_m", .fixed(cellSize, 0)),
            ("populated_cells", .int(cellCount)),
            ("residents", .headCount(total)),
            ("residents_outside_every_commune", .headCount(outside)),
        ]))
    }
}
