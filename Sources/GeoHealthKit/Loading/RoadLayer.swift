import Foundation
import Accessibility
import GeoCore
import GeoIO
import Projection

/// Reads a road network from GeoJSON lines (an OSM extract, a BD TOPO export, the synthetic roads).
///
/// Speed of a road, first that applies: a numeric `maxspeed` (or `speed`, `vitesse`) property
/// (`80`, `50 mph`, `FR:rural`…), else the ``SpeedTable`` speed of its `highway` class (or
/// `nature`, as in BD TOPO). Direction: `oneway` = `yes`/`true`/`1` → along the line,
/// `-1`/`reverse` → against it; `junction=roundabout` implies along the line; otherwise both ways.
///
/// Features that cannot be roads are not used and are listed, never dropped silently: non-line
/// geometries (points, polygons), null geometries, and lines of zero length.
package enum RoadLayer {
    package struct Result: Sendable {
        package var roads: [RoadNetwork.Road]
        /// "feature N: why", for every feature not used.
        package var skipped: [String]
        package var byClass: [String: Int]
    }

    package static func read(_ url: URL, crs: CRS, speeds: SpeedTable = SpeedTable()) throws -> Result {
        let transformer = try CoordinateTransformer.shared(from: .wgs84, to: crs)
        var roads: [RoadNetwork.Road] = []
        var skipped: [String] = []
        var byClass: [String: Int] = [:]
        _ = try LayerReader.read(url) { i, feature in
            let lines: [[Coordinate]]
            switch feature.geometry {
            case .lineString(let c): lines = [c]
            case .multiLineString(let parts): lines = parts
            case nil: skipped.append("feature \(i): no geometry"); return
            case .some(let g): skipped.append("feature \(i): a \(g.typeName) is not a road line"); return
            }
            let props = feature.properties
            let highway = props["highway"]?.stringValue ?? props["nature"]?.stringValue
            let posted = ["maxspeed", "speed", "vitesse"].lazy.compactMap { props[$0] }.first
            let kmh = posted.flatMap { $0.doubleValue ?? $0.stringValue.flatMap(SpeedTable.parseMaxspeed) } ?? speeds.speed(forClass: highway)
            guard kmh > 0, kmh.isFinite else {
                throw InputError(file: url.relativePath, feature: i, field: "maxspeed", message: "speed \(kmh) km/h is not positive")
            }
            let oneway = props["oneway"]?.stringValue?.lowercased()
            var direction: RoadNetwork.Direction = .both
            if ["yes", "true", "1"].contains(oneway ?? "") || props["junction"]?.stringValue == "roundabout" { direction = .forward }
            if ["-1", "reverse"].contains(oneway ?? "") { direction = .backward }
            var used = false
            for line in lines {
                var projected = line
                do { try transformer.transform(&projected) } catch {
                    // Longitude/latitude out of range (a file declared in EPSG:4326 holding metres): a data error.
                    throw InputError(file: url.relativePath, feature: i, message: "cannot project the road to \(crs): \(error)")
                }
                let length = zip(projected, projected.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
                guard length > 0 else { continue }
                roads.append(RoadNetwork.Road(coordinates: projected, kmh: kmh, direction: direction))
                used = true
            }
            if used { byClass[highway ?? "unknown", default: 0] += 1 } else { skipped.append("feature \(i): zero length") }
        }
        if roads.isEmpty { throw InputError(file: url.relativePath, message: "no road line in the file") }
        return Result(roads: roads, skipped: skipped, byClass: byClass)
    }

    /// A speed table file: CSV `highway,kmh` rows overriding the defaults.
    package static func speeds(from url: URL) throws -> SpeedTable {
        let table = try CSVTable.read(contentsOf: url)
        let cls = try table.column("highway"), value = try table.column("kmh")
        var speeds = SpeedTable()
        for (r, row) in table.rows.enumerated() {
            guard let v = Double(row[value]), v > 0, v.isFinite else {
                throw InputError(file: table.file, line: table.lineNumbers[r], field: "kmh", message: "'\(row[value])' is not a positive speed")
            }
            speeds.kmh[row[cls]] = v
        }
        return speeds
    }
}
