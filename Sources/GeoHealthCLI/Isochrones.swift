import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

extension IsochroneAnalysis.Options: TravelCostSettings {}

/// `isochrones`: the kinds whose sites get isochrones and catchments.
enum IsochroneKinds: SiteKindUse {
    static let help = "Only the sites of these kinds get isochrones and catchments, comma-separated (e.g. sas,emergency) (default: every kind)."
}

struct IsochronesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isochrones",
        abstract: "Areas within T minutes of each site by road (nested polygons), and every commune allocated to its nearest site by road.",
        discussion: """
            Travel runs towards the site (a resident's time to reach it). An isochrone is the reachable network, the last segment cut where \
            time runs out, drawn with a band of --buffer-metres on each side (the road model of --roads is used whatever --cost says); places farther from every reachable road stay out (holes). \
            Catchments dissolve the communes whose nearest site by road is the same; communes reaching none form the row 'none'. \
            A .gpkg output holds both layers (isochrones, catchments); X.geojson is written as X-isochrones.geojson and X-catchments.geojson.

            Examples:
              geohealth isochrones geodata --roads geodata/roads.geojson --site-kind hospital --out /tmp/iso.gpkg
              geohealth isochrones geodata --roads geodata/roads.geojson --thresholds 15,30 --out /tmp/iso.geojson
            """)

    @OptionGroup var inputs: StudyOptions
    @OptionGroup var costs: CostOptions
    @OptionGroup var site: SiteOptions<IsochroneKinds>

    @Option(help: "Isochrones: \(MinuteList.helpText). \(MinuteList(IsochroneAnalysis.defaultThresholds).helpDefault)", transform: MinuteList.parse)
    var thresholds = MinuteList(IsochroneAnalysis.defaultThresholds)

    @Option(help: "Half-width in metres of the band drawn around the reachable roads (the off-road leg).")
    var bufferMetres = IsochroneAnalysis.defaultBufferMetres

    @Option(help: "The isochrones and catchments: .gpkg (two layers) or .geojson (two files, -isochrones and -catchments).")
    var out: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard costs.roads != nil else { throw ValidationError("isochrones needs --roads FILE (the road lines)") }
        try OutputExtension.check(out, "--out", ["gpkg", "geojson", "json"])
        try ParameterFlags.validate { try IsochroneAnalysis.check(options) }
    }

    var options: IsochroneAnalysis.Options {
        var options = IsochroneAnalysis.Options()
        costs.configure(&options)
        options.cost.kind = .network
        options.thresholds = thresholds.values
        options.bufferMetres = bufferMetres
        return options
    }

    func run() throws {
        output.showProgress()
        var sources = try inputs.sources()
        sources.metricCRS = costs.metricCRS
        let loaded = try LoadedStudies.load(sources)
        var options = self.options
        options.kinds = site.kinds(in: loaded.study)
        let analysis = try IsochroneAnalysis.run(loaded.study, options: options)
        if let out { try analysis.write(to: URL(fileURLWithPath: out), inputs: sources.inputs + costs.inputs) }
        output.print(analysis.summary, command: "isochrones")
        KeptUntilExit.keep(loaded, analysis)
    }
}
