import Foundation
import GeoCore
import GeoIO
import Projection

/// A national population grid made from the communes' populations: each commune's residents
/// spread over the 200 m squares inside its polygon, written as INSEE writes its Filosofi grid
/// (`idcar_200m,ind`, squares of EPSG:3035 in metropolitan France, of each overseas
/// département's own CRS elsewhere: EPSG:5490 Antilles, 2972 Guyane, 2975 La Réunion, 4471
/// Mayotte). No 200 m grid of France is at hand offline; this one has its size (about 2.3
/// million populated squares for 68 million residents) and its shape (dense towns, empty
/// fields) to measure the grid commands on.
///
/// The rule, deterministic (the same communes give the same file, byte for byte):
/// 1. A commune's squares are those it covers for at least half (``GeoCore/LatticeCoverage``,
///    exact shares); a commune that covers no square so gets the one it covers most.
/// 2. It populates m = min(n, ⌈P / τ⌉) of its n squares, τ = ``residentsPerSquare`` residents a
///    populated square on average: the m nearest to its point on surface (its "centre",
///    computed as GEOS's), distance scaled by 0.75–1.25 by a hash of the commune and the square
///    (a ragged settlement, not a disc).
/// 3. The k-th nearest weighs (0.5 + h) / (1 + k / √m), h ∈ [0, 1) another hash; P is split in
///    proportion in whole residents (largest remainders), squares left with none dropped.
/// 4. A square two communes populate (where simplified polygons overlap) is written once with
///    the sum; rows are sorted by CRS, northing, easting.
package enum SyntheticGrid {
    /// τ: residents per populated square, on average, before the caps by commune size.
    package static let residentsPerSquare = 18.0
    /// The side of the squares when none is given: 200 m, INSEE's finest.
    package static let defaultCellSize = 200.0

    /// What was written.
    package struct Written: Sendable {
        package var squares: Int
        package var residents: Double
        package var communes: Int
        package var communesWithoutPopulation: Int
        package var summary: Summary {
            Summary([
                ("squares", .int(squares)), ("residents", .headCount(residents)), ("communes", .int(communes)),
                ("communes_without_population", .int(communesWithoutPopulation)),
                ("rule", .string("commune populations spread over the squares each commune covers for at least half, densest near its point on surface")),
            ])
        }
    }

    /// A square: its CRS (EPSG), its row and column of `cellSize`, its residents.
    struct Square {
        var epsg: Int32
        var row: Int32
        var column: Int32
        var count: Int32
    }

    /// Writes the grid of `study`'s communes to `url` (CSV), atomically.
    package static func write(_ study: Study, cellSize: Double = defaultCellSize, to url: URL, inputs: [URL]) throws -> Written {
        let areas = study.areas
        let chunks = stride(from: 0, to: areas.count, by: 512).map { $0..<min($0 + 512, areas.count) }
        Progress.report("spreading \(areas.count) communes over \(Int(cellSize)) m squares…")
        var squares = try chunks.concurrentMap { chunk -> [Square] in
            var out: [Square] = []
            for a in chunk { out += try spread(areas[a], cellSize: cellSize) }
            return out
        }.flatMap { try $0.get() }
        squares.sort { ($0.epsg, $0.row, $0.column) < ($1.epsg, $1.row, $1.column) }
        var merged: [Square] = []
        merged.reserveCapacity(squares.count)
        for s in squares {
            if let last = merged.last, last.epsg == s.epsg, last.row == s.row, last.column == s.column { merged[merged.count - 1].count += s.count } else {
                merged.append(s)
            }
        }
        squares = []
        let file = try OutputFile(url, inputs: inputs)
        let size = Int(cellSize)
        var out = Array("\(size == 1_000 ? "idcar_1km" : size == 200 ? "idcar_200m" : "idcar"),ind\n".utf8)
        for s in merged {
            out += Array("CRS\(s.epsg)RES\(size)mN\(Int(s.row) * size)E\(Int(s.column) * size),\(s.count)\n".utf8)
            if out.count >= 1 << 20 {
                try file.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try file.write(out)
        try file.commit()
        return Written(
            squares: merged.count, residents: Double(merged.reduce(0) { $0 + Int($1.count) }), communes: areas.count,
            communesWithoutPopulation: areas.filter { ($0.population ?? 0) <= 0 }.count)
    }

    /// The CRS of a commune's squares: INSEE's, EPSG:3035 in metropolitan France (and Corsica),
    /// the département's own overseas.
    static func crs(of area: Area) -> CRS {
        let own = MetricCRS.forDepartment(MetricCRS.department(ofCommune: area.id)) ?? MetricCRS.forExtent(area.geometry.boundingBox)
        return own == .lambert93 ? CRS(epsg: 3035) : own
    }

    /// One commune's populated squares (rules 1–3).
    static func spread(_ area: Area, cellSize: Double) throws -> [Square] {
        let people = (area.population ?? 0).rounded()
        guard people >= 1 else { return [] }
        let crs = crs(of: area)
        let projected = try CoordinateTransformer.shared(from: .wgs84, to: crs).transformed(area.geometry)
        let lattice = LatticeCoverage(originX: 0, originY: 0, size: cellSize)
        var candidates: [(column: Int, row: Int)] = []
        var best: (column: Int, row: Int, share: Double)?
        lattice.forEachCoveredCell(of: projected.polygons) { column, row, share in
            if share >= 0.5 { candidates.append((column, row)) }
            if share > (best?.share ?? 0) { best = (column, row, share) }
        }
        if candidates.isEmpty, let best { candidates = [(best.column, best.row)] }
        guard !candidates.isEmpty else { return [] }
        let centre = PlanarMeasures.interiorPoint(projected) ?? projected.boundingBox.center
        let seed = hash(area.id)
        let m = min(candidates.count, max(1, Int((people / residentsPerSquare).rounded(.up))))
        let ranked = candidates.map { c -> (column: Int, row: Int, score: Double) in
            let dx = (Double(c.column) + 0.5) * cellSize - centre.x, dy = (Double(c.row) + 0.5) * cellSize - centre.y
            return (c.column, c.row, (dx * dx + dy * dy).squareRoot() * (0.75 + 0.5 * unit(seed, c.column, c.row, 1)))
        }.sorted { ($0.score, $0.row, $0.column) < ($1.score, $1.row, $1.column) }.prefix(m)
        let weights = ranked.enumerated().map { k, c in (0.5 + unit(seed, c.column, c.row, 2)) / (1 + Double(k) / Double(m).squareRoot()) }
        let total = weights.reduce(0, +)
        let exact = weights.map { people * $0 / total }
        var counts = exact.map { $0.rounded(.down) }
        var left = Int(people - counts.reduce(0, +))
        for k in exact.indices.sorted(by: { (exact[$0] - counts[$0], -$0) > (exact[$1] - counts[$1], -$1) }) where left > 0 {
            counts[k] += 1
            left -= 1
        }
        return zip(ranked, counts).compactMap { c, n in
            n > 0 ? Square(epsg: Int32(crs.epsg), row: Int32(c.row), column: Int32(c.column), count: Int32(n)) : nil
        }
    }

    /// FNV-1a of the commune code: the seed of its hashes.
    static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    /// A number in [0, 1) from the commune's seed, a square and a salt (SplitMix64 finaliser).
    static func unit(_ seed: UInt64, _ column: Int, _ row: Int, _ salt: UInt64) -> Double {
        var z = seed ^ (UInt64(bitPattern: Int64(column)) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(bitPattern: Int64(row)) &* 0xC2B2_AE3D_27D4_EB4F) ^ salt
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
