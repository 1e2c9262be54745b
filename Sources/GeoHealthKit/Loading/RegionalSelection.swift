import Foundation
import GeoCore
import GeoIO
import GEOSBridge
import Projection

/// A regional study cut out of a national layer: the communes of the chosen départements, and
/// around them a **buffer** of the communes within `bufferKm`, whose residents and sites take
/// part in the catchments but are not reported (``Study/studyArea``). Without the buffer, a
/// hospital just across the border would see only the study area's residents and get an
/// absurd supply-to-demand ratio, and residents near the border would lose the sites beyond it.
///
/// The default buffer, 50 km, is about twice the straight-line reach of a 30-minute catchment
/// at the default speed and detour (30 min × 60 km/h ÷ 1.3 ≈ 23 km): a site within reach of
/// the study area has its own catchment complete. Distance is measured in each commune's metric
/// CRS between polygons (GEOS, STRtree of the study area's communes).
package enum RegionalSelection {
    package struct Result: Sendable {
        package var areas: [Area]
        package var studyArea: [Bool]
        package var summary: Properties
    }

    package static let defaultBufferKm = 50.0

    package static func select(_ areas: [Area], departements: [String], bufferKm: Double) throws -> Result {
        let wanted = Set(departements)
        let inside = areas.map { wanted.contains(MetricCRS.department(ofCommune: $0.id)) }
        let found = Set(areas.indices.filter { inside[$0] }.map { MetricCRS.department(ofCommune: areas[$0].id) })
        let missing = departements.filter { !found.contains($0) }
        guard missing.isEmpty else {
            let known = Set(areas.map { MetricCRS.department(ofCommune: $0.id) }).sorted()
            throw ParameterError(
                .contradicted,
                "\(.departements): no commune of \(missing.joined(separator: ", ")); the communes are in \(known.prefix(120).joined(separator: ", "))")
        }
        var keep = inside
        if bufferKm > 0 {
            Progress.report("finding the communes within \(NumberFormatting.string(bufferKm, precision: 1)) km of the study area…")
            let crsOf = areas.indices.map { ProjectedStudy.crs(ofID: areas[$0].id, geometry: areas[$0].geometry, forced: nil) }
            let context = GEOSContext.current
            for crs in Set(areas.indices.filter { inside[$0] }.map { crsOf[$0] }) {
                let transformer = try CoordinateTransformer.shared(from: .wgs84, to: crs)
                let core = areas.indices.filter { inside[$0] && crsOf[$0] == crs }
                let natives = try core.map { try context.geometry(transformer.transformed(areas[$0].geometry)) }
                let tree = try SpatialIndex(natives, context: context)
                // Cheap filter in degrees first (1° of latitude ≈ 111 km; longitude shrinks with cos φ).
                var box = BoundingBox.empty
                for i in core { box.extend(areas[i].geometry.boundingBox) }
                let dLat = bufferKm / 111, dLon = bufferKm / (111 * cos(max(abs(box.minY), abs(box.maxY)) * .pi / 180))
                let wide = BoundingBox(minX: box.minX - dLon, minY: box.minY - dLat, maxX: box.maxX + dLon, maxY: box.maxY + dLat)
                for i in areas.indices where !inside[i] && crsOf[i] == crs && areas[i].geometry.boundingBox.intersects(wide) {
                    let candidate = try context.geometry(transformer.transformed(areas[i].geometry))
                    let envelope = try candidate.envelope().expanded(by: bufferKm * 1000)
                    for k in try tree.query(envelope) where try natives[k].distance(to: candidate) <= bufferKm * 1000 {
                        keep[i] = true
                        break
                    }
                }
            }
        }
        let selected = areas.indices.filter { keep[$0] }
        let buffer = selected.filter { !inside[$0] }
        let summary = Properties([
            ("departements", .strings(departements)),
            ("communes", .int(selected.count - buffer.count)),
            ("population", .headCount(selected.filter { inside[$0] }.reduce(0) { $0 + (areas[$1].population ?? 0) })),
            ("buffer_km", .fixed(bufferKm, 1)),
            ("buffer_communes", .int(buffer.count)),
            ("buffer_population", .headCount(buffer.reduce(0) { $0 + (areas[$1].population ?? 0) })),
        ])
        return Result(areas: selected.map { areas[$0] }, studyArea: selected.map { inside[$0] }, summary: summary)
    }
}
