import Foundation
import GeoCore
import Projection

extension GridAllocation {
    /// The squares of a grid that share a CRS, a side and a corner offset: one
    /// ``GeoCore/LatticeCoverage``, its cells found by (row, column) in a sorted key list.
    struct Lattice {
        var crs: CRS
        var coverage: LatticeCoverage
        /// Keys row·2³² + column of the lattice's cells, ascending, and the cell of each key.
        var keys: [Int64]
        var cells: [Int32]

        /// The grid's squares by lattice, or nil when there are more than `limit` lattices.
        static func groups(of grid: GridPopulation, limit: Int) -> [Lattice]? {
            struct Key: Hashable {
                var crs: UInt8
                var size, offsetX, offsetY: Double
            }
            var members: [Key: [Int32]] = [:]
            var order: [Key] = []
            for k in 0..<grid.cellCount {
                let s = grid.side[k]
                let key = Key(crs: grid.crsIndex[k], size: s, offsetX: grid.cornerX[k] - (grid.cornerX[k] / s).rounded(.down) * s,
                              offsetY: grid.cornerY[k] - (grid.cornerY[k] / s).rounded(.down) * s)
                if members[key] == nil {
                    guard order.count < limit else { return nil }
                    order.append(key)
                }
                members[key, default: []].append(Int32(k))
            }
            return order.map { key in
                let coverage = LatticeCoverage(originX: key.offsetX, originY: key.offsetY, size: key.size)
                let list = members[key]!
                var pairs = list.map { k -> (Int64, Int32) in
                    let column = Int64(((grid.cornerX[Int(k)] - key.offsetX) / key.size).rounded())
                    let row = Int64(((grid.cornerY[Int(k)] - key.offsetY) / key.size).rounded())
                    return (row << 32 + column, k)
                }
                pairs.sort { $0.0 < $1.0 }
                return Lattice(crs: grid.crsList[Int(key.crs)], coverage: coverage, keys: pairs.map(\.0), cells: pairs.map(\.1))
            }
        }

        /// The communes whose extent meets the lattice's cells, projected to its CRS, and each
        /// one's share of every cell it covers, added to `shares` (communes in parallel chunks).
        func addShares(of communes: [Area], grid: GridPopulation, to shares: inout [[(cell: Int, share: Double)]]) throws {
            try addShares(of: communes.map(\.geometry), grid: grid, to: &shares)
        }

        /// ``addShares(of:grid:to:)-([Area],_,_)`` for any polygons (territories), in WGS84.
        func addShares(of communes: [Geometry], grid: GridPopulation, to shares: inout [[(cell: Int, share: Double)]]) throws {
            guard let extent = try extentWGS84(grid) else { return }
            let near = communes.indices.filter { communes[$0].boundingBox.intersects(extent) }
            let chunks = stride(from: 0, to: near.count, by: 256).map { Array(near[$0..<min($0 + 256, near.count)]) }
            let crs = self.crs
            let parts = chunks.concurrentMap { chunk -> [(commune: Int, shares: [(cell: Int, share: Double)])] in
                let toGrid = try CoordinateTransformer.shared(from: .wgs84, to: crs)
                let projected = try toGrid.transformed(chunk.map { communes[$0] })
                return zip(chunk, projected).map { c, g in (c, self.shares(of: g.polygons)) }
            }
            for part in parts {
                for (c, list) in try part.get() { shares[c] += list }
            }
        }

        /// The cells of this lattice that `polygons` cover, with their shares.
        func shares(of polygons: [Polygon]) -> [(cell: Int, share: Double)] {
            var out: [(cell: Int, share: Double)] = []
            var cursor = 0
            var currentRow = Int.min
            coverage.forEachCoveredCell(of: polygons) { column, row, share in
                let key = Int64(row) << 32 + Int64(column)
                if row != currentRow {
                    currentRow = row
                    cursor = keys.firstIndex(notBelow: key)
                }
                while cursor < keys.count, keys[cursor] < key { cursor += 1 }
                // Several cells at one square (a file that repeats an id) each get the share.
                var k = cursor
                while k < keys.count, keys[k] == key {
                    out.append((Int(cells[k]), share))
                    k += 1
                }
            }
            return out
        }

        /// The WGS84 extent of the lattice's cells (their corners and edge midpoints), widened by a
        /// cell; nil when it has no cell.
        func extentWGS84(_ grid: GridPopulation) throws -> BoundingBox? {
            guard !cells.isEmpty else { return nil }
            var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
            for k in cells {
                let c = Int(k)
                minX = min(minX, grid.cornerX[c]); minY = min(minY, grid.cornerY[c])
                maxX = max(maxX, grid.cornerX[c] + grid.side[c]); maxY = max(maxY, grid.cornerY[c] + grid.side[c])
            }
            let s = coverage.size
            minX -= s; minY -= s; maxX += s; maxY += s
            var ring: [Coordinate] = []
            for t in stride(from: 0.0, through: 1.0, by: 0.125) {
                ring += [Coordinate(x: minX + t * (maxX - minX), y: minY), Coordinate(x: minX + t * (maxX - minX), y: maxY),
                         Coordinate(x: minX, y: minY + t * (maxY - minY)), Coordinate(x: maxX, y: minY + t * (maxY - minY))]
            }
            try CoordinateTransformer.shared(from: crs, to: .wgs84).transform(&ring)
            return Geometry.lineString(ring).boundingBox
        }
    }
}
