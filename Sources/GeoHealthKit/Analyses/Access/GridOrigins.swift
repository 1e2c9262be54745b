import Foundation
import Accessibility
import GeoCore
import Projection

/// Where each grid cell's residents start from: the centre of its square (or the point on
/// surface of a polygon cell), in the metric CRS of the partition of the commune that gets most
/// of its residents (``GridAllocation``; Lambert-93 in metropolitan France, each overseas
/// département's own: the communes' rule, ``ProjectedStudy``), or, for a cell in no commune,
/// the CRS its position calls for. Cells are grouped by partition, ascending.
///
/// Squares: their centres go grid CRS → WGS84 → partition CRS in batches of one PROJ call per
/// chunk and CRS, chunks in parallel.
struct GridOrigins {
    struct Partition {
        var crs: CRS
        /// The cells in this partition, ascending.
        var cells: [Int]
        /// Their positions in `crs`, in the order of `cells`.
        var points: [Coordinate]
        /// Their positions in WGS84 (geodesic distances only), else empty.
        var lonLat: [Coordinate]
    }

    var partitions: [Partition]

    static let chunkSize = 65_536

    /// - Parameter home: per cell, the CRS of its main commune's partition (nil: in no commune).
    static func compute(_ grid: GridPopulation, forced: CRS?, keepLonLat: Bool, home: [CRS?]) throws -> GridOrigins {
        let n = grid.cellCount
        let chunks = stride(from: 0, to: n, by: chunkSize).map { $0..<min($0 + chunkSize, n) }
        // Per chunk: each cell's WGS84 position and metric position in its partition's CRS.
        let parts = try chunks.concurrentMap { chunk -> (lonLat: [Coordinate], crs: [CRS], metric: [Coordinate]) in
            var lonLat: [Coordinate]
            if grid.isSquares {
                lonLat = chunk.map { Coordinate(x: grid.cornerX[$0] + grid.side[$0] / 2, y: grid.cornerY[$0] + grid.side[$0] / 2) }
                var byCRS: [UInt8: [Int]] = [:]
                for (n, k) in chunk.enumerated() { byCRS[grid.crsIndex[k], default: []].append(n) }
                for (index, members) in byCRS {
                    var pts = members.map { lonLat[$0] }
                    try CoordinateTransformer.shared(from: grid.crsList[Int(index)], to: .wgs84).transform(&pts)
                    for (m, p) in zip(members, pts) { lonLat[m] = p }
                }
                let crs = zip(chunk, lonLat).map { k, p in forced ?? home[k] ?? MetricCRS.forExtent(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) }
                var metric = lonLat
                var byTarget: [CRS: [Int]] = [:]
                for (m, c) in crs.enumerated() { byTarget[c, default: []].append(m) }
                for (target, members) in byTarget {
                    var pts = members.map { lonLat[$0] }
                    try CoordinateTransformer.shared(from: .wgs84, to: target).transform(&pts)
                    for (m, p) in zip(members, pts) { metric[m] = p }
                }
                return (lonLat, crs, metric)
            }
            let geometries = chunk.map { grid.polygons[$0] }
            let crs = zip(chunk, geometries).map { k, g in forced ?? home[k] ?? MetricCRS.forExtent(g.boundingBox) }
            let measured = try AreaMeasure.measure(geometries, crs: crs).map(\.measure.point)
            lonLat = measured
            for (m, c) in crs.enumerated() { lonLat[m] = try CoordinateTransformer.shared(from: c, to: .wgs84).transform(measured[m]) }
            return (lonLat, crs, measured)
        }.map { try $0.get() }
        var slot: [CRS: Int] = [:]
        var partitions: [Partition] = []
        var k = 0
        for part in parts {
            for m in part.crs.indices {
                let c = part.crs[m]
                let p: Int
                if let known = slot[c] { p = known } else {
                    p = partitions.count
                    slot[c] = p
                    partitions.append(Partition(crs: c, cells: [], points: [], lonLat: []))
                }
                partitions[p].cells.append(k)
                partitions[p].points.append(part.metric[m])
                if keepLonLat { partitions[p].lonLat.append(part.lonLat[m]) }
                k += 1
            }
        }
        partitions.sort { $0.crs.epsg < $1.crs.epsg }
        return GridOrigins(partitions: partitions)
    }
}
