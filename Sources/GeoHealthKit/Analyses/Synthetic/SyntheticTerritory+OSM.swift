import Foundation
import GeoCore
import GeoIO
import OpenStreetMap
import Projection

extension SyntheticTerritory {
    /// Writes the roads as OpenStreetMap data (`roads.osm.pbf`), the format a planner downloads
    /// (Geofabrik, BBBike): the same roads as `roads.geojson`, tagged alike, each vertex an OSM
    /// node (vertices within 1 cm of each other are one node, as the GeoJSON reader merges them),
    /// so that `--roads roads.osm.pbf` and `--roads roads.geojson` build the same graph (to
    /// PBF's 1e-7° positions against GeoJSON's 1e-6°). Written beside, then renamed into place.
    func writeOpenStreetMap(to url: URL) throws {
        var ids: [SIMD2<Int64>: Int64] = [:]
        var positions: [Coordinate] = []
        let ways = roads.map { road in
            road.coordinates.map { c -> Int64 in
                let key = SIMD2(Int64((c.x * 100).rounded()), Int64((c.y * 100).rounded()))
                if let id = ids[key] { return id }
                positions.append(c)
                ids[key] = Int64(positions.count)
                return Int64(positions.count)
            }
        }
        try CoordinateTransformer.shared(from: .lambert93, to: .wgs84).transform(&positions)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let writer = try OSMWriter(temporary)
        for (k, p) in positions.enumerated() { try writer.addNode(id: Int64(k + 1), longitude: p.x, latitude: p.y) }
        for (k, road) in roads.enumerated() {
            var tags: [(key: String, value: String)] = [("highway", road.highway), ("name", road.name)]
            if let speed = road.maxspeed { tags.append(("maxspeed", String(speed))) }
            if road.oneway { tags.append(("oneway", "yes")) }
            try writer.addWay(id: Int64(k + 1), nodeIDs: ways[k], tags: tags)
        }
        try writer.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw InputError(file: url.relativePath, message: "cannot replace the file: \(String(cString: strerror(errno)))")
        }
    }
}
