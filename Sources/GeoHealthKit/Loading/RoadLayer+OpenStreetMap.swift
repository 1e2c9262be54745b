import Foundation
import Accessibility
import GeoCore
import GeoIO
import OpenStreetMap
import Projection

extension RoadLayer {
    /// An OpenStreetMap file's roads: libosmium's two passes (``OpenStreetMap/OSMReader``), the
    /// profile asked first on the tags alone, then each kept way cut where its nodes are missing
    /// (docs/roads.md §1 rule 5), projected, and keyed by its OSM node ids.
    static func readOpenStreetMap(_ url: URL, crs: CRS, profile: CarProfile) throws -> Result {
        let transformer = try CoordinateTransformer.shared(from: .wgs84, to: crs)
        var assembly = RoadAssembly()
        var byClass: [String: Int] = [:]
        var refused: [CarProfile.Refusal: Int] = [:]
        let counts: OSMReader.Counts
        do {
            counts = try OSMReader.readWays(url, keep: { tags in
                guard let reason = profile.refusal({ tags[$0] }) else { return true }
                refused[reason, default: 0] += 1
                return false
            }) { way in
                guard case .kept(let road) = profile.decide({ way.tags[$0] }) else { return }
                let parts = way.locatedParts
                if parts.isEmpty { refused[.tooFewNodes, default: 0] += 1; return }
                for part in parts {
                    var projected = part.coordinates
                    do { try transformer.transform(&projected) } catch {
                        throw InputError(file: url.relativePath, message: "way \(way.id): cannot project it to \(crs): \(error)")
                    }
                    assembly.add(projected, nodeIDs: part.nodeIDs, road: road)
                }
                byClass[road.roadClass, default: 0] += 1
            }
        } catch let error as OSMError {
            throw InputError(file: error.file, message: "cannot read the OpenStreetMap file: \(error.message)")
        }
        return try finish(assembly, file: url, skipped: [], byClass: byClass, refused: refused, nodesMissing: counts.nodesMissing)
    }
}
