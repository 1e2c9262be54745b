import Foundation
import GeoCore

/// Writes GeoJSON (RFC 7946) deterministically: members in a fixed order, coordinates rounded
/// to `precision` decimals (6 for degrees ≈ 0.1 m), exterior rings counter-clockwise and holes
/// clockwise (§3.1.6), `\n` after each feature. Streams to an `OutputFile`, so the target
/// appears whole or not at all.
package final class GeoJSONWriter {
    package let precision: Int
    let output: OutputFile
    var buffer: [UInt8] = []
    var featureCount = 0

    /// Decimals of the coordinates when none is given: 6 (about 0.1 m in degrees).
    package static let defaultPrecision = 6

    package init(_ url: URL, precision: Int = defaultPrecision, inputs: [URL] = []) throws {
        self.precision = precision
        output = try OutputFile(url, inputs: inputs)
        buffer.append(contentsOf: Array("{\"type\":\"FeatureCollection\",\"features\":[\n".utf8))
    }

    package func write(_ feature: Feature) throws {
        if featureCount > 0 { buffer.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
        Self.appendFeature(feature, precision: precision, to: &buffer)
        featureCount += 1
        if buffer.count >= 1 << 20 {
            try output.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Features encoded together by ``write(count:_:)``, and chunks held at once.
    static let chunkSize = 1024, chunksInFlight = 8

    /// Writes `count` features, `feature(i)` for each index in order: the bytes of ``write(_:)``
    /// called for each, made and encoded on all cores, ``chunkSize`` features a chunk and at
    /// most ``chunksInFlight`` chunks held at once (a national table is some 40 MB of text).
    package func write(count: Int, _ feature: @Sendable (Int) -> Feature) throws {
        let precision = precision
        var start = 0
        while start < count {
            let end = min(count, start + Self.chunkSize * Self.chunksInFlight)
            let firstOfFile = featureCount == 0 ? start : -1
            let chunks = stride(from: start, to: end, by: Self.chunkSize).map { $0..<min($0 + Self.chunkSize, end) }
            let encoded = [[UInt8]](concurrentCount: chunks.count) { k in
                var out: [UInt8] = []
                for i in chunks[k] {
                    if i != firstOfFile { out.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
                    Self.appendFeature(feature(i), precision: precision, to: &out)
                }
                return out
            }
            for bytes in encoded { try append(encoded: bytes) }
            featureCount += end - start
            start = end
        }
    }

    /// Closes the collection and moves the file into place.
    package func finish() throws {
        buffer.append(contentsOf: Array("\n]}\n".utf8))
        try output.write(buffer)
        try output.commit()
    }

    /// Writes a whole collection to `url`.
    package static func write(_ features: [Feature], to url: URL, precision: Int = 6, inputs: [URL] = []) throws {
        let writer = try GeoJSONWriter(url, precision: precision, inputs: inputs)
        try writer.write(count: features.count) { features[$0] }
        try writer.finish()
    }

    /// A collection as text, for tests and small outputs.
    package static func string(_ features: [Feature], precision: Int = 6) -> String {
        var out = Array("{\"type\":\"FeatureCollection\",\"features\":[\n".utf8)
        for (i, f) in features.enumerated() {
            if i > 0 { out.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
            appendFeature(f, precision: precision, to: &out)
        }
        out.append(contentsOf: "\n]}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendFeature(_ f: Feature, precision: Int, to out: inout [UInt8]) {
        appendFeatureOpening(id: f.id, properties: f.properties, to: &out)
        if let g = f.geometry { appendGeometry(g, precision: precision, to: &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(UInt8(ascii: "}"))
    }

    /// A feature's text up to its geometry: `{"type":"Feature"`, the id if any, the properties
    /// and `,"geometry":`.
    static func appendFeatureOpening(id: PropertyValue?, properties: Properties, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"type\":\"Feature\"".utf8)
        if let id {
            out.append(contentsOf: ",\"id\":".utf8)
            JSONText.append(id, to: &out)
        }
        out.append(contentsOf: ",\"properties\":".utf8)
        JSONText.append(.object(properties), to: &out)
        out.append(contentsOf: ",\"geometry\":".utf8)
    }

    static func appendGeometry(_ g: Geometry, precision: Int, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"type\":\"".utf8)
        out.append(contentsOf: g.typeName.utf8)
        out.append(contentsOf: "\",".utf8)
        if case .geometryCollection(let parts) = g {
            out.append(contentsOf: "\"geometries\":[".utf8)
            for (i, p) in parts.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendGeometry(p, precision: precision, to: &out)
            }
            out.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "}")])
            return
        }
        out.append(contentsOf: "\"coordinates\":".utf8)
        switch g {
        case .point(let c): appendPosition(c, precision, &out)
        case .multiPoint(let cs), .lineString(let cs): appendPositions(cs, precision, &out)
        case .multiLineString(let ls): appendList(ls, &out) { appendPositions($0, precision, &$1) }
        case .polygon(let p): appendPolygon(p, precision, &out)
        case .multiPolygon(let ps): appendList(ps, &out) { appendPolygon($0, precision, &$1) }
        case .geometryCollection: break
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func appendPolygon(_ p: Polygon, _ precision: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, ring) in p.rings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendPositions(Ring.oriented(ring, counterClockwise: i == 0), precision, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func appendList<T>(_ items: [T], _ out: inout [UInt8], _ each: (T, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            each(item, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func appendPositions(_ cs: [Coordinate], _ precision: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, c) in cs.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendPosition(c, precision, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    @inline(__always)
    private static func appendPosition(_ c: Coordinate, _ precision: Int, _ out: inout [UInt8]) {
        NumberFormatting.appendPair(c.x, c.y, precision: precision, to: &out)
    }
}
