import ArgumentParser
import Foundation
import GeoHealthKit

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic département: communes, population, sites, CPTS, roads, history.",
        discussion: """
            Writes communes.geojson, population.csv, history.csv, sites.csv, cpts.csv, roads.geojson and a README.md into the output folder. The same \
            seed gives the same bytes on every machine; the sample in geodata/ is seed 1 (--out geodata remakes it).

            Examples:
              geohealth synth --seed 1 --out /tmp/sample
              geohealth synth --seed 7 --communes 600 --out /tmp/bigger
            """)

    /// The library's sample territory when nothing is given (``SyntheticTerritory/Options``).
    private static let defaults = SyntheticTerritory.Options()

    @Option(help: "Seed of the random generator (any integer from 0 to 2^64 − 1).")
    var seed = defaults.seed

    @Option(help: "Number of communes, \(OptionRange.syntheticCommunes.helpText).")
    var communes = defaults.communes

    @Option(help: "Number of maisons de santé pluriprofessionnelles (MSP), from 0 to the number of communes less 7.")
    var msp = defaults.msp

    @Option(help: "Number of CPTS territories, from 1 to a quarter of the number of communes.")
    var cpts = defaults.cpts

    @Option(help: "Output folder (created if needed).")
    var out: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OptionRange.syntheticCommunes.check(communes, "--communes")
        try ParameterFlags.validate(options.check)
    }

    /// The library's options: the counts given.
    var options: SyntheticTerritory.Options {
        var options = SyntheticTerritory.Options()
        options.seed = seed
        options.communes = communes
        options.msp = msp
        options.cpts = cpts
        return options
    }

    func run() throws {
        output.showProgress()
        let territory = try SyntheticTerritory.generate(options)
        let folder = URL(fileURLWithPath: out)
        try territory.write(to: folder)
        output.print(territory.summary(folder: folder), command: "synth")
    }
}
