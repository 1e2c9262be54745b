import CPROJ
import Foundation
import GeoCore
import Synchronization

/// Transforms coordinates between two CRSs with PROJ, in whole buffers (`proj_trans_generic`).
///
/// Axis order is normalised for visualisation (`proj_normalize_for_visualization`): geographic
/// coordinates are always longitude first, as in GeoJSON, whatever EPSG's order.
///
/// When PROJ's operation is its pipeline "degrees to radians, then one projection step" (every
/// metric CRS of GeoHealth from WGS84: `+proj=unitconvert +xy_in=deg +xy_out=rad`, then `lcc` or
/// `utm`), the positions are multiplied by PROJ's own factor (`DEG_TO_RAD`, what `unitconvert`
/// multiplies by) and handed to the projection step alone: the same operations in the same
/// order, so the same numbers bit for bit, without the pipeline's per-point dispatch (about a
/// quarter of the time of a national projection; ``ProjectionStep``).
package final class CoordinateTransformer {
    package let source: CRS
    package let target: CRS
    private let pj: OpaquePointer
    /// The projection step alone, taking radians, when the operation is ``ProjectionStep``'s
    /// pipeline; nil otherwise (the whole pipeline is used).
    private let step: OpaquePointer?
    private let context: PROJContext

    /// The transformer PROJ's database gives for the pair (a look-up of milliseconds).
    /// - Parameter stepAlone: use the projection step alone when the pipeline allows it (the
    ///   default); false always runs PROJ's whole pipeline (the tests compare both).
    package init(from source: CRS, to target: CRS, context: PROJContext = .current, stepAlone: Bool = true) throws {
        self.source = source
        self.target = target
        self.context = context
        guard let raw = proj_create_crs_to_crs(context.handle, source.description, target.description, nil) else {
            throw ProjectionError.noTransformation(from: source, to: target, message: context.lastError())
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw ProjectionError.noTransformation(from: source, to: target, message: context.lastError())
        }
        pj = normalized
        step = stepAlone ? Self.projectionStep(of: Self.pipeline(of: normalized, context: context), context: context) : nil
    }

    /// A transformer from a PROJ pipeline string already resolved for this pair (no look-up
    /// in PROJ's database); nil when PROJ does not accept it.
    private init?(from source: CRS, to target: CRS, pipeline: String, context: PROJContext) {
        guard let made = proj_create(context.handle, pipeline) else {
            _ = context.lastError()
            return nil
        }
        self.source = source
        self.target = target
        self.context = context
        pj = made
        step = Self.projectionStep(of: pipeline, context: context)
    }

    /// The projection step of `pipeline` made alone, when `pipeline` is ``ProjectionStep``'s form.
    private static func projectionStep(of pipeline: String?, context: PROJContext) -> OpaquePointer? {
        guard let text = pipeline.flatMap(ProjectionStep.init(forward:))?.step else { return nil }
        guard let made = proj_create(context.handle, text) else {
            _ = context.lastError()
            return nil
        }
        return made
    }

    /// The operation as PROJ writes it (`proj_as_proj_string`, PROJ 5 format), nil when PROJ
    /// cannot write it so.
    package var pipeline: String? { Self.pipeline(of: pj, context: context) }

    private static func pipeline(of pj: OpaquePointer, context: PROJContext) -> String? {
        guard let text = proj_as_proj_string(context.handle, pj, PJ_PROJ_5, nil) else {
            _ = context.lastError()
            return nil
        }
        return String(cString: text)
    }

    /// Pipelines resolved once per process and CRS pair, shared by all threads.
    private static let pipelines = Mutex<[String: String]>([:])

    deinit {
        proj_destroy(pj)
        if let step { proj_destroy(step) }
    }

    /// The calling thread's transformer from `source` to `target`, made once per thread and
    /// kept: building one looks the CRSs up in PROJ's SQLite database (milliseconds), so a loop
    /// over chunks must not build one per chunk, and only the first thread does the look-up
    /// (the others build the same pipeline from its PROJ string). Use it on the calling thread only.
    package static func shared(from source: CRS, to target: CRS) throws -> CoordinateTransformer {
        let dictionary = Thread.current.threadDictionary
        let cache: TransformerCache
        if let c = dictionary[TransformerCache.key] as? TransformerCache { cache = c } else {
            cache = TransformerCache()
            dictionary[TransformerCache.key] = cache
        }
        let key = "\(source.description)>\(target.description)"
        if let t = cache.transformers[key] { return t }
        // The first thread resolves the pair through PROJ's database and keeps its pipeline;
        // the other threads build theirs from that string (the same operation, no SQLite).
        // Back to longitude/latitude from a CRS whose forward operation is a projection step
        // alone: its inverse, with no look-up (``ProjectionStep/inverse``).
        // One look-up at a time: threads that start together (the first chunks of a national
        // projection) wait for the first one's pipeline instead of each searching the database.
        let t = try fromKnownPipeline(source, target, key) ?? resolution.withLock { _ in
            if let resolved = fromKnownPipeline(source, target, key) { return resolved }
            let made = try CoordinateTransformer(from: source, to: target)
            if let text = made.pipeline { pipelines.withLock { $0[key] = text } }
            return made
        }
        cache.transformers[key] = t
        return t
    }

    /// Held while a pair is looked up in PROJ's database (``shared(from:to:)``).
    private static let resolution = Mutex<Void>(())

    /// A transformer built from the pipeline this process already knows for the pair, if any.
    private static func fromKnownPipeline(_ source: CRS, _ target: CRS, _ key: String) -> CoordinateTransformer? {
        let known = pipelines.withLock { table in
            table[key] ?? (target == .wgs84 ? table["\(target.description)>\(source.description)"].flatMap(ProjectionStep.init(forward:))?.inverse : nil)
        }
        return known.flatMap { CoordinateTransformer(from: source, to: target, pipeline: $0, context: .current) }
    }

    /// Transforms `coordinates` in place with one PROJ call.
    /// - Throws: `ProjectionError.pointFailed` naming the first coordinate that failed.
    package func transform(_ coordinates: inout [Coordinate]) throws {
        guard !coordinates.isEmpty else { return }
        let n = coordinates.count
        let operation = step ?? pj
        let scale = step == nil ? 1.0 : ProjectionStep.degreesToRadians
        proj_errno_reset(operation)
        // Into a new buffer (scaled on the way for the step alone): the input stays for the message.
        var result = [Coordinate](unsafeUninitializedCapacity: n) { target, initialized in
            coordinates.withUnsafeBufferPointer { source in
                if step == nil {
                    _ = target.initialize(fromContentsOf: source)
                } else {
                    for i in 0..<n { target[i] = Coordinate(source[i].x * scale, source[i].y * scale) }
                }
            }
            initialized = n
        }
        result.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: Double.self)
            let stride = MemoryLayout<Coordinate>.stride
            _ = proj_trans_generic(operation, PJ_FWD, base, stride, n, base + 1, stride, n, nil, 0, 0, nil, 0, 0)
        }
        if let bad = result.firstIndex(where: { !$0.isFinite }) {
            let code = proj_errno(operation)
            let message = code != 0 ? context.lastError() : nil
            proj_errno_reset(operation)
            throw ProjectionError.pointFailed(
                index: bad, coordinate: coordinates[bad], message: message ?? "outside the domain of \(target)")
        }
        coordinates = result
    }

    package func transform(_ c: Coordinate) throws -> Coordinate {
        var a = [c]
        try transform(&a)
        return a[0]
    }

    /// Transforms every coordinate array of the geometry (one PROJ call per ring or line).
    package func transform(_ geometry: inout Geometry) throws {
        try geometry.mutateCoordinateArrays { try transform(&$0) }
    }

    package func transformed(_ geometry: Geometry) throws -> Geometry {
        var g = geometry
        try transform(&g)
        return g
    }

    /// Transforms many geometries with one PROJ call, each distinct position once
    /// (``DistinctPositions``: neighbouring polygons share their boundary positions). Equal bit
    /// for bit to transforming each geometry.
    /// - Throws: the error ``transformed(_:)`` throws for the first geometry that fails.
    package func transformed(_ geometries: [Geometry]) throws -> [Geometry] {
        let distinct = DistinctPositions(geometries)
        var values = distinct.positions
        do {
            try transform(&values)
        } catch {
            for g in geometries { _ = try transformed(g) }
            throw error
        }
        return distinct.rebuild(geometries, from: values)
    }

    /// Each geometry transformed from `source` to its own target CRS (`targets` parallel to
    /// `geometries`): one PROJ call per target present, each distinct position once
    /// (``transformed(_:)-([Geometry])``), with this thread's transformers (``shared(from:to:)``).
    package static func transformed(_ geometries: [Geometry], from source: CRS, to targets: [CRS]) throws -> [Geometry] {
        precondition(geometries.count == targets.count, "CoordinateTransformer.transformed: one target per geometry")
        var groups: [CRS: [Int]] = [:]
        var order: [CRS] = []
        for (i, t) in targets.enumerated() {
            if groups[t] == nil { order.append(t) }
            groups[t, default: []].append(i)
        }
        if order.count == 1 { return try shared(from: source, to: order[0]).transformed(geometries) }
        var result = geometries
        for t in order {
            let members = groups[t]!
            let projected = try shared(from: source, to: t).transformed(members.map { geometries[$0] })
            for (i, g) in zip(members, projected) { result[i] = g }
        }
        return result
    }
}

/// One thread's transformers by CRS pair (``CoordinateTransformer/shared(from:to:)``); kept in
/// the thread dictionary beside the thread's ``PROJContext``, which each transformer retains.
private final class TransformerCache {
    static let key = "org.geohealth.CoordinateTransformerCache"
    var transformers: [String: CoordinateTransformer] = [:]
}
