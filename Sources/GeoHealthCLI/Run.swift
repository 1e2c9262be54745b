import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

/// `geohealth run study.yaml`: every analysis of a study file, into one folder, with a
/// provenance file. docs/study-file.md.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a whole study from a study file (YAML): every table, map, chart and the report into one folder, with provenance.",
        discussion: """
            The study file names the inputs, the title and source line, default parameters and the analyses (each a command of this program with its \
            options in snake_case). Outputs: NAME.json and NAME.txt (each analysis's summary), the per-commune tables (.geojson, .csv, .gpkg as \
            `tables:` says), maps and charts (.svg), the report (report/report.html and report.md), and provenance.json (inputs' and outputs' \
            SHA-256, the exact command lines, the version).

            The folder is written whole or not at all: it is built beside the target in a work folder (.NAME.geohealth-PID-RANDOM) and swapped into \
            place in one step. An existing folder is replaced only when it holds nothing but what its provenance.json lists (a previous run or \
            report, unedited); any other is refused, naming the files GeoHealth did not write. An --out that holds an input of the study is refused.

            Example:
              geohealth run geodata/study.yaml --out /tmp/study
            """)

    @Argument(help: "The study file (YAML).")
    var file: String

    @Option(help: "Output folder.")
    var out: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        output.showProgress()
        let studyURL = URL(fileURLWithPath: file)
        let study = try StudyFile.read(studyURL)
        let target = URL(fileURLWithPath: out)
        try StudyRunner.checkPlan(study, target: target)
        let folder = try OutputFolder(target, mayReplace: Provenance.checkReplaceable)
        Provenance.hashOutputsAsWritten()
        let started = SourceDateEpoch.now()
        var runner = StudyRunner(study: study, staging: folder.staging)
        try runner.runAll()
        let provenance = Provenance(studyFile: studyURL, inputs: runner.inputs, steps: runner.steps, started: started, finished: SourceDateEpoch.now())
        try OutputFile.write(Array(try provenance.json(folder: folder.staging).utf8), to: folder.staging.appendingPathComponent("provenance.json"))
        TestHook.step("provenance written")
        try folder.commit()
        let summary = Summary([
            ("title", study.title.map { .string($0) } ?? .null),
            ("study_file", .string(studyURL.relativePath)),
            ("folder", .string(out)),
            ("analyses", .rows(runner.steps) { [("name", .string($0.name)), ("command", .string($0.command)), ("outputs", .strings($0.outputs))] }),
            ("files", .int(runner.steps.reduce(0) { $0 + $1.outputs.count } + 1)),
            ("provenance", .string("provenance.json")),
        ])
        output.print(summary, command: "run")
    }
}
