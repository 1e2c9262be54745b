import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

/// How a command prints its summary: the same two formats for every command.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// How a command prints its summary (`--format`, `--quiet`) and shows its progress.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Print the summary as 'text' (for people) or 'json' (for scripts).")
    var format: SummaryFormat = .text

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    /// Shows each long step as a line on stderr when stderr is a terminal and the command is
    /// not quiet (so pipes, scripts and tests see only the summary).
    /// With `GEOHEALTH_TIMINGS=1` in the environment, every step is printed with the seconds
    /// since the command started, the CPU seconds of all threads so far and the peak resident
    /// memory so far, terminal or not (for profiling; docs/performance.md).
    func showProgress() {
        if !quiet { Progress.listenForWarnings { FileHandle.standardError.write(Data("\($0)\n".utf8)) } }
        if ProcessInfo.processInfo.environment["GEOHEALTH_TIMINGS"] == "1" {
            let start = ContinuousClock.now
            Progress.listen { step in
                let elapsed = start.duration(to: .now)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                let usage = ProcessUsage.current()
                let cpu = NumberFormatting.string(usage.cpuSeconds, precision: 2)
                let line = "[\(NumberFormatting.string(seconds, precision: 3)) s, cpu \(cpu) s, peak \(usage.peakResidentMegabytes) MB] \(step)\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
            return
        }
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return }
        Progress.listen { step in FileHandle.standardError.write(Data("… \(step)\n".utf8)) }
    }

    func print(_ summary: Summary, command: String) {
        Progress.report("summary")
        Progress.listen(nil)
        if let sink = SummarySink.current {
            sink.receive(summary, command: command)
            return
        }
        guard !quiet else { return }
        Swift.print(format == .json ? summary.json(command: command) : summary.text(), terminator: "")
    }
}

/// Grouping and the per-commune table, shared by the analysis commands.
struct CommuneTableOptions: ParsableArguments {
    @Option(help: "Group the figures by an attribute of the communes (e.g. DEP, REG, ZONE) or 'departement'.")
    var groupBy: String?

    @Option(help: "Write one row per commune (.csv, .geojson, .gpkg with its QGIS style, or .xlsx with the summary and a Méthode sheet).")
    var out: String?

    @OptionGroup var csv: CSVDialectOption
    @OptionGroup var publishing: PublishingOptions

    func validate() throws {
        try OutputExtension.check(out, "--out", OutputExtension.table)
    }

    /// The analysis's table and summary as the command writes and prints them: guarded with
    /// `--publish` (``PublishingOptions``), grouped by `--group-by`.
    func publish(_ table: CommuneTable, _ summary: Summary) -> (table: CommuneTable, summary: Summary) {
        publishing.apply(table, summary, groupBy: groupBy)
    }

    /// Writes the table when `--out` is given; the table is only built then. An `.xlsx` shows
    /// the `command`'s arguments and its `summary` beside the table (``TableContext``).
    func write(_ table: @autoclosure () -> CommuneTable, inputs: [URL], command: String, summary: @autoclosure () -> Summary) throws {
        guard let out else { return }
        var table = table()
        table.context = TableContext(command: command, arguments: TableCopies.arguments, summary: summary())
        try table.writeWithCopies(to: URL(fileURLWithPath: out), inputs: inputs, dialect: csv.dialect)
    }
}

/// `--csv-dialect`: how the command's CSV outputs are written (``CSVDialect``).
struct CSVDialectOption: ParsableArguments {
    enum Name: String, ExpressibleByArgument, CaseIterable { case standard, fr }

    @Option(help: """
        CSV outputs: 'standard' (comma, decimal point) or 'fr' (semicolon, decimal comma, UTF-8 with BOM: opens in French Excel).
        """)
    var csvDialect: Name = .standard

    var dialect: CSVDialect { csvDialect == .fr ? .french : .standard }
}
