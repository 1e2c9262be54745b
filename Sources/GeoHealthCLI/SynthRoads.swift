import ArgumentParser
import Foundation
import GeoHealthKit

struct SynthRoads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth-roads",
        abstract: "Generate a synthetic national road network as an OpenStreetMap PBF file.",
        discussion: """
            Covers metropolitan France's extent with a realistic class mix: a motorway and trunk skeleton between cities, primary and secondary \
            roads between towns, a tertiary/unclassified lattice, residential streets in every town, roundabouts and one-way streets. It is \
            streamed to the file, and the same seed and size give the same file. The default size is close to France's car network \
            (25 million nodes, about 4 million ways); --nodes makes it smaller or larger.

            Examples:
              geohealth synth-roads --nodes 20000 --seed 3 --out /tmp/small-roads.osm.pbf
            """)

    /// The library's defaults (``SyntheticRoads/Options``).
    private static let defaults = SyntheticRoads.Options()

    @Option(help: "About how many nodes (\(SyntheticRoads.nodeRange.lowerBound) to \(SyntheticRoads.nodeRange.upperBound)).")
    var nodes = defaults.nodes

    @Option(help: "Seed of the random generator (any integer from 0 to 2^64 − 1).")
    var seed = defaults.seed

    @Option(name: [.customLong("out"), .customLong("output")], help: "The .osm.pbf file to write (replaced if GeoHealth may).")
    var out: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try ParameterFlags.validate { try SyntheticRoads.check(options) }
    }

    var options: SyntheticRoads.Options {
        var options = SyntheticRoads.Options()
        options.nodes = nodes
        options.seed = seed
        return options
    }

    func run() throws {
        output.showProgress()
        let written = try SyntheticRoads.write(to: URL(fileURLWithPath: out), options: options)
        output.print(written.summary, command: "synth-roads")
    }
}
