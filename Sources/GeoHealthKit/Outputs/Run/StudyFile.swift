import Foundation
import GeoIO
import Yams

/// A study file (`geohealth run study.yaml`): the inputs, title, source line, language,
/// parameters and analyses of a whole study, to be re-run as one. docs/study-file.md
/// describes it; `geodata/study.yaml` is the sample's.
///
/// ```yaml
/// title: Accès aux soins primaires — département d'exemple
/// source: Données synthétiques GeoHealth
/// inputs: {folder: .}               # paths are relative to this file
/// parameters: {max_minutes: 60}     # defaults for every analysis that takes them
/// tables: [geojson, csv, gpkg, xlsx]  # formats of the per-commune tables
/// analyses:
///   - distance: {site_kind: msp, thresholds: [15, 30]}
///   - access: {name: apl, method: apl, sites: generalistes.csv}
///   - map: {table: distance, field: msp_minutes}
/// ```
///
/// Every analysis is a command of the CLI with its options written in snake_case (a list
/// is one comma-separated value, or the option repeated for the options that repeat; `true`
/// is a flag); `name` names its outputs, `table` points `inequality`, `map` and `chart` at an
/// earlier analysis's table.
package struct StudyFile: Sendable {
    package enum Value: Sendable, Equatable {
        case text(String)
        case flag(Bool)
        case list([String])
    }

    package struct Analysis: Sendable {
        package var command: String
        package var name: String
        package var options: [(key: String, value: Value)]
        /// The line of the study file it is on.
        package var line: Int
    }

    package static let commands = ["study", "coverage", "distance", "isochrones", "access", "inequality", "gaps", "site", "zoning", "map", "chart", "report"]
    static let tableFormats = ["geojson", "csv", "gpkg", "xlsx"]

    package var url: URL
    package var title: String?
    package var source: String?
    package var language: String?
    package var inputs: [(key: String, value: Value)] = []
    package var parameters: [(key: String, value: Value)] = []
    package var tables = ["geojson", "csv"]
    package var csvDialect = "standard"
    package var analyses: [Analysis] = []

    /// The folder the file's relative paths are relative to.
    package var folder: URL { url.deletingLastPathComponent() }

    package static func read(_ url: URL) throws -> StudyFile {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw InputError(file: url.relativePath, message: "cannot read the study file (UTF-8 YAML): \(error.localizedDescription)")
        }
        return try parse(text, url: url)
    }

    package static func parse(_ text: String, url: URL) throws -> StudyFile {
        let file = url.relativePath
        func fail(_ node: Node?, _ message: String) -> InputError {
            InputError(file: file, line: node?.mark.map { $0.line } ?? nil, message: message)
        }
        try checkNesting(text, file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw InputError(file: file, message: "the study file is empty") }
            root = node
        } catch let error as YamlError {
            throw InputError(file: file, message: "not valid YAML: \(error)")
        }
        guard let top = root.mapping else { throw fail(root, "a study file is a mapping (title:, inputs:, analyses:, …)") }
        var study = StudyFile(url: url)
        let known = ["title", "source", "language", "inputs", "parameters", "tables", "csv_dialect", "analyses"]
        for (keyNode, value) in top {
            guard let key = keyNode.string else { throw fail(keyNode, "keys are words") }
            switch key {
            case "title": study.title = try scalar(value, key, fail)
            case "source": study.source = try scalar(value, key, fail)
            case "language":
                study.language = try scalar(value, key, fail)
                guard ["fr", "en"].contains(study.language!) else { throw fail(value, "language: fr or en") }
            case "inputs": study.inputs = try options(value, "inputs", fail)
            case "parameters": study.parameters = try options(value, "parameters", fail)
            case "csv_dialect":
                study.csvDialect = try scalar(value, key, fail)
                guard ["standard", "fr"].contains(study.csvDialect) else { throw fail(value, "csv_dialect: standard or fr") }
            case "tables":
                guard case .list(let formats) = try optionValue(value, key, fail) else { throw fail(value, "tables: a list of formats") }
                for f in formats where !tableFormats.contains(f) { throw fail(value, "tables: '\(f)' is not one of \(tableFormats.joined(separator: ", "))") }
                study.tables = formats
            case "analyses": study.analyses += try analyses(value, fail)
            default:
                throw fail(keyNode, "unknown key '\(key)'; a study file has \(known.joined(separator: ", "))")
            }
        }
        if study.analyses.isEmpty { throw InputError(file: file, message: "no analyses: list them under analyses:") }
        return study
    }

    /// The analyses listed under `analyses:`, each named (its command, then `command-2`, …,
    /// unless it names itself), no two of one name.
    static func analyses(_ value: Node, _ fail: (Node?, String) -> InputError) throws -> [Analysis] {
        guard let items = value.sequence else { throw fail(value, "analyses: a list (- distance: {…})") }
        var names = Set<String>()
        return try items.map { item in try analysis(item, names: &names, fail) }
    }

    /// One analysis: a command name, or one command with its options.
    static func analysis(_ item: Node, names: inout Set<String>, _ fail: (Node?, String) -> InputError) throws -> Analysis {
        var command: String, body: Node?
        if let s = item.scalar?.string { command = s; body = nil }
        else if let m = item.mapping, m.count == 1, let c = m.first!.key.string { command = c; body = m.first!.value }
        else { throw fail(item, "an analysis is a command name, or one command with its options (- access: {method: apl})") }
        guard commands.contains(command) else {
            throw fail(item, "'\(command)' is not an analysis; the analyses are \(commands.joined(separator: ", "))")
        }
        var opts: [(key: String, value: Value)] = []
        if let body, body.null == nil {
            guard body.mapping != nil else { throw fail(body, "\(command): options are a mapping ({key: value})") }
            opts = try options(body, command, fail)
        }
        var name = command
        if let k = opts.firstIndex(where: { $0.key == "name" }) {
            guard case .text(let n) = opts[k].value, n.range(of: "^[A-Za-z0-9_-]+$", options: .regularExpression) != nil else {
                throw fail(item, "\(command): name is a word (letters, digits, - and _), used for the file names")
            }
            name = n
            opts.remove(at: k)
        } else {
            var k = 2
            while names.contains(name) { name = "\(command)-\(k)"; k += 1 }
        }
        guard names.insert(name).inserted else { throw fail(item, "two analyses are named '\(name)'; give one a different name:") }
        return Analysis(command: command, name: name, options: opts, line: (item.mark?.line ?? 0))
    }

    static func scalar(_ node: Node, _ key: String, _ fail: (Node?, String) -> InputError) throws -> String {
        guard let s = node.scalar?.string else { throw fail(node, "\(key): a single value") }
        return s
    }

    static func options(_ node: Node, _ context: String, _ fail: (Node?, String) -> InputError) throws -> [(key: String, value: Value)] {
        guard let mapping = node.mapping else { throw fail(node, "\(context): a mapping of options ({key: value})") }
        return try mapping.map { k, v in
            guard let key = k.string, key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
                throw fail(k, "\(context): option names are snake_case words (site_kind, max_minutes)")
            }
            return (key, try optionValue(v, "\(context).\(key)", fail))
        }
    }

    static func optionValue(_ node: Node, _ context: String, _ fail: (Node?, String) -> InputError) throws -> Value {
        if let items = node.sequence {
            return .list(try items.map { item in
                guard let s = item.scalar?.string else { throw fail(item, "\(context): a list of single values") }
                return s
            })
        }
        guard let scalar = node.scalar else { throw fail(node, "\(context): a value or a list of values") }
        if scalar.style == .plain, let b = node.bool, ["true", "false", "yes", "no"].contains(scalar.string.lowercased()) { return .flag(b) }
        return .text(scalar.string)
    }
}
