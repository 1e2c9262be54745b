import ArgumentParser
import Foundation
import GeoHealthKit
import GeoIO

/// The files a study run will write, known before any analysis runs, and the checks that
/// need them: no analysis may overwrite another's file or the run's `provenance.json`, and the
/// output folder may not hold an input (replacing the folder would delete it).
extension StudyRunner {
    /// Every file (and the report's folder) the analysis will write, relative to the run's
    /// folder.
    static func plannedFiles(_ a: StudyFile.Analysis, in study: StudyFile) -> [String] {
        guard let command = AnalysisCommand.named(a.command) else { return [a.name + ".json", a.name + ".txt"] }
        let tables = command.writesTable ? study.tables.filter { $0 != "geojson" }.map { "\(a.name).\($0)" } : []
        return outputs(of: a, command, in: study).map { a.name + $0.suffix } + tables + [a.name + ".json", a.name + ".txt"]
    }

    /// The output options the runner gives the analysis: its command's, and the per-square table
    /// (`NAME-squares.csv`) of a command that counts on a population grid when the analysis
    /// gives one (itself, the study's `inputs:` or `parameters:`).
    static func outputs(of a: StudyFile.Analysis, _ command: AnalysisCommand, in study: StudyFile) -> [(option: String, suffix: String)] {
        let keys = Set((a.options + study.inputs + study.parameters).map(\.key))
        guard command.keys.contains("grid_out"), keys.contains("population_grid") else { return command.outputs }
        return command.outputs + [("grid_out", "-squares.csv")]
    }

    /// Refuses, before anything is read or written, a run that would lose a file: an input of
    /// the study inside `target` (the run replaces the whole folder), or two analyses writing
    /// one file (`a` and `a-sites` both write `a-sites.csv`; an analysis named `provenance`
    /// would write the run's own record). Usage errors (exit 64) naming both.
    static func checkPlan(_ study: StudyFile, target: URL) throws {
        if let input = OutputFolder.input(declaredInputs(of: study), inside: target) {
            throw ValidationError("""
                --out \(target.relativePath) holds \(input.relativePath), an input of the study: \
                the run replaces the whole folder; choose another --out
                """)
        }
        var writer: [String: StudyFile.Analysis] = [:]
        for a in study.analyses {
            for file in plannedFiles(a, in: study) {
                if file == "provenance.json" {
                    throw ValidationError("""
                        \(study.url.relativePath): line \(a.line): analysis '\(a.name)' would write provenance.json, \
                        the run's own record: give it another name
                        """)
                }
                if let first = writer[file] {
                    throw ValidationError("""
                        \(study.url.relativePath): line \(a.line): analyses '\(first.name)' (line \(first.line)) and '\(a.name)' \
                        would both write \(file): give one another name
                        """)
                }
                writer[file] = a
            }
        }
    }

    /// The study file and every path its `inputs:`, `parameters:` and analyses name, resolved
    /// (a study folder by itself).
    static func declaredInputs(of study: StudyFile) -> [URL] {
        var urls = [study.url]
        for (key, value) in study.inputs + study.parameters + study.analyses.flatMap(\.options) where pathOptions.contains(key) {
            switch value {
            case .text(let path): urls.append(URL(fileURLWithPath: resolve(key, path, in: study)))
            case .list(let paths): urls += paths.map { URL(fileURLWithPath: resolve(key, $0, in: study)) }
            case .flag: break
            }
        }
        return urls
    }

    /// How many analyses read each set of study inputs (``StudySources/loadingKey``), from
    /// their command lines parsed ahead; an analysis whose command line does not parse is left
    /// out (it fails when its turn comes, before reading anything).
    func plannedLoads() -> [[String]: Int] {
        var uses: [[String]: Int] = [:]
        for a in study.analyses {
            guard let command = AnalysisCommand.named(a.command), command.readsStudy,
                  let line = try? commandOptions(a, command),
                  let parsed = try? parse(a, command, options: line.options, positional: line.positional).0 as? ReadsStudy,
                  let sources = try? parsed.inputs.sources() else { continue }
            uses[sources.loadingKey, default: 0] += 1
        }
        return uses
    }
}

/// A command that reads a study from the shared input options (``StudyOptions``).
protocol ReadsStudy {
    var inputs: StudyOptions { get }
}

extension StudyCommand: ReadsStudy {}
extension CoverageCommand: ReadsStudy {}
extension Distance: ReadsStudy {}
extension IsochronesCommand: ReadsStudy {}
extension AccessCommand: ReadsStudy {}
extension GapsCommand: ReadsStudy {}
extension SiteCommand: ReadsStudy {}
extension ReportCommand: ReadsStudy {}
