import Foundation
import GeoCore
import Projection

/// An area's surface (m²) and point on surface in a metric CRS (``PlanarMeasures``, equal to
/// GEOS's), computed once: ``ProjectedStudy`` computes them for every area, and the study loader
/// computes them ahead, while it joins the populations, when the command asks it to
/// (``StudySources/measureAhead``).
package struct AreaMeasure: Sendable, Equatable {
    package var crs: CRS
    package var surface: Double
    package var point: Coordinate

    /// The measures of a polygon already projected to `crs`.
    package static func measures(ofProjected projected: Geometry, crs: CRS) -> AreaMeasure {
        let point = PlanarMeasures.interiorPoint(projected) ?? projected.boundingBox.center
        return AreaMeasure(crs: crs, surface: PlanarMeasures.area(projected), point: point)
    }

    /// Every area projected to its CRS and measured, in parallel chunks of consecutive areas
    /// (one PROJ transformation per thread and CRS; one PROJ call per chunk and CRS, each
    /// boundary position shared by neighbours projected once:
    /// ``CoordinateTransformer/transformed(_:from:to:)``).
    /// Areas whose measure is `known` in the same CRS are not projected again (nor, with
    /// `keepGeometries`, when their projected polygon is in `knownGeometries` too); projected
    /// polygons are only returned with `keepGeometries` (else empty).
    package static func measure(_ geometries: [Geometry], crs: [CRS], keepGeometries: Bool = false,
                                known: [AreaMeasure?]? = nil, knownGeometries: [Geometry?]? = nil) throws -> [(geometry: Geometry, measure: AreaMeasure)] {
        // Chunks of about three départements: neighbours mostly fall in one chunk.
        let size = 1024
        let chunks = stride(from: 0, to: geometries.count, by: size).map { $0..<min($0 + size, geometries.count) }
        // Every pair looked up in PROJ's database here, on one thread: each thread's PROJ context
        // opens the database anew, and the workers then build theirs from the pipelines found.
        for target in Set(crs) { _ = try? CoordinateTransformer.shared(from: .wgs84, to: target) }
        return try chunks.concurrentMap { chunk -> [(geometry: Geometry, measure: AreaMeasure)] in
            var done = [(geometry: Geometry, measure: AreaMeasure)?](repeating: nil, count: chunk.count)
            var todo: [Int] = []
            for i in chunk {
                if let m = known?[i], m.crs == crs[i] {
                    if !keepGeometries {
                        done[i - chunk.lowerBound] = (.multiPolygon([]), m)
                        continue
                    } else if let g = knownGeometries?[i] {
                        done[i - chunk.lowerBound] = (g, m)
                        continue
                    }
                }
                todo.append(i)
            }
            let projected = try CoordinateTransformer.transformed(todo.map { geometries[$0] }, from: .wgs84, to: todo.map { crs[$0] })
            for (i, g) in zip(todo, projected) {
                done[i - chunk.lowerBound] = (keepGeometries ? g : .multiPolygon([]), measures(ofProjected: g, crs: crs[i]))
            }
            return done.map { $0! }
        }.flatMap { try $0.get() }
    }
}

extension AreaMeasure {
    /// Starts measuring `areas` as they are now on a background thread (the loader computes
    /// them while it joins the populations), keeping their projected polygons with
    /// `keepGeometries` (else `geometries` is empty); an error is the caller's to meet again
    /// when it projects as usual. Only their ids and polygons are kept (not the array: the
    /// caller's join then changes its areas in place rather than a copy).
    static func measureInBackground(_ areas: [Area], crs forced: CRS?,
                                    keepGeometries: Bool = false) -> Background<(measures: [AreaMeasure], geometries: [Geometry])> {
        let ids = areas.indices.map { areas[$0].id }, geometries = areas.indices.map { areas[$0].geometry }
        return Background {
            let crs = ids.indices.map { ProjectedStudy.crs(ofID: ids[$0], geometry: geometries[$0], forced: forced) }
            let measured = try AreaMeasure.measure(geometries, crs: crs, keepGeometries: keepGeometries)
            return (measured.map(\.measure), keepGeometries ? measured.map(\.geometry) : [])
        }
    }
}
