import Foundation
import GeoCore
import GeoIO
import GEOSBridge
import GeoHealthKit
import Projection

/// The benchmark's binding job: area (m²) and point on surface of polygons measured through
/// GEOS (the study itself measures in pure Swift: ``AreaMeasure``), in a metric CRS.
///
/// The polygons are projected once, ring by ring with batch PROJ calls, converted to GEOS once,
/// and measured there. ``measureFiles(_:idField:crs:)`` does one file per task in parallel, each
/// thread with its own GEOS and PROJ contexts (the reentrant APIs demand it).
enum BindingAreaJob {
    struct Measured: Sendable {
        var file: String
        var crs: CRS
        var ids: [String]
        /// Square metres in `crs`.
        var areas: [Double]
        /// Point on surface, in `crs`.
        var points: [Coordinate]

        var totalArea: Double { areas.reduce(0, +) }
    }

    /// The metric CRS for a set of commune codes and their lon/lat extent: the département's
    /// CRS when the codes name one, otherwise the CRS for the extent (DESIGN.md, "Metric CRS").
    static func metricCRS(ids: [String], box: BoundingBox) -> CRS {
        if let first = ids.first, let crs = MetricCRS.forDepartment(MetricCRS.department(ofCommune: first)) {
            let department = MetricCRS.department(ofCommune: first)
            if ids.allSatisfy({ MetricCRS.department(ofCommune: $0) == department }) { return crs }
        }
        return MetricCRS.forExtent(box)
    }

    /// Projects `geometries` (WGS84) to `crs` and measures them.
    static func measure(_ geometries: [Geometry], crs: CRS) throws -> (areas: [Double], points: [Coordinate]) {
        let transformer = try CoordinateTransformer.shared(from: .wgs84, to: crs)
        let context = GEOSContext.current
        var areas: [Double] = []
        var points: [Coordinate] = []
        areas.reserveCapacity(geometries.count)
        points.reserveCapacity(geometries.count)
        for var geometry in geometries {
            try transformer.transform(&geometry)
            let native = try context.geometry(geometry)
            areas.append(try native.area())
            points.append(try native.pointOnSurface() ?? Coordinate(x: .nan, y: .nan))
        }
        return (areas, points)
    }

    /// Reads each polygon file, projects it to its metric CRS (or `crs` when given) and measures
    /// it; files are processed in parallel. Results come back in the order of `urls`.
    static func measureFiles(_ urls: [URL], idField: String = "code", crs: CRS? = nil) throws -> [Measured] {
        try urls.concurrentMap { try measureFile($0, idField: idField, crs: crs) }.map { try $0.get() }
    }

    static func measureFile(_ url: URL, idField: String, crs: CRS?) throws -> Measured {
        var ids: [String] = []
        var geometries: [Geometry] = []
        var box = BoundingBox.empty
        _ = try LayerReader.read(url) { i, feature in
            guard let geometry = feature.geometry, geometry.isPolygonal else {
                throw InputError(file: url.relativePath, feature: i, message: "not a polygon (\(feature.geometry?.typeName ?? "null"))")
            }
            ids.append(feature.value(of: idField)?.stringValue ?? "#\(i)")
            box.extend(geometry.boundingBox)
            geometries.append(geometry)
        }
        let target = crs ?? metricCRS(ids: ids, box: box)
        let (areas, points) = try measure(geometries, crs: target)
        return Measured(file: url.relativePath, crs: target, ids: ids, areas: areas, points: points)
    }
}
