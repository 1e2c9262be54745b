import Foundation
import GeoCore
import GeoIO

/// Per-square results of a grid study (`--grid-out FILE.csv`): one row per populated square,
/// raster-like — the square's id (INSEE's, or the file's), its CRS, its lower-left corner and
/// side in that CRS, its residents, then the analysis's columns (a missing value, NaN, is an
/// empty cell). The id, CRS and corner let QGIS ("Delimited text", x/y in the given CRS) or
/// pandas place every square without a polygon; the file is written as it goes (2.3 million
/// rows in about 150 MB), atomically.
package struct GridValues: Sendable {
    package var grid: GridPopulation
    /// The analysis's columns, after `population`.
    package var columns: [String]
    /// Per column, per cell.
    package var values: [[Double]]
    /// Decimals of each column.
    package var precision: [Int]
    /// Columns of true/false after the numbers (the reason a number is missing, e.g.
    /// `hospital_unreachable`), per cell.
    package var flags: [(name: String, values: [Bool])] = []

    package init(grid: GridPopulation, columns: [String], values: [[Double]], precision: [Int], flags: [(name: String, values: [Bool])] = []) {
        self.grid = grid
        self.columns = columns
        self.values = values
        self.precision = precision
        self.flags = flags
    }

    /// The file's columns.
    package var header: [String] { ["id", "crs", "x", "y", "size_m", "population"] + columns + flags.map(\.name) }

    /// Appends a whole number's digits (the INSEE ids' integers).
    static func appendInteger(_ value: Double, to out: inout [UInt8]) {
        NumberFormatting.append(value.rounded(), precision: 0, to: &out)
    }

    /// Writes the CSV atomically (never over one of `inputs`).
    package func write(to url: URL, inputs: [URL], dialect: CSVDialect = .standard) throws {
        guard grid.isSquares else {
            throw ParameterError(.contradicted, "\(url.relativePath): per-square output needs square cells (INSEE ids, x/y corners or points), not polygons")
        }
        let file = try OutputFile(url, inputs: inputs)
        var line: [UInt8] = dialect.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        line += Array(header.joined(separator: String(dialect.separator)).utf8) + Array(dialect.lineEnd.utf8)
        try file.write(line)
        // Rows formatted in chunks on all cores, written in order, a few chunks at a time.
        let chunks = stride(from: 0, to: grid.cellCount, by: Self.chunkRows).map { $0..<min($0 + Self.chunkRows, grid.cellCount) }
        for wave in stride(from: 0, to: chunks.count, by: 8) {
            let parts = chunks[wave..<min(wave + 8, chunks.count)].map { $0 }.concurrentMap { self.rows($0, dialect: dialect) }
            for part in parts { try file.write(try part.get()) }
        }
        try file.commit()
    }

    /// Rows per chunk formatted by one worker.
    static let chunkRows = 65_536

    /// The text of the rows `range`.
    func rows(_ range: Range<Int>, dialect: CSVDialect) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count * 96)
        let separator = Array(String(dialect.separator).utf8), comma = dialect.decimalComma
        let lineEnd = Array(dialect.lineEnd.utf8)
        let trueText = Array("true".utf8), falseText = Array("false".utf8)
        func number(_ v: Double, _ p: Int) {
            guard v.isFinite else { return }
            let start = out.count
            NumberFormatting.append(v, precision: p, to: &out)
            if comma { for i in start..<out.count where out[i] == UInt8(ascii: ".") { out[i] = UInt8(ascii: ",") } }
        }
        let crsText = grid.crsList.map { Array("EPSG:\($0.epsg)".utf8) }
        let inseePrefix = grid.crsList.map { Array("CRS\($0.epsg)RES".utf8) }
        let insee: Bool
        if case .insee = grid.ids { insee = true } else { insee = false }
        for k in range {
            let c = Int(grid.crsIndex[k])
            if insee {
                // CRS<epsg>RES<side>mN<northing>E<easting>, without a String per row.
                out += inseePrefix[c]
                Self.appendInteger(grid.side[k], to: &out)
                out.append(UInt8(ascii: "m"))
                out.append(UInt8(ascii: "N"))
                Self.appendInteger(grid.cornerY[k], to: &out)
                out.append(UInt8(ascii: "E"))
                Self.appendInteger(grid.cornerX[k], to: &out)
            } else {
                // The file's own ids are quoted as RFC 4180 says when they hold a separator, a quote or a line end.
                out += Array(CSVWriter.field(grid.id(k), dialect: dialect).utf8)
            }
            out += separator
            out += crsText[c]
            out += separator
            number(grid.cornerX[k], 2)
            out += separator
            number(grid.cornerY[k], 2)
            out += separator
            number(grid.side[k], 2)
            out += separator
            number(grid.counts[k], 2)
            for c in columns.indices {
                out += separator
                number(values[c][k], precision[c])
            }
            for f in flags {
                out += separator
                out += f.values[k] ? trueText : falseText
            }
            out += lineEnd
        }
        return out
    }
}
