import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

extension CoverageAnalysis.Method: ExpressibleByArgument {}

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Communes and inhabitants inside the territories (CPTS, SAS…) and within reach of sites.",
        discussion: """
            Territories come from the study (cpts.csv in a study folder, or --territories: lists of commune codes as CSV rows or JSON member lists \
            such as the official epci.json, or polygons); they may overlap. A list covers exactly its communes; polygons are overlaid with GEOS. A \
            commune's covered population is area-proportional by default (--method area), or the whole commune when its representative point is \
            inside (--method point). With --catchment-minutes, a commune is also covered when a site of --site-kind is within that travel time (any \
            --cost model).

            Examples:
              geohealth coverage geodata
              geohealth coverage geodata --catchment-minutes 15 --site-kind msp --out /tmp/coverage.geojson
              geohealth coverage geodata --method point --group-by departement --format json
              geohealth coverage geodata --catchment-km 10 --site-kind hospital
            """)

    @OptionGroup var inputs: StudyOptions
    @OptionGroup var costs: CostOptions

    @Option(help: "How to count a commune's covered inhabitants: area (area-proportional) or point (representative point).")
    var method = CoverageAnalysis.Options().method

    @Option(help: "Catchments: a commune is covered when a site is within this many minutes (\(OptionRange.minutes.helpText)).")
    var catchmentMinutes: Double?

    @Option(help: "Catchments by distance: a commune is covered when a site is within this many crow-fly kilometres (\(OptionRange.kilometres.helpText)).")
    var catchmentKm: Double?

    /// The kinds of the catchments' sites (default: every kind).
    @OptionGroup var site: SiteOptions<CatchmentKinds>

    @OptionGroup var grid: PopulationGridOptions
    @OptionGroup var table: CommuneTableOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OptionRange.minutes.check(catchmentMinutes, "--catchment-minutes")
        try OptionRange.kilometres.check(catchmentKm, "--catchment-km")
        try table.publishing.refuse(grid: grid.populationGrid)
        if catchmentKm != nil && (catchmentMinutes != nil || costs.cost != .straight) {
            throw ValidationError("--catchment-km is a crow-fly distance: use it without --catchment-minutes and --cost")
        }
    }

    func run() throws {
        output.showProgress()
        let sources = try inputs.sources()
        let loaded = try LoadedStudies.load(sources)
        var options = CoverageAnalysis.Options()
        options.method = method
        options.catchmentMinutes = catchmentMinutes
        options.catchmentKm = catchmentKm
        options.catchmentKinds = site.kinds(in: loaded.study)
        costs.configure(&options)
        options.groupBy = table.groupBy
        let inputs = sources.inputs + costs.inputs + grid.inputs
        if let squares = try grid.read() {
            let coverage = try GridCoverage.run(loaded.study, grid: squares, options: options)
            try grid.finish(table: coverage.table, cells: coverage.cells, summary: coverage.summary, command: "coverage", into: table, output: output, inputs: inputs)
            KeptUntilExit.keep(loaded, coverage)
            return
        }
        let analysis = try CoverageAnalysis.run(loaded.study, options: options)
        let (published, summary) = table.publish(analysis.table, analysis.summary)
        try table.write(published, inputs: inputs, command: "coverage", summary: summary)
        output.print(summary, command: "coverage")
        KeptUntilExit.keep(loaded, analysis)
    }
}
