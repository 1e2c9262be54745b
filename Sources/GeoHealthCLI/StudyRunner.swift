import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

/// Turns each analysis of a study file into the command line of its command and runs it in
/// this process, its summary captured into NAME.json / NAME.txt. Which files each analysis
/// writes is planned before any runs (`StudyRunner+Plan.swift`); the command line is built in
/// `StudyRunner+CommandLine.swift`.
struct StudyRunner {
    let study: StudyFile
    /// The folder being built (``OutputFolder/staging``).
    let staging: URL
    var steps: [Provenance.Step] = []
    var inputs: [URL] = []
    /// The per-commune table of each analysis that wrote one (GeoJSON), by name.
    var tables: [String: URL] = [:]

    /// Options whose values are files, resolved relative to the study file.
    static let pathOptions: Set<String> = ["folder", "areas", "population", "history", "sites", "territories", "roads", "od", "speeds",
                                           "kind_map", "population_grid", "age_weights", "bands", "candidates", "hatched", "bivariate_layer"]
    /// Options given once per value (the others take a list as one comma-separated value).
    static let repeatedOptions: Set<String> = ["areas", "sites", "site_where", "add", "remove"]
    /// Options the runner sets itself.
    static let reserved: Set<String> = ["out", "format", "quiet", "sites_out", "grid_out", "communes_out", "white_zones_out", "csv", "chart_out", "lorenz_out",
                                        "csv_dialect"]

    /// Runs every analysis in order, sharing the studies they load (``LoadedStudies``: one
    /// load per distinct set of inputs).
    mutating func runAll() throws {
        try LoadedStudies.$current.withValue(LoadedStudies(uses: plannedLoads())) {
            for analysis in study.analyses {
                Progress.report("\(analysis.name)…")
                try run(analysis)
                TestHook.step("analysis \(analysis.name)")
            }
        }
    }

    /// The row of the analysis's command (the study file's reader has refused any other name).
    func command(of a: StudyFile.Analysis) throws -> AnalysisCommand {
        guard let command = AnalysisCommand.named(a.command) else { throw failure(a, "'\(a.command)' is not an analysis") }
        return command
    }

    /// An `InputError` on the analysis's line of the study file.
    func failure(_ a: StudyFile.Analysis, _ message: String) -> InputError {
        InputError(file: study.url.relativePath, line: a.line, message: message)
    }

    /// Runs one analysis and records it: its summary, its tables in the study's formats, the
    /// files it read and its step of the provenance.
    mutating func run(_ a: StudyFile.Analysis) throws {
        let command = try command(of: a)
        let (options, positional) = try commandOptions(a, command)
        let (parsed, args) = try parse(a, command, options: options, positional: positional)
        var copies = command.writesTable ? tableCopies(of: a) : nil
        copies?.arguments = args.dropFirst().map(relative)  // after the command's name
        let captured = try TableCopies.$current.withValue(copies) { try execute(parsed, a) }
        var outputs = try writtenFiles(a, command)
        if let (summary, name) = captured { outputs += try writeSummary(summary, command: name, of: a) }
        if let copies {
            tables[a.name] = copies.primary
            outputs += copies.copies.map(\.lastPathComponent)
        }
        recordInputs(command, options: options)
        steps.append(Provenance.Step(name: a.name, command: a.command, arguments: args.map(relative), outputs: outputs.sorted()))
    }

    /// The files the analysis wrote through its output options (the report: every file of its
    /// folder), relative to the run's folder.
    func writtenFiles(_ a: StudyFile.Analysis, _ command: AnalysisCommand) throws -> [String] {
        guard command.writesFolder else { return Self.outputs(of: a, command, in: study).map { a.name + $0.suffix } }
        let folder = staging.appendingPathComponent(a.name)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { "\(a.name)/\($0)" }
    }

    /// Writes the analysis's summary as NAME.json and NAME.txt, its paths relative to the
    /// folder; returns their names.
    func writeSummary(_ full: Summary, command: String, of a: StudyFile.Analysis) throws -> [String] {
        let summary = Summary(full.root.map { ($0.key, relative($0.value)) })
        try OutputFile.write(Array(summary.json(command: command).utf8), to: staging.appendingPathComponent(a.name + ".json"))
        try OutputFile.write(Array(summary.text().utf8), to: staging.appendingPathComponent(a.name + ".txt"))
        return [a.name + ".json", a.name + ".txt"]
    }

    /// The analysis's per-commune table (`NAME.geojson`, kept for later analyses) and the
    /// study's other `tables:` formats, which the command writes from the table it holds
    /// (``TableCopies``).
    func tableCopies(of a: StudyFile.Analysis) -> TableCopies {
        let copies = study.tables.filter { $0 != "geojson" }.map { staging.appendingPathComponent("\(a.name).\($0)") }
        return TableCopies(primary: staging.appendingPathComponent(a.name + ".geojson"), copies: copies,
                           dialect: study.csvDialect == "fr" ? .french : .standard)
    }

    /// `text` with the paths into the folder being built relative to it (`map-msp.svg`, not
    /// `/tmp/.study.geohealth-123-…/folder/map-msp.svg`): no output or message names the work
    /// folder, and identical runs write identical summaries.
    func relative(_ text: String) -> String {
        text.replacingOccurrences(of: staging.path + "/", with: "").replacingOccurrences(of: staging.path, with: ".")
    }

    /// A summary's value with its strings ``relative(_:)-(String)``.
    func relative(_ value: PropertyValue) -> PropertyValue {
        switch value {
        case .string(let text): .string(relative(text))
        case .array(let items): .array(items.map(relative))
        case .object(let entries): .object(Properties(entries.map { ($0.key, relative($0.value)) }))
        default: value
        }
    }

    /// Runs the command in this process, its summary captured (``SummarySink``); returns the
    /// summary and the command's name.
    func execute(_ parsed: ParsableCommand, _ a: StudyFile.Analysis) throws -> (summary: Summary, command: String)? {
        var command = parsed
        do {
            return try SummarySink.capture {
                try (command as? WritesFiles)?.checkOutputPaths()
                try command.run()
            }
        } catch {
            throw failure(a, "\(a.name) (\(a.command)): \(relative(String(describing: error)))")
        }
    }

    /// Records the files the analysis read (a study folder by the files found in it; an areas
    /// folder is expanded into its layer files by the provenance).
    mutating func recordInputs(_ command: AnalysisCommand, options: [(key: String, value: StudyFile.Value)]) {
        for (key, value) in options where Self.pathOptions.contains(key) && key != "folder" {
            switch value {
            case .text(let t): inputs.append(URL(fileURLWithPath: resolve(key, t)))
            case .list(let items): inputs += items.map { URL(fileURLWithPath: resolve(key, $0)) }
            case .flag: break
            }
        }
        if command.readsStudy, let folder = options.first(where: { $0.key == "folder" }), case .text(let f) = folder.value,
           let sources = try? StudySources.discover(in: URL(fileURLWithPath: resolve("folder", f))) {
            inputs += sources.inputs
        }
    }
}
