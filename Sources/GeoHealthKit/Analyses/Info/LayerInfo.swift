import Foundation
import GeoCore
import GeoIO
import GEOSBridge
import GeoPackage

/// `geohealth info`: what a GeoJSON layer or CSV table holds, and what is wrong with it.
///
/// For GeoJSON: feature count, geometry types, bounding box, the CRS (declared, or guessed from
/// the coordinate ranges), the metric CRS GeoHealth would work in, every field with its types,
/// fill rate and examples, null/empty geometries, invalid geometries with the GEOS reason, and
/// repeated ids (of the `id` field, or `code`, or the feature id). For CSV: rows, separator,
/// columns with types and examples, and whether it holds points (lon/lat or x/y columns).
package enum LayerInfo {
    /// The features' id field candidates, in order.
    static let idFields = ["id", "code", "insee", "INSEE_COM", "codgeo"]

    static func describe(_ url: URL) throws -> Summary {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw InputError(file: url.relativePath, message: "is a folder: give its files (e.g. \(url.relativePath)/*.geojson)")
        }
        switch url.pathExtension.lowercased() {
        case "csv", "tsv", "txt": return try describeTable(url)
        default: return try describeLayer(url)
        }
    }

    static func describeLayer(_ url: URL) throws -> Summary {
        var box = BoundingBox.empty
        var geometryTypes: [String: Int] = [:]
        var fields: [String: FieldProfile] = [:]
        var fieldOrder: [String] = []
        var invalid: [PropertyValue] = []
        var nullGeometries = 0, emptyGeometries = 0, coordinates = 0
        var idsSeen: [String: Int] = [:]
        var duplicates: [PropertyValue] = []
        var idField: String?
        let context = GEOSContext.current
        var certificate = ValidityCertificate()
        let result = try rawRead(url) { i, feature in
            for (key, value) in feature.properties {
                if fields[key] == nil { fields[key] = FieldProfile(name: key); fieldOrder.append(key) }
                fields[key]!.add(value)
            }
            if i == 0 { idField = idFields.first { feature.properties[$0] != nil } }
            if let id = (idField.flatMap { feature.properties[$0] } ?? feature.id)?.stringValue {
                if let first = idsSeen[id] {
                    duplicates.append(.object(Properties([("id", .string(id)), ("first_feature", .int(first)), ("feature", .int(i))])))
                } else {
                    idsSeen[id] = i
                }
            }
            guard let geometry = feature.geometry else { nullGeometries += 1; return }
            geometryTypes[geometry.typeName, default: 0] += 1
            if geometry.isEmpty { emptyGeometries += 1; return }
            box.extend(geometry.boundingBox)
            coordinates += geometry.coordinateCount
            if geometry.isPolygonal && certificate.certifies(geometry) { return }
            if geometry.isPolygonal || geometry.typeName.hasSuffix("LineString") {
                let native = try context.geometry(geometry)
                if try !native.isValid() {
                    let label = idField.flatMap { feature.properties[$0]?.stringValue } ?? "#\(i)"
                    invalid.append(.object(Properties([("feature", .int(i)), ("id", .string(label)), ("reason", .string(try native.validityReason()))])))
                }
            }
        }
        var summary = Summary([
            ("file", .string(url.relativePath)),
            ("type", .string(result.type)),
            ("features", .int(result.featureCount)),
            ("coordinates", .int(coordinates)),
            ("geometry_types", .rows(geometryTypes.sorted { $0.key < $1.key }) { [("type", .string($0.key)), ("features", .int($0.value))] }),
        ])
        if nullGeometries > 0 { summary["null_geometries"] = .int(nullGeometries) }
        if emptyGeometries > 0 { summary["empty_geometries"] = .int(emptyGeometries) }
        if !box.isEmpty {
            summary["bounding_box"] = .array([box.minX, box.minY, box.maxX, box.maxY].map { .fixed($0, 6) })
        }
        summary["crs"] = .string(crsGuess(declared: result.crsName, box: box))
        if !box.isEmpty, looksGeographic(box) {
            summary["metric_crs"] = .string(MetricCRS.forExtent(box).description)
        }
        summary["id_field"] = idField.map { .string($0) } ?? (idsSeen.isEmpty ? .null : .string("feature id"))
        summary["duplicate_ids"] = .array(duplicates)
        summary["invalid_geometries"] = .array(invalid)
        summary["fields"] = .array(fieldOrder.map { .object(fields[$0]!.summary(of: result.featureCount)) })
        summary["warnings"] = .strings(result.warnings.map(\.message))
        return summary
    }

    static func describeTable(_ url: URL) throws -> Summary {
        let table = try CSVTable.read(contentsOf: url)
        var profiles = table.header.map { FieldProfile(name: $0) }
        for row in table.rows { for (c, cell) in row.enumerated() { profiles[c].add(cell: cell) } }
        var summary = Summary([
            ("file", .string(url.relativePath)),
            ("type", .string("CSV table")),
            ("separator", .string(table.separatorName)),
            ("encoding", .string(table.encoding.rawValue)),
            ("rows", .int(table.rows.count)),
        ])
        if let lon = table.firstColumn(among: ["lon", "longitude", "lng"]), let lat = table.firstColumn(among: ["lat", "latitude"]) {
            summary["points"] = .string("lon/lat in columns \(table.header[lon]), \(table.header[lat]) (EPSG:4326)")
        } else if let x = table.firstColumn(among: ["x"]), let y = table.firstColumn(among: ["y"]) {
            summary["points"] = .string(ParameterSpelling.text("x/y in columns \(table.header[x]), \(table.header[y]) (give their CRS with \(.sitesCRS))"))
        }
        summary["fields"] = .array(profiles.map { .object($0.summary(of: table.rows.count)) })
        return summary
    }

    /// Reads a layer as it is (no conversion of coordinates): GeoJSON or a GeoPackage table;
    /// other formats get ``LayerReader``'s message.
    static func rawRead(_ url: URL, _ body: (Int, Feature) throws -> Void) throws -> GeoJSONReader.Summary {
        let (file, table) = LayerReader.split(url)
        switch file.pathExtension.lowercased() {
        case "gpkg":
            let layer = try GeoPackageReader.read(file, table: table, body)
            return .init(
                type: "GeoPackage table \(layer.table)", crsName: layer.crs?.description ?? layer.srsName, featureCount: layer.featureCount, warnings: [])

        case "shp":
            let layer = try Shapefile.read(file)
            for (i, f) in layer.features.enumerated() { try body(i, f) }
            return .init(
                type: "Shapefile (\(layer.encoding.rawValue) attributes)", crsName: layer.crsName ?? layer.projection.map { String($0.prefix(60)) },
                featureCount: layer.features.count, warnings: [])
        case let ext where LayerReader.unsupported[ext] != nil:
            try LayerReader.read(url) { _, _ in }  // throws the message that says how to convert it
            return try GeoJSONReader.read(contentsOf: file, body)
        default:
            return try GeoJSONReader.read(contentsOf: file, body)
        }
    }

    static func looksGeographic(_ box: BoundingBox) -> Bool {
        box.minX >= -180 && box.maxX <= 180 && box.minY >= -90 && box.maxY <= 90
    }

    static func crsGuess(declared: String?, box: BoundingBox) -> String {
        if let declared { return "\(declared) (declared)" }
        if box.isEmpty { return "unknown (no coordinates)" }
        if looksGeographic(box) { return "EPSG:4326 longitude/latitude (RFC 7946 default; coordinates in range)" }
        if box.minX > -400_000, box.maxX < 1_400_000, box.minY > 6_000_000, box.maxY < 7_200_000 {
            return "projected metres, probably EPSG:2154 (Lambert-93 range); RFC 7946 expects longitude/latitude"
        }
        return "projected or unknown (coordinates outside longitude/latitude range); RFC 7946 expects longitude/latitude"
    }
}

extension LayerInfo {
    /// Describes several files in parallel (each thread with its own GEOS context); results
    /// in the order of `urls`.
    package static func describeAll(_ urls: [URL]) -> [Result<Summary, any Error>] {
        urls.concurrentMap { try describe($0) }
    }

    /// One summary for many files: totals first, then each file's summary.
    package static func combine(_ summaries: [Summary]) -> Summary {
        let features = summaries.reduce(0) { $0 + Int($1["features"]?.doubleValue ?? 0) }
        let failed = summaries.filter { $0["error"] != nil }.count
        return Summary([
            ("files", .int(summaries.count)),
            ("files_with_errors", .int(failed)),
            ("features", .int(features)),
            ("each_file", .array(summaries.map { .object($0.root) })),
        ])
    }
}
