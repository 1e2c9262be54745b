import Foundation
import GeoCore

/// Reads GeoJSON (RFC 7946) with a streaming byte-level parser: features are handed over one
/// at a time as they are read, coordinates go straight into `[Coordinate]` buffers, and no JSON
/// tree is built. Files are memory-mapped, so memory beyond the mapping is what the caller keeps.
///
/// Accepts a FeatureCollection, a single Feature, or a bare geometry (as one feature).
/// Repairs and notes unclosed rings; notes and drops third and further position values.
/// Rejects, with file, line, column, byte offset and feature index: malformed JSON, unknown
/// types, wrong member types, rings of fewer than 4 positions, non-finite numbers, nesting
/// deeper than 256 levels, number tokens longer than 1,000 characters.
package enum GeoJSONReader {
    /// What a file held besides its features.
    package struct Summary: Sendable {
        /// The top-level `type`: `FeatureCollection`, `Feature`, or a geometry type.
        package var type: String
        /// The legacy `crs` member's name (GeoJSON 2008), e.g. `urn:ogc:def:crs:EPSG::2154`.
        package var crsName: String?
        package var featureCount: Int
        package var warnings: [InputWarning]

        package init(type: String, crsName: String?, featureCount: Int, warnings: [InputWarning]) {
            self.type = type
            self.crsName = crsName
            self.featureCount = featureCount
            self.warnings = warnings
        }
    }

    /// Reads `url`, calling `body(index, feature)` for each feature in file order, and
    /// `crs(name)` when the legacy `crs` member is read (before the features when it precedes
    /// them, as GDAL writes it).
    @discardableResult
    package static func read(contentsOf url: URL, crs: ((String) -> Void)? = nil, _ body: (Int, Feature) throws -> Void) throws -> Summary {
        let data = try InputFile.mapped(url)
        return try read(data: data, file: url.relativePath, crs: crs, body)
    }

    /// Reads GeoJSON held in memory; `file` names it in messages.
    @discardableResult
    package static func read(data: Data, file: String, crs: ((String) -> Void)? = nil, _ body: (Int, Feature) throws -> Void) throws -> Summary {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress, raw.count > 0 else {
                throw InputError(file: file, message: "the file is empty")
            }
            let scanner = JSONScanner(bytes: base.assumingMemoryBound(to: UInt8.self), count: raw.count, file: file)
            return try withoutActuallyEscaping(body) { body in
                var document = DocumentReader(scanner: scanner, body: body)
                document.onCRS = crs
                return try document.read()
            }
        }
    }

    /// All features of a file, with its summary.
    package static func features(contentsOf url: URL) throws -> (features: [Feature], summary: Summary) {
        var features: [Feature] = []
        let summary = try read(contentsOf: url) { _, f in features.append(f) }
        return (features, summary)
    }

    /// All features of an in-memory document named `file` in messages.
    package static func features(data: Data, file: String) throws -> (features: [Feature], summary: Summary) {
        var features: [Feature] = []
        let summary = try read(data: data, file: file) { _, f in features.append(f) }
        return (features, summary)
    }
}

/// The top-level walk of one document.
private struct DocumentReader {
    var scanner: JSONScanner
    let body: (Int, Feature) throws -> Void
    var warnings: [InputWarning] = []
    var featureCount = 0
    var onCRS: ((String) -> Void)?

    init(scanner: JSONScanner, body: @escaping (Int, Feature) throws -> Void) {
        self.scanner = scanner
        self.body = body
    }

    mutating func read() throws -> GeoJSONReader.Summary {
        if scanner.count >= 3, scanner.bytes[0] == 0xEF, scanner.bytes[1] == 0xBB, scanner.bytes[2] == 0xBF {
            scanner.pos = 3
        }
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "{") else {
            throw scanner.error("expected a GeoJSON object at the top level, found \(scanner.found)")
        }
        let top = scanner.pos
        let type = try topLevelType()
        scanner.pos = top
        scanner.depth = 0
        var crsName: String?
        switch type {
        case "FeatureCollection":
            crsName = try readCollection()
        case "Feature":
            try deliver(readFeature(index: 0))
        default:
            guard GeometryType(rawValue: type) != nil else {
                throw scanner.error("unknown GeoJSON type '\(type)' (expected FeatureCollection, Feature or a geometry type)", at: top)
            }
            var notes = GeometryNotes()
            scanner.feature = 0
            let geometry = try scanner.parseGeometry(notes: &notes)
            note(notes, feature: 0)
            try deliver(Feature(geometry: geometry))
        }
        scanner.skipWhitespace()
        guard scanner.atEnd else {
            scanner.feature = nil
            throw scanner.error("unexpected \(scanner.found) after the end of the GeoJSON object")
        }
        return .init(type: type, crsName: crsName, featureCount: featureCount, warnings: warnings)
    }

    /// The top-level object's `type`, found by skipping the other members.
    private mutating func topLevelType() throws -> String {
        try scanner.beginObject("a GeoJSON object")
        var first = true
        while let key = try scanner.nextKey(&first) {
            if scanner.equals(key, "type") { return try scanner.parseString("the GeoJSON type") }
            try scanner.skipValue()
        }
        throw scanner.error("the top-level object has no \"type\" member", at: 0)
    }

    private mutating func readCollection() throws -> String? {
        try scanner.beginObject("a FeatureCollection")
        var crsName: String?
        var sawFeatures = false
        var first = true
        while let key = try scanner.nextKey(&first) {
            if scanner.equals(key, "features") {
                sawFeatures = true
                try scanner.beginArray("the 'features' array")
                var firstFeature = true
                while try scanner.nextElement(&firstFeature) {
                    try deliver(readFeature(index: featureCount))
                }
                scanner.feature = nil
            } else if scanner.equals(key, "crs") {
                crsName = Self.crsName(try scanner.parseValue())
                if let crsName { onCRS?(crsName) }
            } else {
                try scanner.skipValue()
            }
        }
        guard sawFeatures else { throw scanner.error("FeatureCollection has no \"features\" member", at: 0) }
        return crsName
    }

    private mutating func readFeature(index: Int) throws -> Feature {
        scanner.feature = index
        let start = scanner.pos
        try scanner.beginObject("a Feature")
        var feature = Feature(geometry: nil)
        var notes = GeometryNotes()
        var sawType = false
        var first = true
        while let key = try scanner.nextKey(&first) {
            if scanner.equals(key, "type") {
                let t = try scanner.parseString("the feature type")
                guard t == "Feature" else { throw scanner.error("expected type \"Feature\" in 'features', found \"\(t)\"", at: key.start - 1) }
                sawType = true
            } else if scanner.equals(key, "geometry") {
                feature.geometry = try scanner.parseGeometry(notes: &notes)
            } else if scanner.equals(key, "properties") {
                if !scanner.skipNull() {
                    guard scanner.current == UInt8(ascii: "{") else {
                        throw scanner.error("'properties' must be an object or null, found \(scanner.found)")
                    }
                    feature.properties = try scanner.parseObject()
                }
            } else if scanner.equals(key, "id") {
                let id = try scanner.parseValue()
                switch id {
                case .string, .number: feature.id = id
                default: throw scanner.error("'id' must be a string or a number, found \(id.typeName)", at: key.start - 1)
                }
            } else {
                try scanner.skipValue()
            }
        }
        guard sawType else { throw scanner.error("feature has no \"type\": \"Feature\" member", at: start) }
        note(notes, feature: index)
        return feature
    }

    private mutating func deliver(_ feature: Feature) throws {
        try body(featureCount, feature)
        featureCount += 1
    }

    private mutating func note(_ notes: GeometryNotes, feature: Int) {
        for ring in notes.closedRings {
            warnings.append(InputWarning(file: scanner.file, feature: feature, message: "\(ring) was not closed; closed it"))
        }
        if notes.extraDimensions, !warnings.contains(where: { $0.message.hasPrefix("positions have more") }) {
            warnings.append(InputWarning(file: scanner.file, feature: feature,
                                         message: "positions have more than two values; only longitude and latitude are kept"))
        }
    }

    /// `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}}` → the name.
    static func crsName(_ value: PropertyValue) -> String? {
        guard case .object(let crs) = value, case .object(let props)? = crs["properties"] else { return nil }
        return props["name"]?.stringValue
    }
}
