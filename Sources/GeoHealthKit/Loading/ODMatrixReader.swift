import Foundation
import Accessibility
import GeoCore
import GeoIO

/// Reads an origin–destination matrix as planners receive it, the format found from the file
/// itself (`docs/formats.md`, "Origin–destination matrices"):
/// - **OSRM `table` JSON** (a `.json` file, or any file whose first character is `{`):
///   ``readOSRM(_:origins:destinations:tolerance:)``, rows and columns the study's communes and sites in the order of their ids;
/// - **Metric-OSRM CSV** (INSEE's `metric.osrm`: columns `idSrc` and `idDst`):
///   ``readMetricOSRM(table:)``, `duree` in minutes and `distance` in km;
/// - **any other CSV**: columns found by name, first match wins: origin (`origin`, `from`,
///   `origin_id`, `code`, `codgeo`), destination (`destination`, `to`, `destination_id`, `site`,
///   `site_id`), time (`minutes`, `duree`, `time_min`, or `seconds`/`duration` in seconds) and
///   distance (`km`, `distance_km`, or `metres`/`meters`/`distance` in metres). A row needs a
///   time or a distance; negative or non-numeric values are errors naming the line. A repeated
///   pair keeps its first row.
package enum ODMatrixReader {
    /// The places an id-less matrix's rows or columns stand for, in order: their ids and
    /// longitude/latitude positions.
    package struct Places: Sendable {
        package var ids: [String]
        package var lonLat: [Coordinate]

        package init(ids: [String], lonLat: [Coordinate]) {
            precondition(ids.count == lonLat.count)
            self.ids = ids
            self.lonLat = lonLat
        }

        /// The places in the order of their ids, compared as text (`"01001" < "2A004" < "97101"`;
        /// byte order for ASCII ids, what `sort` gives in a C locale): the order in which an
        /// id-less matrix lists communes and sites (``readOSRM(_:origins:destinations:tolerance:)``).
        package static func byID(_ ids: [String], _ lonLat: [Coordinate]) -> Places {
            let order = ids.indices.sorted { ids[$0] < ids[$1] }
            return Places(ids: order.map { ids[$0] }, lonLat: order.map { lonLat[$0] })
        }
    }

    /// The matrix of `url`, in whichever of the three formats it is; `origins` and
    /// `destinations` (the study's communes and sites, in order) are needed by OSRM JSON only.
    package static func read(_ url: URL, origins: Places? = nil, destinations: Places? = nil) throws -> MatrixModel {
        if try isJSON(url) {
            guard let origins, let destinations else {
                throw InputError(file: url.relativePath, message: "an OSRM table has no ids: its rows and columns need the study's communes and sites")
            }
            return try readOSRM(url, origins: origins, destinations: destinations)
        }
        return try read(table: CSVTable.read(contentsOf: url))
    }

    /// The matrix of a CSV table already read (its `file` names it in errors): Metric-OSRM
    /// when it has `idSrc` and `idDst`, the generic columns otherwise.
    package static func read(table: CSVTable) throws -> MatrixModel {
        MetricOSRMColumns(table) != nil ? try readMetricOSRM(table: table) : try readGeneric(table: table)
    }

    /// Whether the file is JSON: a `.json` extension, or ``startsLikeJSON(_:)``.
    static func isJSON(_ url: URL) throws -> Bool {
        try url.pathExtension.lowercased() == "json" || startsLikeJSON(InputFile.mapped(url))
    }

    /// Whether `{` is the first character after white space and a UTF-8 byte-order mark
    /// (a CSV header never starts so).
    package static func startsLikeJSON(_ data: Data) -> Bool {
        data.prefix(4096).drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first == UInt8(ascii: "{")
    }

    /// The matrix of a generic CSV table (columns found by name, see the type's comment).
    static func readGeneric(table: CSVTable) throws -> MatrixModel {
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
