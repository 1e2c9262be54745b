import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

/// The one place where the library's parameters (``Parameter``, domain words) become the
/// command line's flags: a ``ParameterError`` (any ``ParameterNaming`` error) is printed with
/// the flags the user typed (`--minutes-above needs --site-kind`), and exits as a usage error
/// (64) or a data error (1) by its kind; an input file's error (`InputError`) that advises a
/// parameter (`give --sites-crs EPSG:n`) likewise. The warnings and summary notes a job writes
/// as it runs are spelled with the flags too (``useFlags()``). A study run shows the study
/// file's keys in its errors instead (its runner prints the library's own message).
package enum ParameterFlags {
    /// The flag of each parameter: `--` and the parameter's name (its study-file key) with `-`
    /// for `_` (`site_kind` is `--site-kind`), the spelling `StudyRunner.arguments` gives a
    /// study file's key. A new parameter's option must be spelled so (`CLITests`' `FlagTests`
    /// checks that every parameter's flag is an option of some command).
    package static func flag(_ parameter: Parameter) -> String {
        "--" + parameter.name.replacingOccurrences(of: "_", with: "-")
    }

    /// The error's message with flags.
    static func message(_ error: any ParameterNaming) -> String {
        error.message.rendered(flag)
    }

    /// An input file's error with flags (a data error, exit 1).
    static func commandLineError(_ error: InputError) -> any Error {
        FlaggedMessage(description: error.rendered(flag))
    }

    /// Spells parameters with the flags in the warnings and summary notes a job writes
    /// (``ParameterSpelling``): called once, before the command runs.
    static func useFlags() {
        ParameterSpelling.use { flag($0) }
    }

    /// Whether a usage error found by a command's `validate()` names parameters by the study
    /// file's keys (a study run's parse, ``StudyRunner``) rather than by flags.
    @TaskLocal static var validatesWithKeys = false

    /// Runs a library's pure check of parameters (`GapsAnalysis.Options.checkRules()`, …) from a
    /// command's `validate()`: its ``ParameterError`` becomes the parser's `ValidationError`
    /// (exit 64, with the usage line), said with flags (with the study file's keys in a study run).
    static func validate(_ check: () throws -> Void) throws {
        do { try check() } catch let error as ParameterError {
            throw ValidationError(validatesWithKeys ? error.description : message(error))
        }
    }

    /// The error as the parser reports it: a `ValidationError` (exit 64, with the usage line)
    /// for a usage error, a data error (exit 1) otherwise.
    static func commandLineError(_ error: any ParameterNaming) -> any Error {
        error.isUsageError ? ValidationError(message(error)) : FlaggedMessage(description: message(error))
    }

    /// A usage error found once the command runs (one the library finds only with the inputs
    /// read, e.g. a value they make meaningless; a `--site-kind` naming several kinds where the
    /// command is about one, known once the sites are read; the pure checks, such as gaps' rules,
    /// run in `validate()` through ``validate(_:)``), reported as the parser reports the
    /// command's own option errors (message, the command's usage line, where its help is), exit
    /// 64: it reads as it would from the command's `validate()`.
    static func exitWithUsageError(_ message: String, of command: ParsableCommand.Type) -> Never {
        let path = (command == GeoHealth.self ? [GeoHealth.self] : [GeoHealth.self, command]).map { $0._commandName }.joined(separator: " ")
        let text = "Error: \(message)\nUsage: \(GeoHealth.usageString(for: command))\n  See '\(path) --help' for more information.\n"
        FileHandle.standardError.write(Data(text.utf8))
        GeoHealth.exit(withError: ExitCode.validationFailure)
    }

    /// A data error's message, with flags (exit 1).
    struct FlaggedMessage: Error, CustomStringConvertible {
        var description: String
    }
}
