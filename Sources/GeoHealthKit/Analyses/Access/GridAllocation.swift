import GeoCore
import GEOSBridge
import GeoIO
import Projection

/// How the residents of each grid cell split between communes, by area: cell k gives commune c
/// the weight w_kc = P_k · a_kc / max(1, Σ_c' a_kc'), with a_kc = |cell_k ∩ c| / |cell_k| (areal
/// weighting, the standard way to move counts between zonings when nothing finer is known; the
/// division only acts where simplified communes overlap, so that no resident is counted twice).
/// A commune's value is then the weighted mean v_c = Σ_k w_kc v_k / Σ_k w_kc of its cells'
/// values, and its grid population Σ_k w_kc. Residents of the parts of cells outside every
/// commune (sea, border) are counted in ``outside``.
///
/// Square cells (INSEE ids, x/y corners, GeoJSON points) are weighted in their own CRS, each
/// commune projected there once and its shares of every square read off an exact coverage
/// of the lattice (``GeoCore/LatticeCoverage``): no overlay per cell, communes in parallel.
/// Cells given as polygons (GeoJSON), or squares on more lattices than ``latticeLimit``, are
/// overlaid with GEOS in each partition's metric CRS (``computeByOverlay(_:projected:)``).
/// - Complexity: squares O(communes' vertices + cells of their bounding boxes + cells log cells).
package struct GridAllocation: Sendable {
    /// Per commune: the cells that give it residents, with their weights.
    var byCommune: [[(cell: Int, weight: Double)]]
    /// Residents of the cells (or parts of cells) that lie in no commune.
    package var outside: Double
    /// The squares' lattices (nil on the overlay path), to find the cell that holds a point.
    var lattices: [Lattice]?

    /// Above this many lattices (a CRS, a side and an offset each), squares go to the overlay.
    static let latticeLimit = 16

    /// The allocation of `grid`'s residents to `communes` (WGS84 polygons).
    package static func compute(_ grid: GridPopulation, communes: [Area], projected: @autoclosure () throws -> ProjectedStudy) throws -> GridAllocation {
        if grid.isSquares, let lattices = Lattice.groups(of: grid, limit: latticeLimit) {
            var shares = [[(cell: Int, share: Double)]](repeating: [], count: communes.count)
            for lattice in lattices { try lattice.addShares(of: communes, grid: grid, to: &shares) }
            var allocation = normalised(shares, grid: grid)
            allocation.lattices = lattices
            return allocation
        }
        return try computeByOverlay(grid, projected: projected())
    }

    /// The GEOS path: every cell polygon projected to its partition's CRS, the communes it meets
    /// found by an STRtree, a prepared `covers` test before any intersection.
    package static func computeByOverlay(_ grid: GridPopulation, projected: ProjectedStudy) throws -> GridAllocation {
        var shares = [[(cell: Int, share: Double)]](repeating: [], count: projected.geometries.count)
        let context = GEOSContext.current
        let polygons = try (0..<grid.cellCount).map { try grid.polygonWGS84($0) }
        for partition in projected.partitions where !partition.areas.isEmpty {
            let cells = polygons.indices.filter { projected.partitionCRS(of: polygons[$0].boundingBox) == partition.crs }
            guard !cells.isEmpty else { continue }
            let toMetric = try CoordinateTransformer.shared(from: .wgs84, to: partition.crs)
            let communes = try partition.areas.map { try context.geometry(projected.geometries[$0]) }
            let prepared = try communes.map { try PreparedGeometry($0) }
            let tree = try SpatialIndex(communes, context: context)
            for k in cells {
                let cell = try context.geometry(toMetric.transformed(polygons[k]))
                let area = try cell.area()
                guard area > 0 else { continue }
                for j in try tree.query(envelopeOf: cell) {
                    let share = try prepared[j].covers(cell) ? 1 : min(1, try communes[j].intersection(cell).area() / area)
                    if share > 0 { shares[partition.areas[j]].append((k, share)) }
                }
            }
        }
        return normalised(shares, grid: grid)
    }

    /// Weights from shares: w_kc = P_k · a_kc / max(1, Σ_c a_kc); the rest of each cell is outside.
    static func normalised(_ shares: [[(cell: Int, share: Double)]], grid: GridPopulation) -> GridAllocation {
        var placed = [Double](repeating: 0, count: grid.cellCount)
        for list in shares { for (k, a) in list { placed[k] += a } }
        let byCommune = shares.map { list in list.map { (cell: $0.cell, weight: grid.counts[$0.cell] * $0.share / max(1, placed[$0.cell])) } }
        var outside = 0.0
        for k in 0..<grid.cellCount { outside += grid.counts[k] * max(0, 1 - placed[k]) }
        return GridAllocation(byCommune: byCommune, outside: outside)
    }

    /// Per cell: the CRS of the partition of the commune it gives most residents to (ties: the
    /// commune first in the study), nil for a cell in no commune.
    func homeCRS(_ grid: GridPopulation, projected: ProjectedStudy) -> [CRS?] {
        var best = [Double](repeating: 0, count: grid.cellCount)
        var home = [Int](repeating: -1, count: grid.cellCount)
        for (c, parts) in byCommune.enumerated() {
            for (k, w) in parts where w > best[k] {
                best[k] = w
                home[k] = c
            }
        }
        var crsOf = [CRS?](repeating: nil, count: byCommune.count)
        for p in projected.partitions { for a in p.areas where a < crsOf.count { crsOf[a] = p.crs } }
        return home.map { $0 >= 0 ? crsOf[$0] : nil }
    }

    /// The squares `distance` and `coverage` count and their allocation to the reported
    /// `communes` of `study`: every square, or in a regional study those that give residents
    /// to its communes (``restrictedToCommunes(_:)``).
    /// - Throws: ``InputError`` when no populated square is left.
    package static func ofReportedSquares(
        _ grid: GridPopulation, study: Study, communes: Study, crs: CRS?
    ) throws -> (grid: GridPopulation, allocation: GridAllocation) {
        var grid = grid
        var allocation = try compute(grid, communes: communes.areas, projected: ProjectedStudy(communes, crs: crs))
        if study.studyArea != nil, let restricted = allocation.restrictedToCommunes(grid) { (grid, allocation) = restricted }
        guard grid.cellCount > 0 else { throw InputError(file: grid.file, message: "no populated square of the grid lies in the study's communes") }
        return (grid, allocation)
    }

    /// A regional study's squares: those that give residents to its communes (the others lie
    /// beyond its area), the grid cut to them and the allocation renumbered; nil when every
    /// square does.
    func restrictedToCommunes(_ grid: GridPopulation) -> (grid: GridPopulation, allocation: GridAllocation)? {
        var used = [Bool](repeating: false, count: grid.cellCount)
        for parts in byCommune { for (k, w) in parts where w > 0 { used[k] = true } }
        guard used.contains(false) else { return nil }
        guard used.contains(true) else { return (grid.subset([]), GridAllocation(byCommune: byCommune.map { _ in [] }, outside: 0, lattices: nil)) }
        let keep = used.indices.filter { used[$0] }
        var number = [Int](repeating: -1, count: grid.cellCount)
        for (n, k) in keep.enumerated() { number[k] = n }
        let sub = grid.subset(keep)
        // The kept squares' parts outside every commune stay outside; the others are dropped.
        var placed = [Double](repeating: 0, count: keep.count)
        let renumbered = byCommune.map { parts in parts.compactMap { number[$0.cell] >= 0 ? (cell: number[$0.cell], weight: $0.weight) : nil } }
        for parts in renumbered { for (k, w) in parts { placed[k] += w } }
        let outside = (0..<keep.count).reduce(0.0) { $0 + max(0, sub.counts[$1] - placed[$1]) }
        return (sub, GridAllocation(byCommune: renumbered, outside: outside, lattices: lattices.map { _ in Lattice.groups(of: sub, limit: Self.latticeLimit) } ?? nil))
    }

    /// Per commune: Σ_k w_kc, the residents the grid puts in it.
    package var population: [Double] { byCommune.map { $0.reduce(0) { $0 + $1.weight } } }

    /// Per commune: the weighted mean of the cells' values (nil: no grid resident in it).
    package func aggregate(_ cellValues: [Double]) -> [Double?] {
        byCommune.map { parts in
            let total = parts.reduce(0) { $0 + $1.weight }
            return total > 0 ? parts.reduce(0) { $0 + $1.weight * cellValues[$1.cell] } / total : nil
        }
    }
}
