import Foundation
import Accessibility
import GeoCore
import Projection

/// Travel costs from grid cells to the chosen sites, block by block (``GridAccess``,
/// ``GridTravel``): the study's cost model (straight line or roads; a start-up delay applies as
/// for communes), cells and sites paired within a partition only, the sites numbered among the
/// chosen ones. A site inside a square is at 0 minutes from it
/// (``CostModelOptions/IntraCommune/zero``).
struct GridCosts {
    let origins: GridOrigins
    let model: any TravelCostModel
    let notes: Properties
    let maxMinutes: Double
    /// Per origin partition: the chosen sites in it (numbers among the chosen) and their places.
    let destinations: [(chosen: [Int], points: CostPoints)?]
    /// The cells that hold a chosen site (their origins get an id for the zero rule).
    let cellsWithSites: Set<Int>
    /// The number of chosen sites (the matrices' destinations).
    let siteCount: Int
    /// Per chosen site, the cell that holds it (zero rule only).
    let cellOfSite: [Int?]
    /// The straight-line model when costs are planar straight lines with nothing added (no
    /// start-up delay): then rows are made on demand (``rowSource()``).
    let straightLine: StraightLineModel?

    init(grid: GridPopulation, study: Study, projected: ProjectedStudy, siteIndices: [Int], options: CostModelOptions, maxMinutes: Double,
         forcedCRS: CRS?, allocation: GridAllocation) throws {
        let lattices = allocation.lattices
        var cost = options
        cost.maxMinutes = maxMinutes
        let communes = Study(areas: study.withoutBuffer().areas, sites: study.sites)
        var (model, notes) = try cost.baseModel(for: projected, study: communes)
        notes["intra_commune"] = .string(cost.intraCommune.rawValue)
        var cellsWithSites = Set<Int>()
        let base = model as? StraightLineModel
        var cellOf = [Int?](repeating: nil, count: siteIndices.count)
        if cost.intraCommune == .zero {
            var areaOfSite: [String: String] = [:]
            cellOf = try Self.cellsHolding(siteIndices.map { study.sites[$0].location }, grid: grid, lattices: lattices)
            for (n, cell) in cellOf.enumerated() {
                guard let cell else { continue }
                areaOfSite[study.sites[siteIndices[n]].id] = "#\(cell)"
                cellsWithSites.insert(cell)
            }
            notes["sites_inside_a_commune"] = .int(areaOfSite.count)
            model = IntraAreaModel(base: model, areaOfSite: areaOfSite)
        }
        try cost.checkTimeOfDayApplied(notes)
        model = cost.withStartupDelay(model, sites: study.sites, notes: &notes)
        straightLine = base?.geodesic == nil && (model as? StartupDelayModel) == nil ? base : nil
        cellOfSite = cellOf
        self.model = model
        self.notes = notes
        self.maxMinutes = maxMinutes
        self.cellsWithSites = cellsWithSites
        siteCount = siteIndices.count
        Progress.report("squares' origins…")
        origins = try GridOrigins.compute(grid, forced: forcedCRS, keepLonLat: options.geodesic, home: allocation.homeCRS(grid, projected: projected))
        var number = [Int](repeating: -1, count: study.sites.count)
        for (n, s) in siteIndices.enumerated() { number[s] = n }
        destinations = origins.partitions.map { p in
            guard let local = projected.partitions.first(where: { $0.crs == p.crs }) else { return nil }
            let sites = local.sites.filter { number[$0] >= 0 }
            guard !sites.isEmpty else { return nil }
            return (sites.map { number[$0] }, CostPoints(
                metric: sites.map { projected.sitePoints[$0] }, lonLat: sites.map { study.sites[$0].location }, ids: sites.map { study.sites[$0].id },
                crs: p.crs))
        }
    }

    /// A block of a partition's cells as the cost models take them: ids only for the cells that
    /// hold a site (`#k`, the zero rule's key), empty otherwise.
    func places(_ partition: GridOrigins.Partition, _ range: Range<Int>) -> CostPoints {
        let cells = partition.cells[range]
        let ids = cellsWithSites.isEmpty ? [String](repeating: "", count: cells.count) : cells.map { cellsWithSites.contains($0) ? "#\($0)" : "" }
        return CostPoints(
            metric: Array(partition.points[range]), lonLat: partition.lonLat.isEmpty ? nil : Array(partition.lonLat[range]), ids: ids, crs: partition.crs)
    }

    /// Calls `body` with each block of cells (ascending within a partition) and its costs to
    /// every chosen site (numbered among the chosen), partition by partition. Cells of a
    /// partition with no chosen site are not visited (they reach nothing).
    func forEachBlock(_ body: ([Int], CostMatrix) throws -> Void) throws {
        for (p, partition) in origins.partitions.enumerated() {
            guard let (chosen, sites) = destinations[p] else { continue }
            for start in stride(from: 0, to: partition.cells.count, by: GridAccess.blockSize) {
                let range = start..<min(start + GridAccess.blockSize, partition.cells.count)
                let cells = Array(partition.cells[range])
                let points = places(partition, range)
                let local = try model.costs(from: points, to: sites, maxMinutes: maxMinutes)
                let matrix = CostMatrix(
                    destinationCount: siteCount, maxMinutes: maxMinutes, rowStart: local.rowStart,
                    destinations: local.destinations.map { Int32(chosen[Int($0)]) }, minutes: local.minutes, kilometres: local.kilometres)
                try body(cells, matrix)
            }
        }
    }
}

extension GridCosts {
    /// Per point (WGS84), the cell that holds it: the square of a lattice whose row and column
    /// it falls in (lower-left edges inclusive), or the first polygon cell that contains it.
    static func cellsHolding(_ points: [Coordinate], grid: GridPopulation, lattices: [GridAllocation.Lattice]?) throws -> [Int?] {
        if let lattices {
            var found = [Int?](repeating: nil, count: points.count)
            for lattice in lattices {
                // Only the points near the lattice's squares go to its CRS (a place far outside
                // a projection's domain would make PROJ fail).
                guard let extent = try lattice.extentWGS84(grid) else { continue }
                let near = points.indices.filter { found[$0] == nil && extent.contains(points[$0]) }
                var local = near.map { points[$0] }
                try CoordinateTransformer.shared(from: .wgs84, to: lattice.crs).transform(&local)
                for (n, p) in zip(near, local) {
                    let c = lattice.coverage
                    let column = Int64(((p.x - c.originX) / c.size).rounded(.down)), row = Int64(((p.y - c.originY) / c.size).rounded(.down))
                    let key = row << 32 + column
                    let i = lattice.keys.firstIndex(notBelow: key)
                    if i < lattice.keys.count, lattice.keys[i] == key { found[n] = Int(lattice.cells[i]) }
                }
            }
            return found
        }
        // Polygon cells: a sweep over the points sorted by longitude.
        let order = points.indices.sorted { points[$0].x < points[$1].x }
        let xs = order.map { points[$0].x }
        var found = [Int?](repeating: nil, count: points.count)
        for k in 0..<grid.cellCount {
            let cell = try grid.polygonWGS84(k)
            let box = cell.boundingBox
            var i = xs.firstIndex(notBelow: box.minX)
            while i < xs.count, xs[i] <= box.maxX {
                let n = order[i]
                if found[n] == nil, cell.contains(points[n]) {
                    found[n] = k
                }
                i += 1
            }
        }
        return found
    }
}

extension GridCosts {
    /// The side of the tiles whose origins share their candidate sites (``Accessibility/StraightLineModel/rows(origins:destinations:number:maxMinutes:zero:tile:)``).
    static let tileMetres = 2_000.0

    /// The rows of every cell (by cell index) made on demand from the straight-line model, the
    /// zero rule applied, and the order to visit the cells in (by partition, then by tile);
    /// nil when the costs are not plain planar straight lines.
    func rowSource(cellCount: Int) -> (rows: FloatingCatchment.RowSource, order: [Int])? {
        guard let straightLine else { return nil }
        var partitionOf = [Int32](repeating: -1, count: cellCount), localOf = [Int32](repeating: -1, count: cellCount)
        var sources: [FloatingCatchment.RowSource?] = []
        var order: [Int] = []
        order.reserveCapacity(cellCount)
        for (p, partition) in origins.partitions.enumerated() {
            for (n, k) in partition.cells.enumerated() {
                partitionOf[k] = Int32(p)
                localOf[k] = Int32(n)
            }
            let tile = Self.tileMetres
            let keyed = partition.points.indices.map { n -> (Int, Int, Int) in
                (Int((partition.points[n].y / tile).rounded(.down)), Int((partition.points[n].x / tile).rounded(.down)), partition.cells[n])
            }
            order += keyed.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.2)
            guard let (chosen, sites) = destinations[p] else {
                sources.append(nil)
                continue
            }
            var localSite: [Int: Int] = [:]
            for (m, n) in chosen.enumerated() { localSite[n] = m }
            var zero: [Int: [Int]] = [:]
            for (n, cell) in cellOfSite.enumerated() {
                guard let cell, partitionOf[cell] == Int32(p), let m = localSite[n] else { continue }
                zero[Int(localOf[cell]), default: []].append(m)
            }
            sources.append(straightLine.rows(
                origins: partition.points, destinations: sites.metric, number: chosen, maxMinutes: maxMinutes, zero: zero, tile: tile))
        }
        let rows: FloatingCatchment.RowSource = { [partitionOf, localOf, sources] in
            let makers = sources.map { $0?() }
            return { k, row in
                let p = Int(partitionOf[k])
                guard p >= 0, let maker = makers[p] else { return }
                maker(Int(localOf[k]), &row)
            }
        }
        return (rows, order)
    }
}

extension GridCosts {
    /// Per group (`groupOf(chosen site)`), each cell's nearest chosen site (numbered among the
    /// chosen) within ``maxMinutes``, the cost model's own nearest search
    /// (``Accessibility/TravelCostModel/nearest(from:to:groups:groupCount:maxMinutes:countMinutes:)``),
    /// block by block; cells of a partition without sites reach nothing.
    func nearest(cellCount: Int, groupCount: Int, groupOf: [Int]) throws -> [[CostMatrix.Entry?]] {
        var result = [[CostMatrix.Entry?]](repeating: [CostMatrix.Entry?](repeating: nil, count: cellCount), count: groupCount)
        for (p, partition) in origins.partitions.enumerated() {
            guard let (chosen, sites) = destinations[p] else { continue }
            for start in stride(from: 0, to: partition.cells.count, by: GridAccess.blockSize * 4) {
                let range = start..<min(start + GridAccess.blockSize * 4, partition.cells.count)
                let cells = Array(partition.cells[range])
                let points = places(partition, range)
                let found = try model.nearest(
                    from: points, to: sites, groups: chosen.map { groupOf[$0] }, groupCount: groupCount, maxMinutes: maxMinutes, countMinutes: 0)
                for g in 0..<groupCount {
                    for (n, k) in cells.enumerated() {
                        result[g][k] = found.nearest[g][n].map { CostMatrix.Entry(destination: chosen[$0.destination], minutes: $0.minutes, kilometres: $0.kilometres) }
                    }
                }
            }
        }
        return result
    }
}
