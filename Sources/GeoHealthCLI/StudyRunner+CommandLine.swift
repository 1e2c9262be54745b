import ArgumentParser
import Foundation
import GeoHealthKit

/// The command line of an analysis of a study file: its options, the study's `inputs:` and
/// `parameters:` it takes, the table it reads, its outputs in the folder being built, and the
/// study-wide values (title, source, language, CSV dialect); parsed by the CLI's own parser.
extension StudyRunner {
    typealias Options = [(key: String, value: StudyFile.Value)]

    /// A path option's value relative to the study file.
    static func resolve(_ key: String, _ value: String, in study: StudyFile) -> String {
        guard pathOptions.contains(key), !value.hasPrefix("/") else { return value }
        let base = study.folder.relativePath
        return base == "." || base.isEmpty ? value : (value == "." ? base : base + "/" + value)
    }

    func resolve(_ key: String, _ value: String) -> String { Self.resolve(key, value, in: study) }

    /// The words of the command line for `options` (a `folder` first, as the positional
    /// argument; keys in snake_case become `--kebab-case` options).
    func arguments(_ options: Options) throws -> [String] {
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

    /// The options of the analysis's command line and its positional arguments.
    func commandOptions(_ a: StudyFile.Analysis, _ command: AnalysisCommand) throws -> (options: Options, positional: [String]) {
        let given = Set(a.options.map(\.key))
        for key in given.union(study.inputs.map(\.key)) where Self.reserved.contains(key) {
            throw failure(a, "\(a.name): \(key): the study run chooses the output files and formats itself (tables:, csv_dialect:); leave it out")
        }
        var options = a.options
        var positional: [String] = []
        if command.readsStudy { options = study.inputs.filter { !given.contains($0.key) } + options }
        if command.readsTable { positional.append(try takeTable(from: &options, of: a)) }
        if command.takesKindArgument { positional.insert(try takeChartKind(from: &options, of: a), at: 0) }
        for (option, suffix) in Self.outputs(of: a, command, in: study) {
            options.append((option, .text(staging.appendingPathComponent(a.name + suffix).path)))
        }
        options += studyValues(command, given: given)
        return (options, positional)
    }

    /// Removes `table: NAME` from the options; the path of that earlier analysis's table.
    func takeTable(from options: inout Options, of a: StudyFile.Analysis) throws -> String {
        guard let k = options.firstIndex(where: { $0.key == "table" }), case .text(let name) = options[k].value else {
            throw failure(a, "\(a.name): say which table to read with table: NAME (an earlier analysis)")
        }
        options.remove(at: k)
        guard let url = tables[name] else {
            let known = tables.keys.sorted().joined(separator: ", ")
            throw failure(a, "\(a.name): no earlier analysis named '\(name)' wrote a table (those that did: \(known))")
        }
        return url.path
    }

    /// Removes `kind: K` from a chart's options; the kind.
    func takeChartKind(from options: inout Options, of a: StudyFile.Analysis) throws -> String {
        guard let k = options.firstIndex(where: { $0.key == "kind" }), case .text(let kind) = options[k].value else {
            throw failure(a, "\(a.name): a chart needs kind: lorenz, histogram or beyond")
        }
        options.remove(at: k)
        return kind
    }

    /// The study-wide values the command takes and the analysis does not set itself.
    func studyValues(_ command: AnalysisCommand, given: Set<String>) -> Options {
        command.studyValues.compactMap { value -> (key: String, value: StudyFile.Value)? in
            switch value {
            case .title: study.title.flatMap { given.contains("title") ? nil : ("title", .text($0)) }
            case .source: study.source.flatMap { given.contains("source") ? nil : ("source", .text($0)) }
            case .language: study.language.flatMap { given.contains("lang") ? nil : ("lang", .text($0)) }
            case .csvDialect: ("csv_dialect", .text(study.csvDialect))
            }
        }
    }

    /// Parses the analysis's command line, with the defaults of the file's `parameters:` that
    /// its command takes (``AnalysisCommand/keys``; the others are left out).
    func parse(_ a: StudyFile.Analysis, _ command: AnalysisCommand, options: Options, positional: [String]) throws -> (ParsableCommand, [String]) {
        let given = Set(a.options.map(\.key))
        let defaults = study.parameters.filter { !given.contains($0.key) && !Self.reserved.contains($0.key) && command.keys.contains($0.key) }
        let args = [a.command] + positional + (try arguments(options + defaults))
        do {
            return (try ParameterFlags.$validatesWithKeys.withValue(true) { try GeoHealth.parseAsRoot(args) }, args)
        } catch {
            throw failure(a, "\(a.name): \(GeoHealth.message(for: error))")
        }
    }
}
