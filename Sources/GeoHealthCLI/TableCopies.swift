import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

/// The other formats of an analysis's per-commune table inside `geohealth run` (the study
/// file's `tables:`): the runner names the table `NAME.geojson` and binds the copies it wants
/// (`NAME.csv`, `NAME.gpkg`) for the analysis it runs; the command writes the table it holds
/// in memory into each, exactly as its own `--out` would, so the run and the command line
/// write the same bytes and no table is read back to be converted.
struct TableCopies: Sendable {
    /// The copies of the analysis being run by `geohealth run`; nil when a command runs alone.
    @TaskLocal static var current: TableCopies?

    /// The table's file the runner chose (`NAME.geojson`).
    var primary: URL
    /// The other files of the table, in the study's order of `tables:`.
    var copies: [URL]
    /// The CSV dialect of the study (`csv_dialect:`).
    var dialect: CSVDialect
    /// The arguments the runner gave the command (its paths relative to the run's folder),
    /// shown in an `.xlsx` table's "Méthode" sheet.
    var arguments: [String] = []

    /// The arguments of the command being run, after its name: the runner's inside
    /// `geohealth run`, else the process's own.
    static var arguments: [String] { current?.arguments ?? Array(CommandLine.arguments.dropFirst(2)) }

    /// The copies to write beside `url`: those of ``current`` when `url` is its primary file.
    static func of(_ url: URL) -> TableCopies? {
        guard let current, current.primary.standardizedFileURL.path == url.standardizedFileURL.path else { return nil }
        return current
    }
}

extension TableCopies {
    /// Writes `table` into the copies the run wants of `url` (``of(_:)``), each in its format;
    /// nothing (and the table is not built) when the command runs alone.
    static func write(_ table: () -> CommuneTable, besides url: URL, inputs: [URL]) throws {
        guard let copies = of(url) else { return }
        let table = table()
        for copy in copies.copies { try table.write(to: copy, inputs: inputs, dialect: copies.dialect) }
    }
}

extension CommuneTable {
    /// Writes the table to `url`, then to the copies the run wants of that file (``TableCopies``).
    func writeWithCopies(to url: URL, inputs: [URL], dialect: CSVDialect) throws {
        try write(to: url, inputs: inputs, dialect: dialect)
        try TableCopies.write({ self }, besides: url, inputs: inputs)
    }
}
