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
            The study file names the inputs, the title and source line, default parameters and the analyses (each a command of this program with its options in snake_case). Outputs: NAME.json and NAME.txt (each analysis's summary), the per-commune tables (.geojson, .csv, .gpkg as `tables:` says), maps and charts (.svg), the report (report/report.html and report.md), and provenance.json (inputs' and outputs' SHA-256, the exact command lines, the version).

            The folder is written whole or not at all: it is built beside the target and renamed; a folder that a previous run made (it holds provenance.json) is replaced, any other existing folder is refused.

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
        try StudyRunner.checkTarget(target, studyFile: studyURL)
        let staging = OutputFile.temporaryURL(for: target)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        var finished = false
        defer { if !finished { try? FileManager.default.removeItem(at: staging) } }
        let started = Date()
        var runner = StudyRunner(study: study, staging: staging, target: target)
        try runner.runAll()
        let provenance = Provenance(studyFile: studyURL, inputs: runner.inputs, steps: runner.steps, started: started, finished: Date())
        try OutputFile.write(Array(try provenance.json(folder: staging).utf8), to: staging.appendingPathComponent("provenance.json"))
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try OutputFile.replace(target, with: staging)
        finished = true
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

/// Turns each analysis of a study file into the command line of its command and runs it in
/// this process, its summary captured into NAME.json / NAME.txt.
struct StudyRunner {
    let study: StudyFile
    let staging: URL
    let target: URL
    var steps: [Provenance.Step] = []
    var inputs: [URL] = []
    /// The per-commune table of each analysis that wrote one (GeoJSON), by name.
    var tables: [String: URL] = [:]

    /// Options whose values are files, resolved relative to the study file.
    static let pathOptions: Set<String> = ["folder", "areas", "population", "history", "sites", "territories", "roads", "od", "speeds",
                                           "kind_map", "population_grid", "age_weights", "bands", "candidates", "hatched"]
    /// Options given once per value (the others take a list as one comma-separated value).
    static let repeatedOptions: Set<String> = ["areas", "sites", "site_where", "add", "remove"]
    /// Commands that read a study (and take the `inputs:` of the file).
    static let studyCommands: Set<String> = ["study", "coverage", "distance", "access", "gaps", "site", "report"]
    /// Options the runner sets itself.
    static let reserved: Set<String> = ["out", "format", "quiet", "sites_out", "communes_out", "white_zones_out", "csv", "chart_out", "lorenz_out", "csv_dialect"]

    static func checkTarget(_ target: URL, studyFile: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) else { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        guard isFolder.boolValue, contents.isEmpty || contents.contains("provenance.json") else {
            throw InputError(file: target.relativePath, message: "exists and was not made by `geohealth run` (no provenance.json): choose another --out")
        }
        if studyFile.standardizedFileURL.path.hasPrefix(target.standardizedFileURL.path + "/") {
            throw InputError(file: target.relativePath, message: "holds the study file: choose another --out")
        }
    }

    mutating func runAll() throws {
        for analysis in study.analyses {
            Progress.report("\(analysis.name)…")
            try run(analysis)
        }
    }

    func resolve(_ key: String, _ value: String) -> String {
        guard Self.pathOptions.contains(key), !value.hasPrefix("/") else { return value }
        let base = study.folder.relativePath
        return base == "." || base.isEmpty ? value : (value == "." ? base : base + "/" + value)
    }

    func arguments(_ options: [(key: String, value: StudyFile.Value)]) throws -> [String] {
        var args: [String] = []
        for (key, value) in options {
            if key == "folder" { if case .text(let f) = value { args.insert(resolve(key, f), at: 0) }; continue }
            let flag = "--" + key.replacingOccurrences(of: "_", with: "-")
            switch value {
            case .flag(let on): if on { args.append(flag) }
            case .text(let t): args += [flag, resolve(key, t)]
            case .list(let items) where Self.repeatedOptions.contains(key): for i in items { args += [flag, resolve(key, i)] }
            case .list(let items): args += [flag, items.map { resolve(key, $0) }.joined(separator: ",")]
            }
        }
        return args
    }

    mutating func run(_ a: StudyFile.Analysis) throws {
        var options = a.options
        let given = Set(options.map(\.key))
        for key in given.union(study.inputs.map(\.key)) where Self.reserved.contains(key) {
            throw InputError(file: study.url.relativePath, line: a.line, message: "\(a.name): \(key): the study run chooses the output files and formats itself (tables:, csv_dialect:); leave it out")
        }
        var positional: [String] = []
        var outputs: [String] = []
        func file(_ suffix: String) -> String { staging.appendingPathComponent(a.name + suffix).path }
        func out(_ option: String, _ suffix: String) { options.append((option, .text(file(suffix)))); outputs.append(a.name + suffix) }

        if Self.studyCommands.contains(a.command) {
            options = study.inputs.filter { !given.contains($0.key) } + options
        }
        if ["inequality", "map", "chart"].contains(a.command) {
            guard let k = options.firstIndex(where: { $0.key == "table" }), case .text(let name) = options[k].value else {
                throw InputError(file: study.url.relativePath, line: a.line, message: "\(a.name): say which table to read with table: NAME (an earlier analysis)")
            }
            options.remove(at: k)
            guard let url = tables[name] else {
                throw InputError(file: study.url.relativePath, line: a.line, message: "\(a.name): no earlier analysis named '\(name)' wrote a table (those that did: \(tables.keys.sorted().joined(separator: ", ")))")
            }
            positional.append(url.path)
        }
        if a.command == "chart" {
            guard let k = options.firstIndex(where: { $0.key == "kind" }), case .text(let kind) = options[k].value else {
                throw InputError(file: study.url.relativePath, line: a.line, message: "\(a.name): a chart needs kind: lorenz, histogram or beyond")
            }
            options.remove(at: k)
            positional.insert(kind, at: 0)
        }
        var table: String?
        switch a.command {
        case "study", "coverage", "distance", "access":
            out("out", ".geojson")
            table = file(".geojson")
            if a.command == "access" { out("sites_out", "-sites.csv") }
        case "gaps":
            out("out", "-zones.geojson")
            out("csv", "-zones.csv")
            out("communes_out", ".geojson")
            table = file(".geojson")
        case "site": out("chart_out", ".svg")
        case "inequality":
            out("out", ".geojson")
            out("lorenz_out", "-lorenz.csv")
        case "map", "chart": out("out", ".svg")
        case "report":
            options.append(("out", .text(staging.appendingPathComponent(a.name).path)))
            if let title = study.title, !given.contains("title") { options.append(("title", .text(title))) }
            if let source = study.source, !given.contains("source") { options.append(("source", .text(source))) }
            if let lang = study.language, !given.contains("lang") { options.append(("lang", .text(lang))) }
        default: break
        }
        if ["map", "chart", "site"].contains(a.command), let lang = study.language, !given.contains("lang") { options.append(("lang", .text(lang))) }
        if a.command == "map", let source = study.source, !given.contains("source") { options.append(("source", .text(source))) }

        if ["coverage", "distance", "access", "gaps", "inequality"].contains(a.command) { options.append(("csv_dialect", .text(study.csvDialect))) }
        // Defaults of the file's `parameters:`, for the commands that take them.
        var defaults = study.parameters.filter { !given.contains($0.key) && !Self.reserved.contains($0.key) }
        var command: ParsableCommand
        var args: [String] = []
        while true {
            args = [a.command] + positional + (try arguments(options + defaults))
            do {
                command = try GeoHealth.parseAsRoot(args)
                break
            } catch {
                let message = GeoHealth.message(for: error)
                if let k = defaults.firstIndex(where: { message.contains("'--\($0.key.replacingOccurrences(of: "_", with: "-"))'") }) {
                    defaults.remove(at: k)
                    continue
                }
                throw InputError(file: study.url.relativePath, line: a.line, message: "\(a.name): \(message)")
            }
        }
        var captured: (Summary, String)?
        SummaryCapture.handler = { captured = ($0, $1) }
        defer { SummaryCapture.handler = nil }
        do {
            try command.run()
        } catch {
            throw InputError(file: study.url.relativePath, line: a.line, message: "\(a.name) (\(a.command)): \(error)")
        }
        if a.command == "report" {
            let folder = staging.appendingPathComponent(a.name)
            outputs += try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { "\(a.name)/\($0)" }
        }
        if let (summary, name) = captured {
            try OutputFile.write(Array(summary.json(command: name).utf8), to: staging.appendingPathComponent(a.name + ".json"))
            try OutputFile.write(Array(summary.text().utf8), to: staging.appendingPathComponent(a.name + ".txt"))
            outputs += [a.name + ".json", a.name + ".txt"]
        }
        if let table {
            let url = URL(fileURLWithPath: table)
            tables[a.name] = url
            for format in study.tables where format != "geojson" {
                let converted = staging.appendingPathComponent("\(a.name).\(format)")
                try TableConversion.convert(url, to: converted, dialect: study.csvDialect == "fr" ? .french : .standard)
                outputs.append(converted.lastPathComponent)
            }
        }
        // The files read (a study folder by the files found in it, below; an areas folder is
        // expanded into its layer files by the provenance).
        for (key, value) in options where Self.pathOptions.contains(key) && key != "folder" {
            switch value {
            case .text(let t): inputs.append(URL(fileURLWithPath: resolve(key, t)))
            case .list(let items): inputs += items.map { URL(fileURLWithPath: resolve(key, $0)) }
            case .flag: break
            }
        }
        if Self.studyCommands.contains(a.command), let folder = options.first(where: { $0.key == "folder" }), case .text(let f) = folder.value,
           let sources = try? StudySources.discover(in: URL(fileURLWithPath: resolve("folder", f))) {
            inputs += sources.inputs
        }
        steps.append(Provenance.Step(name: a.name, command: a.command, arguments: args.map { $0.replacingOccurrences(of: staging.path + "/", with: "") }, outputs: outputs.sorted()))
    }
}
