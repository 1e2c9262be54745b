import Foundation
import GeoCore
import GeoIO
import GEOSBridge

/// Reads commune polygons: an id and a name per feature, polygonal geometry, unique ids.
/// Invalid polygons are repaired with GEOS (make-valid, polygonal parts kept) and listed.
/// Validity is proved in pure Swift where it can be (`ValidityCertificate`), else asked of GEOS.
public enum AreaLayer {
    public struct Repair: Sendable {
        public var id: String
        public var reason: String
    }

    /// Reads several files in parallel and joins them in the order given; an id repeated
    /// across files is an error naming both files.
    public static func read(_ urls: [URL], idField: String, nameField: String) throws -> (areas: [Area], repairs: [Repair], warnings: [InputWarning]) {
        let results = urls.concurrentMap { try read($0, idField: idField, nameField: nameField) }
        var areas: [Area] = [], repairs: [Repair] = [], warnings: [InputWarning] = []
        var fileOf: [String: Int] = [:]
        let layers = try results.map { try $0.get() }
        for (i, result) in layers.enumerated() {
            for a in result.areas.indices {
                let id = result.areas[a].id
                if let other = fileOf.updateValue(i, forKey: id) {
                    throw InputError(file: urls[i].relativePath, field: idField, message: "area id '\(id)' is also in \(urls[other].path)")
                }
            }
            areas += result.areas
            repairs += result.repairs
            warnings += result.warnings
        }
        return (areas, repairs, warnings)
    }

    public static func read(_ url: URL, idField: String, nameField: String) throws -> (areas: [Area], repairs: [Repair], warnings: [InputWarning]) {
        var areas: [Area] = []
        var seen: [String: Int] = [:]
        let summary = try LayerReader.read(url) { i, feature in
            guard let id = feature.value(of: idField)?.stringValue, !id.isEmpty else {
                throw InputError(file: url.relativePath, feature: i, field: idField, message: "missing area id (choose the field with --area-id)")
            }
            if let first = seen[id] {
                throw InputError(file: url.relativePath, feature: i, field: idField, message: "duplicate area id '\(id)' (first at feature \(first))")
            }
            seen[id] = i
            guard let geometry = feature.geometry, geometry.isPolygonal else {
                let found = feature.geometry?.typeName ?? "null"
                throw InputError(file: url.relativePath, feature: i, message: "area '\(id)' has a \(found) geometry; areas must be Polygon or MultiPolygon")
            }
            var attributes = feature.properties
            attributes[idField] = nil
            let name = feature.properties[nameField]?.stringValue ?? id
            attributes[nameField] = nil
            areas.append(Area(id: id, name: name, geometry: geometry, attributes: attributes))
        }
        if areas.isEmpty { throw InputError(file: url.relativePath, message: "the layer holds no features") }
        let repairs = try repairInvalid(&areas)
        return (areas, repairs, summary.warnings)
    }

    /// Repairs invalid geometries in place and says which and why. Geometries the pure-Swift
    /// `ValidityCertificate` proves valid (nearly all communes) are not handed to GEOS.
    static func repairInvalid(_ areas: inout [Area]) throws -> [Repair] {
        let context = GEOSContext.current
        var certificate = ValidityCertificate()
        var repairs: [Repair] = []
        for i in areas.indices where !certificate.certifies(areas[i].geometry) {
            let native = try context.geometry(areas[i].geometry)
            guard try !native.isValid() else { continue }
            let reason = try native.validityReason()
            let fixed = try native.makeValid().geometry().polygons
            areas[i].geometry = fixed.count == 1 ? .polygon(fixed[0]) : .multiPolygon(fixed)
            repairs.append(Repair(id: areas[i].id, reason: reason))
        }
        return repairs
    }
}
