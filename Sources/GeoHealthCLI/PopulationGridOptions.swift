import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

/// `--population-grid` and its companions, shared by `access`, `distance` and `coverage`:
/// residents counted on the squares of a population grid instead of at the communes' points.
struct PopulationGridOptions: ParsableArguments {
    @Option(help: """
        Demand from a population grid (CSV with INSEE cell ids or x/y corners and a count, or GeoJSON cells/points) instead of the communes; results \
        come back to the communes by area.
        """)
    var populationGrid: String?

    @Option(help: ArgumentHelp("CRS of the grid's x/y corners (INSEE ids carry theirs). (default: \(GridPopulation.defaultCRS))", valueName: "crs"),
            transform: CRSValue.parse)
    var gridCrs = CRSValue(GridPopulation.defaultCRS)

    @Option(help: "Side of the grid's cells in metres, \(OptionRange.cellMetres.helpText), for x/y corners and points (INSEE ids carry theirs).")
    var gridSize = GridPopulation.defaultCellSize

    @Option(help: "With --population-grid: write one row per populated square (CSV: id, CRS, corner, side, population, then the results).")
    var gridOut: String?

    func validate() throws {
        try OptionRange.cellMetres.check(gridSize, "--grid-size")
        try OutputExtension.check(gridOut, "--grid-out", OutputExtension.csv)
        if gridOut != nil && populationGrid == nil { throw ValidationError("--grid-out needs --population-grid") }
    }

    /// The grid, read; nil without `--population-grid`.
    func read() throws -> GridPopulation? {
        try populationGrid.map { try GridPopulation.read(URL(fileURLWithPath: $0), crs: gridCrs.crs, cellSize: gridSize) }
    }

    /// Writes a grid analysis's per-commune `table` and, with `--grid-out`, its per-square
    /// `cells`, then prints its `summary`.
    func finish(
        table: CommuneTable, cells: GridValues, summary: Summary, command: String, into tables: CommuneTableOptions, output: OutputOptions,
        inputs: [URL]
    ) throws {
        try tables.write(table, inputs: inputs, command: command, summary: summary)
        if let gridOut { try cells.write(to: URL(fileURLWithPath: gridOut), inputs: inputs, dialect: tables.csv.dialect) }
        output.print(summary, command: command)
    }

    /// The grid file as an input of the run (never overwritten).
    var inputs: [URL] { populationGrid.map { [URL(fileURLWithPath: $0)] } ?? [] }
}

extension PopulationGridOptions: StudyFileKeys {
    static let studyFileKeys: Set<String> = ["population_grid", "grid_crs", "grid_size", "grid_out"]
}
