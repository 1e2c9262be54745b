import ArgumentParser
import Foundation
import GeoHealthKit

struct SynthGrid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth-grid",
        abstract: "Spread the communes' populations over 200 m squares: a national population grid in INSEE's layout.",
        discussion: """
            Each commune's residents go to the squares it covers for at least half, densest near its point on surface, in whole residents \
            (about \(Int(SyntheticGrid.residentsPerSquare)) a populated square); the file has INSEE's columns (idcar_200m, ind), EPSG:3035 \
            squares in metropolitan France and each overseas département's own CRS elsewhere. Deterministic: the same communes give the same \
            file. The rule is written in docs/accessibility.md ("A national grid to measure on").

            Examples:
              geohealth synth-grid geodata --out /tmp/sample-200m.csv
              geohealth synth-grid --areas ../shared/geodata-real/communes --population ../shared/geodata-real/population/donnees_communes.csv \\
                --history ../shared/geodata-real/population/mouvements-communes.csv --history-since 2018-01-01 --out /tmp/france-200m.csv
            """)

    @OptionGroup var inputs: StudyOptions

    @Option(help: "Side of the squares in whole metres, \(OptionRange.syntheticCellMetres.helpText).")
    var cellSize = SyntheticGrid.defaultCellSize

    @Option(name: [.customLong("out"), .customLong("output")], help: "The CSV to write (replaced if GeoHealth may).")
    var out: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OptionRange.syntheticCellMetres.check(cellSize, "--cell-size")
        if cellSize != cellSize.rounded() { throw ValidationError("--cell-size must be a whole number of metres (squares' ids name their corners in metres)") }
        try OutputExtension.check(out, "--out", OutputExtension.csv)
    }

    func run() throws {
        output.showProgress()
        let sources = try inputs.sources()
        let loaded = try StudyLoader.load(sources)
        let written = try SyntheticGrid.write(loaded.study, cellSize: cellSize, to: URL(fileURLWithPath: out), inputs: sources.inputs)
        output.print(written.summary, command: "synth-grid")
    }
}
