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
        /// Per polygon drawn: the index of its feature in the layer.
        var features: [Int] = []
        /// Per feature: its CRS (the forced one, else its département's, else its extent's) and
        /// its polygon projected there.
        var crs: [CRS] = [], projected: [Geometry] = []
        var values: [Double?] = [], unreachable: [Bool] = [], populations: [Double] = []
        /// Per feature: the value is hidden by statistical secrecy (a reason in `FIELD_secret`).
        var secret: [Bool] = []
        /// Features left out for having no polygon (null, empty, or not polygonal).
        var withoutPolygon = 0
        /// Per field read as is (``MapMaker/readLayer(_:field:crs:raw:)``), per polygon drawn: its value.
        var raw: [[PropertyValue?]] = []
    }

    /// Reads the layer and projects its polygons meanwhile: the file is parsed on this thread
    /// (one GeoJSON document), and every 1,024 polygons go to the other cores to be projected
    /// (one PROJ transformation per thread and CRS), so projection hides behind parsing. The
    /// polygons in longitude/latitude are not kept. With `raw` fields (a categorical or
    /// bivariate map), their values are kept as read, `values` left to the caller, and a field
    /// that no feature has is a usage error (``ParameterError``, `.malformed`) naming the layer
    /// and listing its fields.
    static func readLayer(_ layer: URL, field: String, crs forced: CRS?, raw: [String] = []) throws -> Layer {
        try collectLayer(layer, field: field, crs: forced, raw: raw) { visit in _ = try LayerReader.read(layer, visit) }
    }

    /// ``readLayer(_:field:crs:)`` of the features `feed` gives (index, feature), in order:
    /// a layer held in memory; `layer` names it in errors.
    static func collectLayer(
        _ layer: URL, field: String, crs forced: CRS?, raw: [String] = [], feed: ((Int, Feature) throws -> Void) throws -> Void
    ) throws -> Layer {
        var l = Layer()
        l.raw = Array(repeating: [], count: raw.count)
        var fieldSeen = false, numericFields = Set<String>(), allFields = Set<String>()
        var nonNumeric: (Int, String)?
        var pipeline = ProjectionPipeline()
        defer { pipeline.finish() }  // a read error waits for the chunks under way (no thread left at exit)
        var pending: [(Geometry, CRS)] = []
        try feed { i, f in
            guard let g = f.geometry?.withoutEmptyPolygons else { l.withoutPolygon += 1; return }
            for (k, v) in f.properties {
                if case .number = v { numericFields.insert(k) }
                if !raw.isEmpty { allFields.insert(k) }
            }
            for (k, name) in raw.enumerated() { l.raw[k].append(f.properties[name]) }
            let code = f.value(of: "code")?.stringValue ?? "#\(i)"
            l.codes.append(code)
            l.features.append(i)
            l.names.append(f.properties["name"]?.stringValue ?? f.properties["nom"]?.stringValue ?? "")
            l.populations.append(f.properties["population"]?.doubleValue ?? 0)
            let crs = ProjectedStudy.crs(ofID: code, geometry: g, forced: forced)
            l.crs.append(crs)
            pending.append((g, crs))
            if pending.count == ProjectionPipeline.chunk {
                pipeline.project(pending)
                pending.removeAll(keepingCapacity: true)
            }
            l.append(f.properties[field], feature: i, seen: &fieldSeen, nonNumeric: &nonNumeric)
            l.secret.append(f.properties[field + PublishingGuard.reasonSuffix]?.stringValue != nil)
        }
        pipeline.project(pending)
        l.projected = try pipeline.results()
        guard !l.projected.isEmpty else { throw InputError(file: layer.relativePath, message: "no polygon to map") }
        if !raw.isEmpty {
            try checkRawFields(raw, values: l.raw, allFields: allFields, layer: layer)
            return l
        }
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

extension MapMaker {
    /// Every field of `raw` is a field of some feature of the layer, else a usage error.
    static func checkRawFields(_ raw: [String], values: [[PropertyValue?]], allFields: Set<String>, layer: URL) throws {
        for (k, name) in raw.enumerated() where values[k].allSatisfy({ $0 == nil }) {
            let flag: Parameter = raw.count > 1 ? .bivariate : .mapField
            throw ParameterError(.malformed, "\(flag): \(layer.relativePath) has no field '\(name)'; its fields are: \(allFields.sorted().joined(separator: ", "))")
        }
    }
}

extension MapMaker.Layer {
    /// Appends a feature's value of the mapped field: a finite number, `unreachable`, or no
    /// data (null, absent, or anything else, whose first occurrence `nonNumeric` keeps).
    mutating func append(_ v: PropertyValue?, feature i: Int, seen: inout Bool, nonNumeric: inout (Int, String)?) {
        var value: Double?, unreachable = false
        switch v {
        case nil: break
        case .some(.null): seen = true
        case .some(.number(let d)) where d.isFinite: seen = true; value = d
        case .some(.unreachable): seen = true; unreachable = true
        case .some(let v):
            seen = true
            if nonNumeric == nil { nonNumeric = (i, v.stringValue ?? v.typeName) }
        }
        values.append(value)
        self.unreachable.append(unreachable)
    }

    /// The same polygons with the values of `column` of `table`, the table the layer was
    /// written from (one row per feature, in order, as read: numbers written in their
    /// shortest round-trip form read back equal, and a cost column's `unreachable` is the word
    /// the reader folds its flag back into); nil when the table has no such numeric column or
    /// other rows, so that the caller reads the file instead.
    func withValues(of column: String, in table: CommuneTable) -> MapMaker.Layer? {
        guard let c = table.columns.firstIndex(of: column), let code = table.columns.firstIndex(of: "code"),
              features.allSatisfy({ $0 < table.rows.count }),
              zip(features, codes).allSatisfy({ table.rows[$0][code].stringValue == $1 }) else { return nil }
        var layer = self
        layer.values = []
        layer.unreachable = []
        let reason = table.columns.firstIndex(of: column + PublishingGuard.reasonSuffix)
        layer.secret = features.map { i in reason.map { table.rows[i][$0].stringValue != nil } ?? false }
        var seen = false, nonNumeric: (Int, String)?
        for i in features { layer.append(table.rows[i][c], feature: i, seen: &seen, nonNumeric: &nonNumeric) }
        guard seen, nonNumeric == nil else { return nil }
        return layer
    }
}

extension MapMaker.Layer {
    /// The layer ``MapMaker/readLayer(_:field:crs:)`` reads from `table` written as GeoJSON,
    /// made from memory, the map so the same byte for byte. `projected` holds the rows' polygons
    /// already projected to the metric CRS of their département (``ProjectedStudy/geometries``
    /// of the study the table reports, in its order: the CRS and projection the map gives
    /// them), and is consumed: a polygon whose coordinates the file holds exactly is taken from
    /// it, with the rings the writer reverses reversed (projection is point by point, so the
    /// order of a ring's points does not change them) (``GeoIO/GeoJSONWriter/reversedRings(_:precision:)``);
    /// any other (more decimals than the file keeps) is taken as the file gives it back
    /// (``GeoIO/GeoJSONWriter/readBack(_:precision:)``) and projected as the map projects it.
    /// Nil for a table without polygons, of another length, with an empty or unclosed polygon,
    /// or without a numeric `field`: the caller then reads the file.
    init?(_ table: CommuneTable, field: String, projected: consuming [Geometry]) throws {
        guard let lonLat = table.geometries, projected.count == lonLat.count, let code = table.columns.firstIndex(of: "code") else { return nil }
        let name = table.columns.firstIndex(of: "name"), nom = table.columns.firstIndex(of: "nom")
        let population = table.columns.firstIndex(of: "population")
        var layer = MapMaker.Layer()
        layer.projected = projected
        var redo: [(row: Int, geometry: Geometry)] = []
        for (i, row) in table.rows.enumerated() {
            guard lonLat[i].withoutEmptyPolygons == lonLat[i] else { return nil }
            var g = lonLat[i]
            if let reversed = GeoJSONWriter.reversedRings(g) {
                if reversed.contains(where: { $0.contains(true) }) { layer.projected[i] = Self.reversing(layer.projected[i], reversed) }
            } else {
                guard let back = GeoJSONWriter.readBack(g) else { return nil }
                g = back
                redo.append((i, g))
            }
            let id = row[code].stringValue ?? "#\(i)"
            layer.codes.append(id)
            layer.features.append(i)
            layer.names.append(name.flatMap { row[$0].stringValue } ?? nom.flatMap { row[$0].stringValue } ?? "")
            layer.populations.append(population.flatMap { row[$0].doubleValue } ?? 0)
            layer.crs.append(ProjectedStudy.crs(ofID: id, geometry: g, forced: nil))
        }
        let again = try CoordinateTransformer.transformed(redo.map(\.geometry), from: .wgs84, to: redo.map { layer.crs[$0.row] })
        for (k, r) in redo.enumerated() { layer.projected[r.row] = again[k] }
        guard let valued = layer.withValues(of: field, in: table) else { return nil }
        self = valued
    }

    /// `geometry` with the rings `reversed` says (per polygon, per ring) in reverse order.
    static func reversing(_ geometry: Geometry, _ reversed: [[Bool]]) -> Geometry {
        let polygons = zip(geometry.polygons, reversed).map { p, flags in
            Polygon(rings: zip(p.rings, flags).map { ring, flip in flip ? ring.reversed() : ring })
        }
        if case .polygon = geometry { return .polygon(polygons[0]) }
        return .multiPolygon(polygons)
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
