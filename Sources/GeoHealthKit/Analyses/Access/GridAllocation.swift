import GeoCore
import GEOSBridge
import Projection

/// How the residents of each grid cell split between communes, by area: cell k gives commune c
/// the weight w_kc = P_k · |cell_k ∩ c| / |cell_k| (areal weighting, the standard way to move
/// counts between zonings when nothing finer is known). A commune's value is then the
/// weighted mean v_c = Σ_k w_kc v_k / Σ_k w_kc of its cells' values, and its grid population
/// Σ_k w_kc. Residents of the parts of cells outside every commune (sea, border) are counted in
/// ``outside``.
///
/// Computed in each partition's metric CRS (the cells are projected there from WGS84), with an
/// STRtree of the communes and a prepared `covers` test before any overlay: most cells lie in
/// one commune and need no intersection.
/// - Complexity: O(cells × communes met), GEOS intersections only for cells on a boundary.
package struct GridAllocation: Sendable {
    /// Per commune: the cells that give it residents, with their weights.
    var byCommune: [[(cell: Int, weight: Double)]]
    /// Residents of the cells (or parts of cells) that lie in no commune.
    package var outside: Double

    package static func compute(_ grid: GridPopulation, projected: ProjectedStudy) throws -> GridAllocation {
        var byCommune = [[(cell: Int, weight: Double)]](repeating: [], count: projected.geometries.count)
        var placed = [Double](repeating: 0, count: grid.cells.count)
        let context = GEOSContext.current
        for partition in projected.partitions where !partition.areas.isEmpty {
            let cells = grid.cells.indices.filter { projected.partitionCRS(of: grid.cells[$0].polygon.boundingBox) == partition.crs }
            guard !cells.isEmpty else { continue }
            let toMetric = try CoordinateTransformer.shared(from: .wgs84, to: partition.crs)
            let communes = try partition.areas.map { try context.geometry(projected.geometries[$0]) }
            let prepared = try communes.map { try PreparedGeometry($0) }
            let tree = try SpatialIndex(communes, context: context)
            for k in cells {
                let cell = try context.geometry(toMetric.transformed(grid.cells[k].polygon))
                let area = try cell.area()
                guard area > 0 else { continue }
                for j in try tree.query(envelopeOf: cell) {
                    let share: Double
                    if try prepared[j].covers(cell) { share = 1 } else {
                        share = min(1, try communes[j].intersection(cell).area() / area)
                        guard share > 0 else { continue }
                    }
                    byCommune[partition.areas[j]].append((k, grid.cells[k].count * share))
                    placed[k] += share
                    if share == 1 { break }
                }
            }
        }
        let outside = zip(grid.cells, placed).reduce(0) { $0 + $1.0.count * max(0, 1 - $1.1) }
        return GridAllocation(byCommune: byCommune, outside: outside)
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
