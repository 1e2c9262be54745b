import Foundation
import Accessibility
import GeoIO

/// Reads an origin–destination matrix CSV (OSRM `table` exports, r5, the INSEE distancier):
/// columns found by name, first match wins: origin (`origin`, `from`, `origin_id`, `code`,
/// `codgeo`), destination (`destination`, `to`, `destination_id`, `site`, `site_id`), time
/// (`minutes`, `duree`, `time_min`, or `seconds`/`duration` in seconds) and distance (`km`,
/// `distance_km`, or `metres`/`meters`/`distance` in metres). A row needs a time or a distance;
/// negative or non-numeric values are errors naming the line. A repeated pair keeps its first row.
package enum ODMatrixReader {
    package static func read(_ url: URL) throws -> MatrixModel {
        try read(table: CSVTable.read(contentsOf: url))
    }

    /// The matrix of a table already read (its `file` names it in errors).
    package static func read(table: CSVTable) throws -> MatrixModel {
        func need(_ names: [String], _ what: String) throws -> Int {
            guard let c = table.firstColumn(among: names) else {
                throw InputError(
                    file: table.file,
                    message: "no \(what) column (one of \(names.joined(separator: ", "))); the columns are: \(table.header.joined(separator: ", "))")
            }
            return c
        }
        let o = try need(["origin", "from", "origin_id", "code", "codgeo"], "origin")
        let d = try need(["destination", "to", "destination_id", "site", "site_id"], "destination")
        let minutes = table.firstColumn(among: ["minutes", "duree", "time_min"])
        let seconds = minutes == nil ? table.firstColumn(among: ["seconds", "duration"]) : nil
        let km = table.firstColumn(among: ["km", "distance_km"])
        let metres = km == nil ? table.firstColumn(among: ["metres", "meters", "distance"]) : nil
        guard minutes != nil || seconds != nil || km != nil || metres != nil else {
            throw InputError(
                file: table.file,
                message: "no time (minutes, seconds) or distance (km, metres) column; the columns are: \(table.header.joined(separator: ", "))")
        }
        var pairs: [MatrixModel.Pair] = []
        var seen = Set<String>()
        for (r, row) in table.rows.enumerated() {
            func value(_ c: Int?, scale: Double) throws -> Double? {
                guard let c, !row[c].isEmpty else { return nil }
                guard let v = Double(row[c].replacingOccurrences(of: ",", with: ".")), v >= 0, v.isFinite else {
                    throw InputError(file: table.file, line: table.lineNumbers[r], field: table.header[c], message: "'\(row[c])' is not a non-negative number")
                }
                return v * scale
            }
            let t = try value(minutes, scale: 1) ?? value(seconds, scale: 1.0 / 60)
            let k = try value(km, scale: 1) ?? value(metres, scale: 0.001)
            guard t != nil || k != nil else {
                throw InputError(file: table.file, line: table.lineNumbers[r], message: "the pair \(row[o]) → \(row[d]) has neither time nor distance")
            }
            guard seen.insert(row[o] + "\u{0}" + row[d]).inserted else { continue }
            pairs.append(MatrixModel.Pair(origin: row[o], destination: row[d], minutes: t, kilometres: k))
        }
        return MatrixModel(pairs: pairs)
    }
}
