import Foundation
import GeoCore
import GeoIO

/// Reads a population grid CSV record by record (``GeoIO/CSVRecords``): an INSEE cell id
/// (`CRS3035RES200mN2029800E4252200`) or x/y corners, and a count; the rules are
/// ``GridPopulation``'s. Nothing per row is kept but the corner, the side, the CRS and the count.
enum GridCSV {
    /// Corners and sides beyond this many metres are refused (no CRS reaches them).
    static let coordinateLimit = 1e9
    /// Squares smaller than a metre are refused (`--grid-size`'s bound too): they would make
    /// billions of cells of a commune.
    static let smallestSide = 1.0

    static func read(_ url: URL, crs: CRS, cellSize: Double) throws -> GridPopulation {
        let file = url.relativePath
        var grid = GridPopulation(file: file, counts: [], ids: .insee, crs: crs, cellSize: cellSize)
        var columns: (count: Int, id: Int?, x: Int?, y: Int?, names: [String]) = (0, nil, nil, nil, [])
        var givenIDs: [String] = []
        var slot: [CRS: UInt8] = [:]
        try CSVRecords.scan(contentsOf: url, header: { names, _ in
            let table = CSVTable(file: file, header: names, rows: [])
            guard let count = table.firstColumn(among: GridPopulation.countNames) else {
                throw InputError(
                    file: file,
                    message: "no count column (one of \(GridPopulation.countNames.joined(separator: ", "))); the columns are: \(names.joined(separator: ", "))")
            }
            let id = table.firstColumn(among: GridPopulation.idNames)
            let x = table.firstColumn(among: ["x", "e", "easting"]), y = table.firstColumn(among: ["y", "n", "northing"])
            guard id != nil || (x != nil && y != nil) else {
                throw InputError(
                    file: file,
                    message: "no cell id (one of \(GridPopulation.idNames.joined(separator: ", "))) nor x/y columns; the columns are: \(names.joined(separator: ", "))")
            }
            columns = (count, id, x, y, names)
            if x != nil && y != nil { grid.ids = id == nil ? .corner : .given([]) }
        }) { record in
            let text = record.string(columns.count).trimmingSpaces()
            if text.isEmpty { return }
            guard let count = Double(text) ?? Double(text.replacingOccurrences(of: ",", with: ".")), PopulationTable.isCount(count) else {
                throw InputError(
                    file: file, line: record.line, field: columns.names[columns.count],
                    message: "'\(text)' is not a count of residents (a number from 0 to 1,000,000,000)")
            }
            if count == 0 { return }
            if let xc = columns.x, let yc = columns.y, let x = Double(record.string(xc)), let y = Double(record.string(yc)) {
                guard abs(x) <= GridCSV.coordinateLimit, abs(y) <= GridCSV.coordinateLimit else {
                    throw InputError(file: file, line: record.line, field: columns.names[xc], message: "corner (\(x), \(y)) is not a position in metres")
                }
                try grid.append(x: x, y: y, size: cellSize, count: count, crs: crs, slot: &slot)
                if let idColumn = columns.id { givenIDs.append(record.string(idColumn)) }
            } else if let idColumn = columns.id, let cell = record.withField(idColumn, InseeCellID.init(bytes:)) ?? InseeCellID(record.string(idColumn)) {
                guard abs(cell.easting) <= GridCSV.coordinateLimit, abs(cell.northing) <= GridCSV.coordinateLimit,
                      cell.size >= GridCSV.smallestSide, cell.size <= GridCSV.coordinateLimit else {
                    throw InputError(file: file, line: record.line, field: columns.names[idColumn], message: "'\(record.string(idColumn))' is not a position in metres")
                }
                if case .given = grid.ids { givenIDs.append(record.string(idColumn)) }
                try grid.append(x: cell.easting, y: cell.northing, size: cell.size, count: count, crs: cell.crs, slot: &slot)
            } else {
                throw InputError(
                    file: file, line: record.line, field: columns.id.map { columns.names[$0] } ?? "x",
                    message: "no cell position: '\(columns.id.map { record.string($0) } ?? "")' is not an INSEE cell id like CRS3035RES200mN2029800E4252200, and there is no x/y"
                )
            }
        }
        if case .given = grid.ids { grid.ids = .given(givenIDs) }
        grid.crs = grid.crsList.first ?? crs
        grid.cellSize = grid.side.max() ?? cellSize
        return grid
    }
}

extension InseeCellID {
    /// Parses `CRS<epsg>RES<size>mN<northing>E<easting>` (any case) from its bytes, with whole
    /// numbers; nil for anything else (the caller then tries ``init(_:)``).
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        func skip(_ text: String) -> Bool {
            for b in text.utf8 {
                guard i < bytes.count, bytes[i] | 0x20 == b | 0x20 else { return false }
                i += 1
            }
            return true
        }
        func number() -> Int? {
            var n = 0, digits = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, digits < 12 {
                n = n * 10 + Int(bytes[i] - 48)
                i += 1
                digits += 1
            }
            return digits > 0 ? n : nil
        }
        while i < bytes.count, bytes[i] == 32 { i += 1 }
        guard skip("CRS"), let epsg = number(), skip("RES"), let size = number(), skip("M"), skip("N"), let north = number(), skip("E"),
              let east = number(), size > 0 else { return nil }
        while i < bytes.count, bytes[i] == 32 { i += 1 }
        guard i == bytes.count else { return nil }
        self.init(crs: CRS(epsg: epsg), size: Double(size), northing: Double(north), easting: Double(east))
    }
}
