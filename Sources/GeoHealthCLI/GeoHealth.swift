import ArgumentParser
import GeoHealthKit
import GeoIO

/// The `geohealth` command: one subcommand per job (each one's `--help` shows its options and an
/// example; docs/architecture.md says where a new one goes). The executable target only calls
/// ``main()``: the commands live here, in a library the tests import.
package struct GeoHealth: ParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "geohealth",
        abstract: "Access to primary care: coverage, travel, accessibility, inequality and gaps.",
        discussion: """
            Exit status: 0 success, 1 data or library error (the message names the file, the feature or line, and the field), 64 usage error.

            Start with the sample département shipped in geodata/:
              geohealth study geodata
              geohealth info geodata/communes.geojson
            """,
        version: GeoHealthVersion.string,
        subcommands: [RunCommand.self, StudyCommand.self, Info.self, Synth.self, SynthRoads.self, SynthGrid.self, Distance.self, IsochronesCommand.self, CoverageCommand.self, AccessCommand.self, InequalityCommand.self, GapsCommand.self, SiteCommand.self, ZoningCommand.self, MapCommand.self, ChartCommand.self, ReportCommand.self])

    /// Parses, refuses output paths that cannot be written safely (``WritesFiles``: before
    /// anything is read), checks the memory limit against the job's estimated need
    /// (``MemoryCheck``: before any worker thread exists), runs; every error exits through the
    /// parser's `exit(withError:)` (1 for data and library errors, 64 for usage errors). A
    /// library error naming parameters (``ParameterError``, any ``ParameterNaming``) is printed
    /// with the flags (``ParameterFlags``) and exits 64 when it is a usage error (parameters
    /// incomplete, with the command's usage line as the parser gives it; or one the inputs make
    /// meaningless), 1 otherwise; an input file's error advising a parameter is printed with its
    /// flag too, and the warnings and summary notes spell parameters as flags
    /// (``ParameterFlags/useFlags()``). A usage error the command finds while it runs (a
    /// `ValidationError`, e.g. `site --site-kind msp,hospital`) shows the command's usage line
    /// too. Commands return only once their worker threads have ended, so exit handlers never
    /// race them.
    package static func main() {
        var parsed: ParsableCommand.Type?
        ParameterFlags.useFlags()
        do {
            var command = try parseAsRoot()
            parsed = type(of: command)
            try (command as? WritesFiles)?.checkOutputPaths()
            try MemoryCheck.refuseIfShort(CommandLine.arguments)
            try command.run()
        } catch let error as ParameterError where error.kind == .incomplete && parsed != nil {
            ParameterFlags.exitWithUsageError(ParameterFlags.message(error), of: parsed!)
        } catch let error as any ParameterNaming {
            exit(withError: ParameterFlags.commandLineError(error))
        } catch let error as ValidationError where parsed != nil {
            ParameterFlags.exitWithUsageError(error.message, of: parsed!)
        } catch let error as InputError {
            exit(withError: ParameterFlags.commandLineError(error))
        } catch {
            exit(withError: error)
        }
    }
}

enum GeoHealthVersion {
    static let string = GeoHealthKitInfo.version
}
