import Foundation
import GeoCore

/// The answer of OSRM's `table` service (Project OSRM, HTTP API v1, "Table service"), read as
/// saved: `{"code":"Ok","durations":[[s…]…],"distances":[[m…]…],"sources":[{"location":[lon,lat],…}…],
/// "destinations":[…]}`. Durations are seconds, distances metres, `null` an unreachable pair;
/// row `i` is source `i`, column `j` destination `j`. The response carries no ids: the caller
/// maps indices to places (GeoHealthKit's `ODMatrixReader`).
///
/// Streamed with GeoIO's JSON scanner straight into flat arrays (8 bytes a cell, no tree), so a
/// national table of 35,000 communes × 100 sites reads in one pass; other members (`waypoints`,
/// `hint`, `name`, `fallback_speed_cells`) are skipped.
package struct OSRMTable: Sendable {
    /// Rows (sources) and columns (destinations).
    package var rowCount = 0, columnCount = 0
    /// Seconds, row-major (`row * columnCount + column`), NaN where OSRM says null; empty when the
    /// response has no `durations`.
    package var durations: [Double] = []
    /// Metres, as ``durations``; empty when the response has no `distances`.
    package var distances: [Double] = []
    /// The snapped `location` of each source, longitude/latitude; nil when the response has no `sources`.
    package var sources: [Coordinate]?
    /// The snapped `location` of each destination; nil when the response has no `destinations`.
    package var destinations: [Coordinate]?

    package static func read(contentsOf url: URL) throws -> OSRMTable {
        try read(data: try InputFile.mapped(url), file: url.relativePath)
    }

    /// Reads a response held in memory; `file` names it in messages.
    /// - Throws: ``InputError`` for malformed JSON (line, column), a `code` other than `Ok`
    ///   (with OSRM's `message`), rows of unequal length, a negative value, or `sources`/
    ///   `destinations` whose counts differ from the matrix's.
    package static func read(data: Data, file: String) throws -> OSRMTable {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress, raw.count > 0 else { throw InputError(file: file, message: "the file is empty") }
            var scanner = JSONScanner(bytes: base.assumingMemoryBound(to: UInt8.self), count: raw.count, file: file)
            var table = OSRMTable(), code: String?, message: String?
            var durationShape: (rows: Int, columns: Int)?, distanceShape: (rows: Int, columns: Int)?
            try scanner.beginObject("an OSRM table response")
            var first = true
            while let key = try scanner.nextKey(&first) {
                if scanner.equals(key, "code") {
                    code = try scanner.parseString("the code")
                } else if scanner.equals(key, "message") {
                    message = try scanner.parseString("the message")
                } else if scanner.equals(key, "durations") {
                    durationShape = try scanner.matrix("durations", into: &table.durations)
                } else if scanner.equals(key, "distances") {
                    distanceShape = try scanner.matrix("distances", into: &table.distances)
                } else if scanner.equals(key, "sources") {
                    table.sources = try scanner.waypoints("sources")
                } else if scanner.equals(key, "destinations") {
                    table.destinations = try scanner.waypoints("destinations")
                } else {
                    try scanner.skipValue()
                }
            }
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.error("unexpected text after the JSON value") }
            guard let code else { throw InputError(file: file, message: "no 'code' member: not an OSRM table response") }
            guard code == "Ok" else { throw InputError(file: file, message: "OSRM answered '\(code)': \(message ?? "no message")") }
            try table.setShape(durationShape, distanceShape, file: file)
            return table
        }
    }

    /// Checks that the matrices and waypoint lists agree, and records the shape.
    private mutating func setShape(_ d: (rows: Int, columns: Int)?, _ k: (rows: Int, columns: Int)?, file: String) throws {
        guard let shape = d ?? k else { throw InputError(file: file, message: "neither 'durations' nor 'distances': nothing to read") }
        if let d, let k, d != k {
            throw InputError(file: file, message: "'durations' is \(d.rows) × \(d.columns) but 'distances' is \(k.rows) × \(k.columns)")
        }
        if let sources, sources.count != shape.rows {
            throw InputError(file: file, message: "\(sources.count) sources for \(shape.rows) rows")
        }
        if let destinations, destinations.count != shape.columns {
            throw InputError(file: file, message: "\(destinations.count) destinations for \(shape.columns) columns")
        }
        (rowCount, columnCount) = shape
    }
}

extension JSONScanner {
    /// An array of equal-length rows of non-negative numbers or nulls (NaN), appended row-major.
    mutating func matrix(_ name: String, into values: inout [Double]) throws -> (rows: Int, columns: Int) {
        try beginArray("'\(name)': an array of rows")
        var rows = 0, columns: Int?
        var firstRow = true
        while try nextElement(&firstRow) {
            try beginArray("row \(rows) of '\(name)': an array")
            var n = 0, firstCell = true
            while try nextElement(&firstCell) {
                if skipNull() {
                    values.append(.nan)
                } else {
                    let start = pos
                    let v = try parseNumber("a number or null in row \(rows) of '\(name)'")
                    guard v >= 0 else { throw error("row \(rows), column \(n) of '\(name)': \(v) is negative", at: start) }
                    values.append(v)
                }
                n += 1
            }
            if let columns, columns != n { throw error("row \(rows) of '\(name)' has \(n) values, row 0 has \(columns)") }
            columns = n
            rows += 1
        }
        return (rows, columns ?? 0)
    }

    /// An array of OSRM waypoints, each an object whose `location` is `[lon, lat]`.
    mutating func waypoints(_ name: String) throws -> [Coordinate] {
        try beginArray("'\(name)': an array of waypoints")
        var points: [Coordinate] = []
        var firstPoint = true
        while try nextElement(&firstPoint) {
            try beginObject("waypoint \(points.count) of '\(name)'")
            var location: Coordinate?, firstKey = true
            while let key = try nextKey(&firstKey) {
                guard equals(key, "location") else { try skipValue(); continue }
                try beginArray("the location [lon, lat] of waypoint \(points.count) of '\(name)'")
                var xy: [Double] = [], firstNumber = true
                while try nextElement(&firstNumber) { xy.append(try parseNumber("a longitude or latitude")) }
                guard xy.count == 2 else { throw error("waypoint \(points.count) of '\(name)': a location needs [lon, lat], found \(xy.count) numbers") }
                location = Coordinate(x: xy[0], y: xy[1])
            }
            guard let location else { throw error("waypoint \(points.count) of '\(name)' has no location") }
            points.append(location)
        }
        return points
    }
}
