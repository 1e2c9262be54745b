import Foundation
import GeoCore
import GeoIO
import Projection

extension MapMaker {
    /// The polygons of a layer with the field's values: a number, `unreachable` (the word that
    /// `distance` writes beyond --max-minutes), or missing (null, absent: "no data"); each
    /// polygon already projected to its frame's CRS.
    struct Layer {
        var codes: [String] = [], names: [String] = []
        /// Per feature: its CRS (the forced one, else its département's, else its extent's) and
        /// its polygon projected there.
        var crs: [CRS] = [], projected: [Geometry] = []
        var values: [Double?] = [], unreachable: [Bool] = [], populations: [Double] = []
        /// Features left out for having no polygon (null, empty, or not polygonal).
        var withoutPolygon = 0
    }

    /// Reads the layer and projects its polygons meanwhile: the file is parsed on this thread
    /// (one GeoJSON document), and every 1,024 polygons go to the other cores to be projected
    /// (one PROJ transformation per thread and CRS), so projection hides behind parsing. The
    /// polygons in longitude/latitude are not kept.
    static func readLayer(_ layer: URL, field: String, crs forced: CRS?) throws -> Layer {
        var l = Layer()
        var fieldSeen = false, numericFields = Set<String>()
        var nonNumeric: (Int, String)?
        var pipeline = ProjectionPipeline()
        defer { pipeline.finish() }  // a read error waits for the chunks under way (no thread left at exit)
        var pending: [(Geometry, CRS)] = []
        _ = try LayerReader.read(layer) { i, f in
            guard let g = f.geometry?.withoutEmptyPolygons else { l.withoutPolygon += 1; return }
            for (k, v) in f.properties { if case .number = v { numericFields.insert(k) } }
            let code = f.value(of: "code")?.stringValue ?? "#\(i)"
            l.codes.append(code)
            l.names.append(f.properties["name"]?.stringValue ?? f.properties["nom"]?.stringValue ?? "")
            l.populations.append(f.properties["population"]?.doubleValue ?? 0)
            let crs = ProjectedStudy.crs(ofID: code, geometry: g, forced: forced)
            l.crs.append(crs)
            pending.append((g, crs))
            if pending.count == ProjectionPipeline.chunk {
                pipeline.project(pending)
                pending.removeAll(keepingCapacity: true)
            }
            var value: Double?, unreachable = false
            switch f.properties[field] {
            case nil: break
            case .some(.null): fieldSeen = true
            case .some(.number(let d)) where d.isFinite: fieldSeen = true; value = d
            case .some(.unreachable): fieldSeen = true; unreachable = true
            case .some(let v):
                fieldSeen = true
                if nonNumeric == nil { nonNumeric = (i, v.stringValue ?? v.typeName) }
            }
            l.values.append(value)
            l.unreachable.append(unreachable)
        }
        pipeline.project(pending)
        l.projected = try pipeline.results()
        guard !l.projected.isEmpty else { throw InputError(file: layer.relativePath, message: "no polygon to map") }
        guard fieldSeen else {
            throw InputError(file: layer.relativePath, field: field,
                             message: "no such field; the numeric fields are: \(numericFields.sorted().joined(separator: ", "))")
        }
        if let (i, text) = nonNumeric, l.values.allSatisfy({ $0 == nil }) {
            let fields = numericFields.isEmpty ? "the layer has none" : numericFields.sorted().joined(separator: ", ")
            throw InputError(file: layer.relativePath, feature: i, field: field, message: "'\(text)' is not a number: map a numeric field (\(fields))")
        }
        return l
    }
}

/// Chunks of polygons projected on worker threads while the caller goes on (each position
/// shared by neighbours once: ``CoordinateTransformer/transformed(_:from:to:)``); ``results()``
/// waits for them and returns the polygons in the order given (or the first error).
private struct ProjectionPipeline {
    static let chunk = 1024
    private var chunks: [Background<[Geometry]>] = []

    mutating func project(_ chunk: [(Geometry, CRS)]) {
        guard !chunk.isEmpty else { return }
        chunks.append(Background { try CoordinateTransformer.transformed(chunk.map(\.0), from: .wgs84, to: chunk.map(\.1)) })
    }

    /// Waits for every chunk submitted so far.
    func finish() {
        for chunk in chunks { _ = chunk.wait() }
    }

    func results() throws -> [Geometry] {
        finish()
        return try chunks.flatMap { try $0.value() }
    }
}
