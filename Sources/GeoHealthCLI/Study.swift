import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Load a study (communes, population, history, sites, territories) and report what joined.",
        discussion: """
            A study folder holds communes.geojson, population.csv, history.csv, sites.csv and cpts.csv (what `geohealth synth` writes); options name \
            other files or override them. Populations are joined to polygons by code, through the commune history when given: merged communes are \
            dissolved, restored ones pooled, and everything left unmatched is listed.

            Examples:
              geohealth study geodata
              geohealth study --areas ../shared/geodata-real/communes --population ../shared/geodata-real/population/donnees_communes.csv \\
                --history ../shared/geodata-real/population/mouvements-communes.csv --history-since 2018-01-01 --format json
              geohealth study geodata --out /tmp/communes-with-population.geojson
            """)

    @OptionGroup var inputs: StudyOptions

    @Option(help: "Write the joined communes (population, age groups, source codes) as GeoJSON.")
    var out: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OutputExtension.check(out, "--out", OutputExtension.geojson)
    }

    func run() throws {
        output.showProgress()
        let sources = try inputs.sources()
        let loaded = try LoadedStudies.load(sources)
        if let out {
            let url = URL(fileURLWithPath: out)
            try JoinedAreasWriter.writeAreas(loaded.study, to: url, inputs: sources.inputs)
            try TableCopies.write({ CommuneTable(features: JoinedAreasWriter.features(loaded.study)) }, besides: url, inputs: sources.inputs)
        }
        output.print(loaded.summary, command: "study")
        KeptUntilExit.keep(loaded)
    }
}
