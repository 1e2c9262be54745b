import Foundation
import GeoCore
import GeoHealthKit

/// `GeoHealthBench roads FILE`: reads a road file (an `.osm.pbf`: libosmium's two passes, the
/// car profile, projection to Lambert-93, urban cells) as `--roads` does, and prints what was
/// kept and the time; peak memory is measured from outside (`/usr/bin/time -v`).
func benchRoads(_ file: URL) throws {
    let start = Date()
    let layer = try RoadLayer.read(file, crs: .lambert93)
    let seconds = Date().timeIntervalSince(start)
    let vertices = layer.roads.reduce(0) { $0 + $1.coordinates.count }
    print("job: roads (read, car profile, EPSG:2154, urban cells)")
    print("file: \(file.relativePath)\nways kept: \(layer.byClass.values.reduce(0, +))\nroads: \(layer.roads.count)\nvertices: \(vertices)")
    print("ways refused: " + layer.refused.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
    print("nodes missing: \(layer.nodesMissing)\nsegments urban: \(layer.urbanSegments)\nsegments rural: \(layer.ruralSegments)")
    print("seconds: \(String(format: "%.3f", seconds))")
}
