import Foundation
import Accessibility
import GeoCore
import GeoIO
import Projection

extension RoadLayer {
    /// A line layer's roads (GeoJSON, GeoPackage, Shapefile), its features' properties read as tags.
    static func readLines(_ url: URL, crs: CRS, profile: CarProfile) throws -> Result {
        let transformer = try CoordinateTransformer.shared(from: .wgs84, to: crs)
        var assembly = RoadAssembly()
        var skipped: [String] = []
        var byClass: [String: Int] = [:]
        var refused: [CarProfile.Refusal: Int] = [:]
        _ = try LayerReader.read(url) { i, feature in
            let lines: [[Coordinate]]
            switch feature.geometry {
            case .lineString(let c): lines = [c]
            case .multiLineString(let parts): lines = parts
            case nil: skipped.append("feature \(i): no geometry"); return
            case .some(let g): skipped.append("feature \(i): a \(g.typeName) is not a road line"); return
            }
            let props = feature.properties
            let decision = profile.decide({ tag(props, $0) }, anyClass: props["highway"] == nil)
            guard case .kept(let road) = decision else {
                if case .refused(let reason) = decision { refused[reason, default: 0] += 1 }
                return
            }
            var used = false
            for line in lines {
                var projected = line
                do { try transformer.transform(&projected) } catch {
                    // Longitude/latitude out of range (a file declared in EPSG:4326 holding metres): a data error.
                    throw InputError(file: url.relativePath, feature: i, message: "cannot project the road to \(crs): \(error)")
                }
                let length = zip(projected, projected.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
                guard length > 0 else { continue }
                assembly.add(projected, nodeIDs: nil, road: road)
                used = true
            }
            if used { byClass[road.roadClass.isEmpty ? "unknown" : road.roadClass, default: 0] += 1 } else { skipped.append("feature \(i): zero length") }
        }
        return try finish(assembly, file: url, skipped: skipped, byClass: byClass, refused: refused, nodesMissing: 0)
    }

    /// A feature's property as an OSM tag: `highway` falls back on BD TOPO's `nature`, `maxspeed`
    /// on `speed` and `vitesse`; numbers and booleans as text (`50`, `true`).
    static func tag(_ props: Properties, _ key: String) -> String? {
        switch key {
        case "highway": return props["highway"]?.stringValue ?? props["nature"]?.stringValue
        case "maxspeed": return ["maxspeed", "speed", "vitesse"].lazy.compactMap { props[$0]?.stringValue }.first
        default: return props[key]?.stringValue
        }
    }
}
