import Foundation
import GeoCore
import GeoIO
import GEOSBridge

/// Reads commune polygons: an id and a name per feature, polygonal geometry, unique ids.
/// Invalid polygons are repaired with GEOS (make-valid, polygonal parts kept) and listed.
/// Validity is proved in pure Swift where it can be (`ValidityCertificate`), else asked of GEOS.
///
/// **Communes with no area are dropped here, once, for every format** (docs/formats.md,
/// "Degenerate geometry"): empty polygons (`[]`, `[[]]`) are removed from a commune's
/// geometry; a commune left with no polygon, or whose polygons enclose no area after repair
/// (collinear or identical points), is dropped, listed with its reason and announced as a
/// warning naming its file and feature. Nothing downstream (metric CRS, point on surface,
/// travel costs) then meets a geometry without a position. A study with no commune left is
/// an error.
package enum AreaLayer {
    package struct Repair: Sendable {
        package var id: String
        package var reason: String
    }

    package struct Layer: Sendable {
        package var areas: [Area]
        package var repairs: [Repair]
        /// Communes dropped for having no area; `reason` names the file and feature.
        package var dropped: [Repair]
        package var warnings: [InputWarning]
    }

    /// Reads several files in parallel and joins them in the order given; an id repeated
    /// across files is an error naming both files.
    package static func read(_ urls: [URL], idField: String, nameField: String) throws -> Layer {
        let results = urls.concurrentMap { try read($0, idField: idField, nameField: nameField) }
        var joined = Layer(areas: [], repairs: [], dropped: [], warnings: [])
        var fileOf: [String: Int] = [:]
        let layers = try (consume results).map { try $0.get() }  // consumed: each layer's areas held once
        let total = layers.reduce(0) { $0 + $1.areas.count }
        fileOf.reserveCapacity(total)
        joined.areas.reserveCapacity(total)
        for (i, result) in layers.enumerated() {
            for a in result.areas.indices {
                let id = result.areas[a].id
                if let other = fileOf.updateValue(i, forKey: id) {
                    throw InputError(file: urls[i].relativePath, field: idField, message: "area id '\(id)' is also in \(urls[other].path)")
                }
            }
            joined.areas += result.areas
            joined.repairs += result.repairs
            joined.dropped += result.dropped
            joined.warnings += result.warnings
        }
        if joined.areas.isEmpty, let first = urls.first {
            throw InputError(
                file: first.relativePath,
                message: "no commune is left: every polygon has no area (dropped: \(joined.dropped.map(\.id).joined(separator: ", ")))")
        }
        return joined
    }

    package static func read(_ url: URL, idField: String, nameField: String) throws -> Layer {
        var areas: [Area] = []
        var featureIndex: [Int] = []
        var dropped: [Repair] = []
        var seen: [String: Int] = [:]
        let summary = try LayerReader.read(url) { i, feature in
            guard let id = feature.value(of: idField)?.stringValue, !id.isEmpty else {
                throw InputError(file: url.relativePath, feature: i, field: idField, wording: "missing area id (choose the field with \(.areaIdField))")
            }
            if let first = seen[id] {
                throw InputError(file: url.relativePath, feature: i, field: idField, message: "duplicate area id '\(id)' (first at feature \(first))")
            }
            seen[id] = i
            guard let geometry = feature.geometry, geometry.isPolygonal else {
                let found = feature.geometry?.typeName ?? "null"
                throw InputError(file: url.relativePath, feature: i, message: "area '\(id)' has a \(found) geometry; areas must be Polygon or MultiPolygon")
            }
            guard let kept = geometry.withoutEmptyPolygons else {
                dropped.append(Repair(id: id, reason: "\(url.relativePath): feature \(i): empty \(geometry.typeName)"))
                return
            }
            var attributes = feature.properties
            attributes[idField] = nil
            let name = feature.properties[nameField]?.stringValue ?? id
            attributes[nameField] = nil
            areas.append(Area(id: id, name: name, geometry: kept, attributes: attributes))
            featureIndex.append(i)
        }
        if areas.isEmpty && dropped.isEmpty { throw InputError(file: url.relativePath, message: "the layer holds no features") }
        var repairs = try repairInvalid(&areas)
        let noArea = dropWithoutArea(&areas, file: url.relativePath, featureIndex: featureIndex)
        if !noArea.isEmpty {
            let ids = Set(noArea.map(\.id))
            repairs.removeAll { ids.contains($0.id) }  // dropped, not repaired
            dropped += noArea
        }
        for d in dropped { Progress.warn("commune '\(d.id)' dropped: \(d.reason)") }
        return Layer(areas: areas, repairs: repairs, dropped: dropped, warnings: summary.warnings)
    }

    /// Whether a polygon's exterior ring encloses an area: its signed area exceeds 10⁻¹² of its
    /// box's squared diagonal. Positions on one line give an area of rounding noise (about
    /// 10⁻¹⁶ of it); the thinnest real commune is many orders of magnitude above the bound.
    static func enclosesArea(_ polygon: Polygon) -> Bool {
        guard !polygon.isEmpty else { return false }
        var box = BoundingBox.empty
        for c in polygon.exterior { box.extend(c) }
        let scale = box.width * box.width + box.height * box.height
        return abs(Ring.signedArea(polygon.exterior)) > 1e-12 * scale
    }

    /// Removes the areas whose polygons enclose no area once repaired (all positions on one
    /// line, or one position repeated: GEOS's make-valid leaves no polygon, or a ring whose
    /// area is rounding noise: ``enclosesArea(_:)``) and returns them with their file and feature.
    static func dropWithoutArea(_ areas: inout [Area], file: String, featureIndex: [Int]) -> [Repair] {
        var dropped: [Repair] = []
        var keep: [Bool] = []
        keep.reserveCapacity(areas.count)
        for i in areas.indices {
            let hasArea = areas[i].geometry.polygons.contains(where: enclosesArea)
            keep.append(hasArea)
            if !hasArea {
                dropped.append(
                    Repair(id: areas[i].id, reason: "\(file): feature \(featureIndex[i]): the polygon has no area (its positions are on one line or repeated)"))
            }
        }
        guard !dropped.isEmpty else { return [] }
        var kept: [Area] = []
        kept.reserveCapacity(areas.count - dropped.count)
        for i in areas.indices where keep[i] { kept.append(areas[i]) }
        areas = kept
        return dropped
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
