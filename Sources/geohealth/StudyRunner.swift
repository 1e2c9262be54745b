import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

/// Turns each analysis of a study file into the command line of its command and runs it in
/// this process, its summary captured into NAME.json / NAME.txt. Which files each analysis
/// writes is planned before any runs (`StudyRunner+Plan.swift`).
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
                                           "kind_map", "population_grid", "age_weights", "bands", "candidates", "hatched"]
    /// Options given once per value (the others take a list as one comma-separated value).
    static let repeatedOptions: Set<String> = ["areas", "sites", "site_where", "add", "remove"]
    /// Commands that read a study (and take the `inputs:` of the file).
    static let studyCommands: Set<String> = ["study", "coverage", "distance", "access", "gaps", "site", "report"]
    /// Options the runner sets itself.
    static let reserved: Set<String> = ["out", "format", "quiet", "sites_out", "communes_out", "white_zones_out", "csv", "chart_out", "lorenz_out", "csv_dialect"]

    mutating func runAll() throws {
        for analysis in study.analyses {
            Progress.report("\(analysis.name)…")
            try run(analysis)
            TestHook.step("analysis \(analysis.name)")
        }
    }

    /// A path option's value relative to the study file.
    static func resolve(_ key: String, _ value: String, in study: StudyFile) -> String {
        guard pathOptions.contains(key), !value.hasPrefix("/") else { return value }
        let base = study.folder.relativePath
        return base == "." || base.isEmpty ? value : (value == "." ? base : base + "/" + value)
    }

    func resolve(_ key: String, _ value: String) -> String { Self.resolve(key, value, in: study) }

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
        let (options, positional) = try commandOptions(a)
        let (command, args) = try parse(a, options: options, positional: positional)
        let captured = try execute(command, a)
        var outputs = a.command == "report" ? [] : Self.outputOptions(a.command).map { a.name + $0.suffix }
        if a.command == "report" {
            let folder = staging.appendingPathComponent(a.name)
            outputs += try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { "\(a.name)/\($0)" }
        }
        if let (full, name) = captured {
            let summary = Summary(full.root.map { ($0.key, relative($0.value)) })
            try OutputFile.write(Array(summary.json(command: name).utf8), to: staging.appendingPathComponent(a.name + ".json"))
            try OutputFile.write(Array(summary.text().utf8), to: staging.appendingPathComponent(a.name + ".txt"))
            outputs += [a.name + ".json", a.name + ".txt"]
        }
        if Self.writesTable(a.command) {
            let url = staging.appendingPathComponent(a.name + ".geojson")
            tables[a.name] = url
            for format in study.tables where format != "geojson" {
                let converted = staging.appendingPathComponent("\(a.name).\(format)")
                try TableConversion.convert(url, to: converted, dialect: study.csvDialect == "fr" ? .french : .standard)
                outputs.append(converted.lastPathComponent)
            }
        }
        recordInputs(a.command, options: options)
        steps.append(Provenance.Step(name: a.name, command: a.command, arguments: args.map(relative), outputs: outputs.sorted()))
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

    /// The options of the analysis's command line: the file's `inputs:` for a command reading a
    /// study, its own options, the table it reads, its outputs in the folder being built, the
    /// study's language, source and CSV dialect; and its positional arguments.
    func commandOptions(_ a: StudyFile.Analysis) throws -> (options: [(key: String, value: StudyFile.Value)], positional: [String]) {
        var options = a.options
        let given = Set(options.map(\.key))
        for key in given.union(study.inputs.map(\.key)) where Self.reserved.contains(key) {
            throw InputError(file: study.url.relativePath, line: a.line, message: "\(a.name): \(key): the study run chooses the output files and formats itself (tables:, csv_dialect:); leave it out")
        }
        var positional: [String] = []
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
        for (option, suffix) in Self.outputOptions(a.command) { options.append((option, .text(staging.appendingPathComponent(a.name + suffix).path))) }
        if a.command == "report" {
            if let title = study.title, !given.contains("title") { options.append(("title", .text(title))) }
            if let source = study.source, !given.contains("source") { options.append(("source", .text(source))) }
            if let lang = study.language, !given.contains("lang") { options.append(("lang", .text(lang))) }
        }
        if ["map", "chart", "site"].contains(a.command), let lang = study.language, !given.contains("lang") { options.append(("lang", .text(lang))) }
        if a.command == "map", let source = study.source, !given.contains("source") { options.append(("source", .text(source))) }
        if ["coverage", "distance", "access", "gaps", "inequality"].contains(a.command) { options.append(("csv_dialect", .text(study.csvDialect))) }
        return (options, positional)
    }

    /// Parses the analysis's command line, with the defaults of the file's `parameters:` that
    /// its command takes (one it does not take is left out).
    func parse(_ a: StudyFile.Analysis, options: [(key: String, value: StudyFile.Value)], positional: [String]) throws -> (ParsableCommand, [String]) {
        let given = Set(a.options.map(\.key))
        var defaults = study.parameters.filter { !given.contains($0.key) && !Self.reserved.contains($0.key) }
        while true {
            let args = [a.command] + positional + (try arguments(options + defaults))
            do {
                return (try GeoHealth.parseAsRoot(args), args)
            } catch {
                let message = GeoHealth.message(for: error)
                if let k = defaults.firstIndex(where: { message.contains("'--\($0.key.replacingOccurrences(of: "_", with: "-"))'") }) {
                    defaults.remove(at: k)
                    continue
                }
                throw InputError(file: study.url.relativePath, line: a.line, message: "\(a.name): \(message)")
            }
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
            throw InputError(file: study.url.relativePath, line: a.line, message: "\(a.name) (\(a.command)): \(relative(String(describing: error)))")
        }
    }

    /// Records the files the analysis read (a study folder by the files found in it; an areas
    /// folder is expanded into its layer files by the provenance).
    mutating func recordInputs(_ command: String, options: [(key: String, value: StudyFile.Value)]) {
        for (key, value) in options where Self.pathOptions.contains(key) && key != "folder" {
            switch value {
            case .text(let t): inputs.append(URL(fileURLWithPath: resolve(key, t)))
            case .list(let items): inputs += items.map { URL(fileURLWithPath: resolve(key, $0)) }
            case .flag: break
            }
        }
        if Self.studyCommands.contains(command), let folder = options.first(where: { $0.key == "folder" }), case .text(let f) = folder.value,
           let sources = try? StudySources.discover(in: URL(fileURLWithPath: resolve("folder", f))) {
            inputs += sources.inputs
        }
    }
}
