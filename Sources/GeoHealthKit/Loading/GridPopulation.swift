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
///
/// Square cells are held as corners and sides in their own CRS (about 40 bytes a cell: the
/// 2.3 million populated 200 m squares of France in under 100 MB), never as polygons; ids are
/// written from the corner when asked. A file may hold squares in several CRSs (INSEE writes
/// each overseas département's squares in its own CRS).
package struct GridPopulation: Sendable {
    /// How a cell's id is written: the INSEE id of its square, `x_y` of its corner, or the
    /// file's own (an id column beside x/y, GeoJSON features).
    package enum IDs: Sendable {
        case insee, corner, given([String])
    }

    package var file: String
    /// Per cell: its residents (> 0).
    package var counts: [Double]
    /// Per square cell: the lower-left corner and the side, in `crsList[crsIndex[k]]`. Empty
    /// when the cells are polygons (``polygons``).
    package var cornerX: [Double] = [], cornerY: [Double] = [], side: [Double] = []
    package var crsIndex: [UInt8] = []
    /// The CRSs of the squares (an INSEE file of France holds EPSG:3035 for the metropolitan
    /// squares and each overseas département's own CRS for its squares).
    package var crsList: [CRS] = []
    /// Cells given as polygons (a GeoJSON of cell polygons), in WGS84; empty for squares.
    package var polygons: [Geometry] = []
    package var ids: IDs
    /// The CRS of the file's squares (the first when they are in several), or WGS84 for polygons.
    package var crs: CRS
    /// Cell side in metres (the largest seen when the file mixes sizes).
    package var cellSize: Double

    static let idNames = ["idcar_200m", "idcar_1km", "idcar_nat", "idcar", "id"]
    static let countNames = ["ind", "population", "pop", "count", "tot_p", "tot_p_2021"]

    /// The number of populated cells.
    package var cellCount: Int { counts.count }
    /// Whether the cells are squares of a CRS (else polygons in WGS84).
    package var isSquares: Bool { polygons.isEmpty }
    package var total: Double { counts.reduce(0, +) }

    /// The CRS of x/y corners when none is given: ETRS89-LAEA (EPSG:3035), the INSEE and Eurostat grids'.
    package static let defaultCRS = CRS(epsg: 3035)
    /// The side of the cells in metres when none is given: 1 km.
    package static let defaultCellSize = 1_000.0

    /// Cell `k`'s id: the file's, or the INSEE id of its square (`CRS3035RES200mN2029800E4252200`),
    /// or `x_y` of its corner for x/y files without ids.
    package func id(_ k: Int) -> String {
        switch ids {
        case .given(let list): return list[k]
        case .corner: return "\(Int(cornerX[k].rounded()))_\(Int(cornerY[k].rounded()))"
        case .insee:
            return "CRS\(crsList[Int(crsIndex[k])].epsg)RES\(Int(side[k].rounded()))mN\(Int(cornerY[k].rounded()))E\(Int(cornerX[k].rounded()))"
        }
    }

    /// Cell `k`'s square in its own CRS (counter-clockwise), for square cells.
    package func square(_ k: Int) -> Geometry {
        Self.square(x: cornerX[k], y: cornerY[k], size: side[k])
    }

    /// Cell `k` in WGS84: its polygon, or its square projected (corners only: a 200 m side
    /// bends by well under a millimetre).
    package func polygonWGS84(_ k: Int) throws -> Geometry {
        if !polygons.isEmpty { return polygons[k] }
        return try CoordinateTransformer.shared(from: crsList[Int(crsIndex[k])], to: .wgs84).transformed(square(k))
    }

    package static func read(_ url: URL, crs: CRS = defaultCRS, cellSize: Double = defaultCellSize) throws -> GridPopulation {
        let ext = url.pathExtension.lowercased()
        if ext == "geojson" || ext == "json" { return try readGeoJSON(url, cellSize: cellSize) }
        return try GridCSV.read(url, crs: crs, cellSize: cellSize)
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
        var polygons: [Geometry] = [], polygonCounts: [Double] = [], polygonIDs: [String] = []
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
                polygons.append(g)
                polygonCounts.append(count)
                polygonIDs.append(id)
            }
        }
        if !polygons.isEmpty {
            // Points beside polygons: squares of `cellSize` centred on them, as polygons too.
            for (id, p, count) in points {
                let crs = MetricCRS.forExtent(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y))
                let c = try CoordinateTransformer.shared(from: .wgs84, to: crs).transform(p)
                let square = Self.square(x: c.x - cellSize / 2, y: c.y - cellSize / 2, size: cellSize)
                polygons.append(try CoordinateTransformer.shared(from: crs, to: .wgs84).transformed(square))
                polygonCounts.append(count)
                polygonIDs.append(id)
            }
            return GridPopulation(file: url.relativePath, counts: polygonCounts, polygons: polygons, ids: .given(polygonIDs), crs: .wgs84, cellSize: cellSize)
        }
        // Points only: squares of `cellSize` centred on them, in the metric CRS of their place.
        var grid = GridPopulation(file: url.relativePath, counts: [], ids: .given(points.map(\.0)), crs: .wgs84, cellSize: cellSize)
        var slot: [CRS: UInt8] = [:]
        for (_, p, count) in points {
            let crs = MetricCRS.forExtent(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y))
            let c = try CoordinateTransformer.shared(from: .wgs84, to: crs).transform(p)
            try grid.append(x: c.x - cellSize / 2, y: c.y - cellSize / 2, size: cellSize, count: count, crs: crs, slot: &slot)
        }
        grid.crs = grid.crsList.first ?? .wgs84
        return grid
    }

    /// The cells `keep` (ascending), in that order.
    package func subset(_ keep: [Int]) -> GridPopulation {
        var copy = self
        copy.counts = keep.map { counts[$0] }
        if !cornerX.isEmpty {
            copy.cornerX = keep.map { cornerX[$0] }
            copy.cornerY = keep.map { cornerY[$0] }
            copy.side = keep.map { side[$0] }
            copy.crsIndex = keep.map { crsIndex[$0] }
        }
        if !polygons.isEmpty { copy.polygons = keep.map { polygons[$0] } }
        if case .given(let list) = ids { copy.ids = .given(keep.map { list[$0] }) }
        return copy
    }

    /// Adds a square cell in `crs` (numbered in `slot`).
    mutating func append(x: Double, y: Double, size: Double, count: Double, crs: CRS, slot: inout [CRS: UInt8]) throws {
        let index: UInt8
        if let known = slot[crs] { index = known } else {
            guard crsList.count < Int(UInt8.max) else { throw InputError(file: file, message: "the grid's squares are in more than 255 CRSs") }
            index = UInt8(crsList.count)
            slot[crs] = index
            crsList.append(crs)
        }
        cornerX.append(x)
        cornerY.append(y)
        side.append(size)
        crsIndex.append(index)
        counts.append(count)
    }
}

/// An INSEE (Filosofi) cell id: `CRS3035RES200mN2029800E4252200` — CRS, resolution in metres,
/// then the lower-left corner's northing and easting.
package struct InseeCellID: Sendable, Equatable {
    package var crs: CRS
    package var size: Double
    package var northing: Double
    package var easting: Double

    package init(crs: CRS, size: Double, northing: Double, easting: Double) {
        self.crs = crs
        self.size = size
        self.northing = northing
        self.easting = easting
    }

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
