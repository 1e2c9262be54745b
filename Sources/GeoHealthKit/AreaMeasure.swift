import Dispatch
import Foundation
import GeoCore
import Projection
import Synchronization

/// An area's surface (m²) and point on surface in a metric CRS (``PlanarMeasures``, equal to
/// GEOS's), computed once: ``ProjectedStudy`` computes them for every area, and the study loader
/// computes them ahead, while it joins the populations, when the command asks it to
/// (``StudySources/measureAhead``).
public struct AreaMeasure: Sendable, Equatable {
    public var crs: CRS
    public var surface: Double
    public var point: Coordinate

    /// The geometry projected with `transformer` (from WGS84 to `crs`) and its measures.
    static func measure(_ geometry: Geometry, crs: CRS, transformer: CoordinateTransformer) throws -> (Geometry, AreaMeasure) {
        let projected = try transformer.transformed(geometry)
        let point = PlanarMeasures.interiorPoint(projected) ?? projected.boundingBox.center
        return (projected, AreaMeasure(crs: crs, surface: PlanarMeasures.area(projected), point: point))
    }

    /// Every area projected to its CRS and measured, in parallel chunks (one PROJ transformation
    /// per thread and CRS). Areas whose measure is `known` in the same CRS are not projected
    /// again; projected polygons are only returned with `keepGeometries` (else empty).
    static func measure(_ areas: [Area], crs: [CRS], keepGeometries: Bool = false, known: [AreaMeasure?]? = nil) throws -> [(geometry: Geometry, measure: AreaMeasure)] {
        let chunks = stride(from: 0, to: areas.count, by: 256).map { $0..<min($0 + 256, areas.count) }
        return try chunks.concurrentMap { chunk -> [(geometry: Geometry, measure: AreaMeasure)] in
            var transformer: CoordinateTransformer?  // one thread-cache look-up per chunk and CRS
            return try chunk.map { i in
                if let m = known?[i], m.crs == crs[i] { return (.multiPolygon([]), m) }
                if transformer?.target != crs[i] { transformer = try CoordinateTransformer.shared(from: .wgs84, to: crs[i]) }
                let (projected, m) = try measure(areas[i].geometry, crs: crs[i], transformer: transformer!)
                return (keepGeometries ? projected : .multiPolygon([]), m)
            }
        }.flatMap { try $0.get() }
    }
}

/// The measures of some areas computed on a background thread; ``wait()`` returns them
/// (or the error: the caller then projects as usual and meets it there).
final class MeasuresAhead: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Result<[AreaMeasure], any Error>?>(nil)

    init(_ areas: [Area], crs forced: CRS?) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let r = Result { try AreaMeasure.measure(areas, crs: areas.map { ProjectedStudy.crs(of: $0, forced: forced) }).map(\.measure) }
            result.withLock { $0 = r }
            done.signal()
        }
    }

    /// The measures, once computed; nil if computing them failed.
    func wait() -> [AreaMeasure]? {
        done.wait()
        return result.withLock { r in try? r!.get() }
    }
}
