import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

struct Distance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distance",
        abstract: "Travel time and distance from every commune to the nearest site of each kind; population beyond thresholds.",
        discussion: """
            Costs come from the straight line (× detour ÷ speed, planar in the metric CRS or geodesic), a road network (an OpenStreetMap .osm.pbf or GeoJSON lines, speeds by \
            class or maxspeed, one-way streets) or a supplied origin–destination matrix. Unreachable communes (no site within --max-minutes, or too \
            far from any road) are listed and count as beyond every threshold.

            Examples:
              geohealth distance geodata
              geohealth distance geodata --cost network --roads geodata/roads.geojson --site-kind hospital --thresholds 20,45 --out /tmp/travel.geojson
              geohealth distance geodata --group-by ZONE --out /tmp/travel.csv
              geohealth distance geodata --population-grid geodata/population-grid.csv --thresholds 10,20 --grid-out /tmp/squares.csv
            """)

    @OptionGroup var inputs: StudyOptions
    @OptionGroup var costs: CostOptions

    /// The kinds whose nearest site is timed (default: every kind present).
    @OptionGroup var site: SiteOptions<TravelledKinds>

    @Option(help: "Thresholds for the population beyond: \(MinuteList.helpText). \(MinuteList(TravelAnalysis.defaultThresholds).helpDefault)", transform: MinuteList.parse)
    var thresholds = MinuteList(TravelAnalysis.defaultThresholds)

    @Option(help: "Count the sites within this many minutes of each commune (\(OptionRange.minutes.helpText)).")
    var within = TravelAnalysis.defaultWithinMinutes

    @OptionGroup var grid: PopulationGridOptions
    @OptionGroup var table: CommuneTableOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OptionRange.minutes.check(within, "--within")
        try table.publishing.refuse(grid: grid.populationGrid)
    }

    func run() throws {
        output.showProgress()
        var sources = try inputs.sources()
        sources.measureAhead = grid.populationGrid == nil
        sources.metricCRS = costs.metricCRS
        let loaded = try LoadedStudies.load(sources)
        var options = TravelAnalysis.Options()
        costs.configure(&options)
        options.kinds = site.kinds(in: loaded.study)
        options.thresholds = thresholds.values
        options.withinMinutes = within
        options.groupBy = table.groupBy
        let inputs = sources.inputs + costs.inputs + grid.inputs
        if let squares = try grid.read() {
            let travel = try GridTravel.run(loaded.study, grid: squares, options: options)
            try grid.finish(table: travel.table, cells: travel.cells, summary: travel.summary, command: "distance", into: table, output: output, inputs: inputs)
            KeptUntilExit.keep(loaded, travel)
            return
        }
        let analysis = try TravelAnalysis.run(loaded.study, options: options, measured: loaded.measures)
        let (published, summary) = table.publish(analysis.table, analysis.summary)
        try table.write(published, inputs: inputs, command: "distance", summary: summary)
        output.print(summary, command: "distance")
        KeptUntilExit.keep(loaded, analysis)
    }
}
