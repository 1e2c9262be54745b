import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

struct Distance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Travel time and distance from every commune to the nearest site of each kind; population beyond thresholds.",
        discussion: """
            Costs come from the straight line (× detour ÷ speed, planar in the metric CRS or geodesic), a road network (GeoJSON lines, speeds by class or maxspeed, one-way streets) or a supplied origin–destination matrix. Unreachable communes (no site within --max-minutes, or too far from any road) are listed and count as beyond every threshold.

            Examples:
              geohealth distance geodata
              geohealth distance geodata --cost network --roads geodata/roads.geojson --site-kind hospital --thresholds 20,45 --out /tmp/travel.geojson
              geohealth distance geodata --group-by ZONE --out /tmp/travel.csv
            """)

    @OptionGroup var inputs: StudyInputOptions
    @OptionGroup var costs: CostOptions

    @Option(name: .customLong("site-kind"), help: "Only these site kinds, comma-separated; a kind whose name has commas is taken whole (default: every kind present).")
    var siteKinds: String?

    @Option(help: "Thresholds in minutes for the population beyond, comma-separated, each \(OptionRange.minutes.helpText).")
    var thresholds = "20,30"

    @Option(help: "Count the sites within this many minutes of each commune (\(OptionRange.minutes.helpText)).")
    var within = 20.0

    @OptionGroup var table: CommuneTableOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try parseMinutes(thresholds, option: "--thresholds")
        try OptionRange.minutes.check(within, "--within")
    }

    func run() throws {
        output.showProgress()
        var sources = try inputs.sources()
        sources.measureAhead = true
        sources.metricCRS = costs.metricCRS
        let loaded = try StudyLoader.load(sources)
        var options = TravelAnalysis.Options()
        options.cost = costs.model
        options.crs = costs.metricCRS
        options.kinds = parseSiteKinds(siteKinds, in: loaded.study)
        options.thresholds = try parseMinutes(thresholds, option: "--thresholds")
        options.withinMinutes = within
        options.groupBy = table.groupBy
        let analysis = try TravelAnalysis.run(loaded.study, options: options, measured: loaded.measures)
        try table.write(analysis.table, inputs: sources.inputs + costs.inputs)
        output.print(analysis.summary, command: "distance")
        KeptUntilExit.keep(loaded, analysis)
    }
}
