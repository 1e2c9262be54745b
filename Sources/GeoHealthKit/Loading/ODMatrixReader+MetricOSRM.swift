import Foundation
import Accessibility
import GeoIO

/// The columns of a Metric-OSRM table: what INSEE's R package `metric.osrm`
/// (`metricOsrmTable`, documentation of the package, "Calculer des temps de trajet et des
/// distances") returns and a planner saves as CSV: `ID`, `idSrc`, `lonSrc`, `latSrc`, `idDst`,
/// `lonDst`, `latDst`, `duree` (minutes), `distance` (km). Names are matched without case.
struct MetricOSRMColumns {
    var source: Int, destination: Int
    var minutes: Int?, kilometres: Int?

    /// The columns, or nil when the table is not a Metric-OSRM one (no `idSrc` and `idDst`).
    init?(_ table: CSVTable) {
        guard let s = table.firstColumn(among: ["idSrc"]), let d = table.firstColumn(among: ["idDst"]) else { return nil }
        source = s
        destination = d
        minutes = table.firstColumn(among: ["duree", "durée"])
        kilometres = table.firstColumn(among: ["distance"])
    }
}

extension ODMatrixReader {
    /// The matrix of a Metric-OSRM CSV (``MetricOSRMColumns``), read as it is: `,` or `;`
    /// separator, decimal point or (with `;`) comma, `NA` or an empty cell for a value R could
    /// not compute. A row whose time and distance are both missing is an unreachable pair (left
    /// out, as OSRM's null); a repeated pair keeps its first row.
    /// - Throws: ``InputError`` naming file, line and field for a negative or non-numeric value,
    ///   an empty id, or a table with neither `duree` nor `distance`.
    static func readMetricOSRM(table: CSVTable) throws -> MatrixModel {
        guard let columns = MetricOSRMColumns(table) else { preconditionFailure("read(_:) checks the columns") }
        guard columns.minutes != nil || columns.kilometres != nil else {
            throw InputError(
                file: table.file, message: "a Metric-OSRM table (idSrc, idDst) needs duree (minutes) or distance (km); the columns are: \(table.header.joined(separator: ", "))")
        }
        var pairs: [MatrixModel.Pair] = []
        var seen = Set<String>()
        for (r, row) in table.rows.enumerated() {
            let line = table.lineNumbers[r]
            func value(_ c: Int?) throws -> Double? {
                guard let c else { return nil }
                let cell = row[c].trimmingSpaces()
                if cell.isEmpty || cell == "NA" { return nil }
                guard let v = table.number(cell), v >= 0, v.isFinite else {
                    throw InputError(file: table.file, line: line, field: table.header[c], message: "'\(row[c])' is not a non-negative number")
                }
                return v
            }
            let origin = row[columns.source].trimmingSpaces(), destination = row[columns.destination].trimmingSpaces()
            for (id, c) in [(origin, columns.source), (destination, columns.destination)] where id.isEmpty {
                throw InputError(file: table.file, line: line, field: table.header[c], message: "empty id")
            }
            let minutes = try value(columns.minutes), km = try value(columns.kilometres)
            guard minutes != nil || km != nil else { continue }
            guard seen.insert(origin + "\u{0}" + destination).inserted else { continue }
            pairs.append(MatrixModel.Pair(origin: origin, destination: destination, minutes: minutes, kilometres: km))
        }
        return MatrixModel(pairs: pairs)
    }
}
