import Foundation
import GeoCore
import GeoIO
import Projection

/// A gridded population: square cells with a count of residents, the finer demand that INSEE
/// (Filosofi, 200 m and 1 km squares) and Eurostat (GEOSTAT, 1 km) publish in EPSG:3035
/// (ETRS89-LAEA), used instead of the communes' representative points.
///
/// Read from:
/// - a CSV with an INSEE cell id (`idcar_200m`, `idcar_1km`, `idcar_nat`, `idcar`, `id`) of the
///   form `CRS3035RES200mN2029800E4252200` (CRS, resolution, then the **lower-left corner**:
///   northing N, easting E), and a count column;
/// - a CSV with the lower-left corner in `x`/`y` (or `e`/`n`) columns, in `crs` (default
///   EPSG:3035) with square cells of `cellSize` metres (default 1,000), and a count column;
/// - a GeoJSON of cell polygons or of points (a point is a cell of `cellSize` centred on it)
///   with a count property.
/// Count columns, first match wins: `ind`, `population`, `pop`, `count`, `tot_p`, `tot_p_2021`
/// (case-insensitive). Rows with an empty or zero count are skipped (an empty square); a
/// negative or non-numeric count is an error naming the line.
package struct GridPopulation: Sendable {
    package struct Cell: Sendable {
        package var id: String
        /// The square, in WGS84.
        package var polygon: Geometry
        package var count: Double
    }

    package var file: String
    package var cells: [Cell]
    package var crs: CRS
    /// Cell side in metres (the largest seen when the file mixes sizes).
    package var cellSize: Double

    static let idNames = ["idcar_200m", "idcar_1km", "idcar_nat", "idcar", "id"]
    static let countNames = ["ind", "population", "pop", "count", "tot_p", "tot_p_2021"]

    package var total: Double { cells.reduce(0) { $0 + $1.count } }

    /// The CRS of x/y corners when none is given: ETRS89-LAEA (EPSG:3035), the INSEE and Eurostat grids'.
    package static let defaultCRS = CRS(epsg: 3035)
    /// The side of the cells in metres when none is given: 1 km.
    package static let defaultCellSize = 1_000.0

    package static func read(_ url: URL, crs: CRS = defaultCRS, cellSize: Double = defaultCellSize) throws -> GridPopulation {
        let ext = url.pathExtension.lowercased()
        if ext == "geojson" || ext == "json" { return try readGeoJSON(url, cellSize: cellSize) }
        let table = try CSVTable.read(contentsOf: url)
        guard let countColumn = table.firstColumn(among: countNames) else {
            throw InputError(
                file: table.file,
                message: "no count column (one of \(countNames.joined(separator: ", "))); the columns are: \(table.header.joined(separator: ", "))")
        }
        let idColumn = table.firstColumn(among: idNames)
        let xColumn = table.firstColumn(among: ["x", "e", "easting"]), yColumn = table.firstColumn(among: ["y", "n", "northing"])
        guard idColumn != nil || (xColumn != nil && yColumn != nil) else {
            throw InputError(
                file: table.file,
                message: "no cell id (one of \(idNames.joined(separator: ", "))) nor x/y columns; the columns are: \(table.header.joined(separator: ", "))")
        }
        var corners: [(id: String, x: Double, y: Double, size: Double, count: Double)] = []
        var fileCRS: CRS?
        for (r, row) in table.rows.enumerated() {
            let line = table.lineNumbers[r]
            let text = row[countColumn].trimmingSpaces()
            if text.isEmpty { continue }
            guard let count = Double(text.replacingOccurrences(of: ",", with: ".")), PopulationTable.isCount(count) else {
                throw InputError(
                    file: table.file, line: line, field: table.header[countColumn],
                    message: "'\(text)' is not a count of residents (a number from 0 to 1,000,000,000)")
            }
            if count == 0 { continue }
            if let xColumn, let yColumn, let x = Double(row[xColumn]), let y = Double(row[yColumn]) {
                corners.append((idColumn.map { row[$0] } ?? "\(Int(x))_\(Int(y))", x, y, cellSize, count))
            } else if let idColumn, let cell = InseeCellID(row[idColumn]) {
                if let fileCRS, fileCRS != cell.crs {
                    throw InputError(file: table.file, line: line, field: table.header[idColumn], message: "cell ids in two CRSs (\(fileCRS) and \(cell.crs))")
                }
                fileCRS = cell.crs
                corners.append((row[idColumn], cell.easting, cell.northing, cell.size, count))
            } else {
                throw InputError(
                    file: table.file, line: line, field: idColumn.map { table.header[$0] } ?? "x",
                    message:
                        "no cell position: '\(idColumn.map { row[$0] } ?? "")' is not an INSEE cell id like CRS3035RES200mN2029800E4252200, and there is no x/y"
                )
            }
        }
        let gridCRS = fileCRS ?? crs
        let toWGS84 = try CoordinateTransformer.shared(from: gridCRS, to: .wgs84)
        let cells = try corners.map { c -> Cell in
            Cell(id: c.id, polygon: try toWGS84.transformed(Self.square(x: c.x, y: c.y, size: c.size)), count: c.count)
        }
        return GridPopulation(file: table.file, cells: cells, crs: gridCRS, cellSize: corners.map(\.size).max() ?? cellSize)
    }

    /// The square of side `size` whose lower-left corner is (x, y), counter-clockwise.
    static func square(x: Double, y: Double, size: Double) -> Geometry {
        .polygon(
            Polygon(exterior: [
                Coordinate(x: x, y: y), Coordinate(x: x + size, y: y), Coordinate(x: x + size, y: y + size), Coordinate(x: x, y: y + size),
                Coordinate(x: x, y: y),
            ]))
    }

    static func readGeoJSON(_ url: URL, cellSize: Double) throws -> GridPopulation {
        var cells: [Cell] = []
        var points: [(String, Coordinate, Double)] = []
        _ = try GeoJSONReader.read(contentsOf: url) { i, f in
            guard let value = countNames.lazy.compactMap({ name in f.properties.first { $0.key.lowercased() == name }?.value }).first else {
                throw InputError(file: url.relativePath, feature: i, message: "no count property (one of \(countNames.joined(separator: ", ")))")
            }
            guard let count = value.doubleValue, PopulationTable.isCount(count) else {
                throw InputError(
                    file: url.relativePath, feature: i,
                    message: "'\(value.stringValue ?? value.typeName)' is not a count of residents (a number from 0 to 1,000,000,000)")
            }
            guard count > 0, let g = f.geometry else { return }
            let id = idNames.lazy.compactMap { f.value(of: $0)?.stringValue }.first ?? "#\(i)"
            switch g {
            case .point(let p): points.append((id, p, count))
            default:
                guard g.isPolygonal else {
                    throw InputError(file: url.relativePath, feature: i, message: "a cell must be a polygon or a point, not a \(g.typeName)")
                }
                cells.append(Cell(id: id, polygon: g, count: count))
            }
        }
        // Points: squares of `cellSize` centred on them, drawn in the metric CRS of their place.
        for (id, p, count) in points {
            let crs = MetricCRS.forExtent(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y))
            let c = try CoordinateTransformer.shared(from: .wgs84, to: crs).transform(p)
            let square = Self.square(x: c.x - cellSize / 2, y: c.y - cellSize / 2, size: cellSize)
            cells.append(Cell(id: id, polygon: try CoordinateTransformer.shared(from: crs, to: .wgs84).transformed(square), count: count))
        }
        return GridPopulation(file: url.relativePath, cells: cells, crs: .wgs84, cellSize: cellSize)
    }
}

/// An INSEE (Filosofi) cell id: `CRS3035RES200mN2029800E4252200` — CRS, resolution in metres,
/// then the lower-left corner's northing and easting.
package struct InseeCellID: Sendable, Equatable {
    package var crs: CRS
    package var size: Double
    package var northing: Double
    package var easting: Double

    package init?(_ text: String) {
        let t = text.trimmingSpaces().uppercased()
        guard t.hasPrefix("CRS"), let res = t.range(of: "RES"), let m = t.range(of: "M", range: res.upperBound..<t.endIndex),
              let n = t.range(of: "N", range: m.upperBound..<t.endIndex), let e = t.range(of: "E", range: n.upperBound..<t.endIndex),
              let epsg = Int(t[t.index(t.startIndex, offsetBy: 3)..<res.lowerBound]), let size = Double(t[res.upperBound..<m.lowerBound]),
              let north = Double(t[n.upperBound..<e.lowerBound]), let east = Double(t[e.upperBound...]), size > 0 else { return nil }
        crs = CRS(epsg: epsg)
        self.size = size
        northing = north
        easting = east
    }
}
