import Foundation
import Cartography
import GeoCore
import GeoIO
import GEOSBridge
import Projection

/// `geohealth map`: a choropleth of a numeric field of a polygon layer (the GeoJSON that
/// `distance`, `access`, `coverage` or `gaps` write with `--out`), with overlays, as SVG.
///
/// Drawn in the metric CRS of the layer (the département's; a layer spanning several, such as
/// France with its overseas départements, is drawn in the CRS of most of its features and the
/// others are counted as not drawn). Pixel precision: 1 decimal up to 2,000 polygons, whole
/// pixels above, which with quantisation keeps a map of the 35,000 communes under 5 MB.
/// Values that are missing or not finite get the "no data" style; all values equal give a
/// one-class map; fewer distinct values than classes reduce the classes (said in the summary).
public enum MapMaker {
    public enum Scheme: String, Sendable, CaseIterable {
        case quantiles, equalInterval = "equal-interval", fisherJenks = "fisher-jenks", standardDeviation = "std-dev", headTail = "head-tail", manual
    }

    public struct Options: Sendable {
        public var field: String
        public var scheme: Scheme = .fisherJenks
        public var classes = 5
        public var manualBreaks: [Double] = []
        public var palette = "YlOrRd"
        public var reversed = false
        public var title: String?
        public var subtitle = ""
        public var source: String?
        public var language: MapLabels.Language = .fr
        public var sites: URL?
        public var siteKind: SiteKind?
        public var sizeByCapacity = false
        public var territories: URL?
        public var hatched: URL?
        public var labels = 0
        public var crs: CRS?
        public init(field: String) { self.field = field }
    }

    public static func make(_ layer: URL, options: Options, output: URL, inputs: [URL]) throws -> Summary {
        var codes: [String] = [], geometries: [Geometry] = [], values: [Double?] = [], populations: [Double] = [], names: [String] = []
        var fieldSeen = false, numericFields = Set<String>()
        var nonNumeric: (Int, String)?
        _ = try GeoJSONReader.read(contentsOf: layer) { i, f in
            guard let g = f.geometry, g.isPolygonal else { return }
            for (k, v) in f.properties { if case .number = v { numericFields.insert(k) } }
            codes.append(f.value(of: "code")?.stringValue ?? "#\(i)")
            names.append(f.properties["name"]?.stringValue ?? f.properties["nom"]?.stringValue ?? "")
            populations.append(f.properties["population"]?.doubleValue ?? 0)
            geometries.append(g)
            switch f.properties[options.field] {
            case nil: values.append(nil)
            case .some(.null): fieldSeen = true; values.append(nil)
            case .some(let v):
                fieldSeen = true
                if case .number(let d) = v, d.isFinite { values.append(d) } else {
                    if case .string(let s) = v, s == "unreachable" { values.append(nil) } else {
                        if nonNumeric == nil { nonNumeric = (i, v.stringValue ?? v.typeName) }
                        values.append(nil)
                    }
                }
            }
        }
        guard !geometries.isEmpty else { throw InputError(file: layer.relativePath, message: "no polygon to map") }
        guard fieldSeen else {
            throw InputError(file: layer.relativePath, field: options.field, message: "no such field; the numeric fields are: \(numericFields.sorted().joined(separator: ", "))")
        }
        if let (i, text) = nonNumeric, values.allSatisfy({ $0 == nil }) {
            throw InputError(file: layer.relativePath, feature: i, field: options.field, message: "'\(text)' is not a number: map a numeric field (\(numericFields.isEmpty ? "the layer has none" : numericFields.sorted().joined(separator: ", ")))")
        }

        // Project in the CRS of most features.
        let byCRS = Dictionary(grouping: geometries.indices, by: { options.crs ?? MetricCRS.forDepartment(MetricCRS.department(ofCommune: codes[$0])) ?? MetricCRS.forExtent(geometries[$0].boundingBox) })
        let (crs, drawn) = byCRS.max { ($0.value.count, -$0.key.epsg) < ($1.value.count, -$1.key.epsg) }!
        let transformer = try CoordinateTransformer(from: .wgs84, to: crs)
        let projected = try drawn.map { try transformer.transformed(geometries[$0]) }
        let drawnValues = drawn.map { values[$0] }

        // Classes.
        let present = drawnValues.compactMap { $0 }
        guard !present.isEmpty else { throw InputError(file: layer.relativePath, field: options.field, message: "every value is missing") }
        let distinct = Set(present).count
        let k = min(options.classes, distinct)
        var notes: [String] = []
        if k < options.classes { notes.append("\(distinct) distinct value(s): \(k) class(es) instead of \(options.classes)") }
        let classification: Classification = switch options.scheme {
        case .quantiles: .quantiles(k)
        case .equalInterval: .equalInterval(k)
        case .fisherJenks: .fisherJenks(k)
        case .standardDeviation: .standardDeviation
        case .headTail: .headTail
        case .manual: .manual(options.manualBreaks)
        }
        let breaks = try classification.breaks(present)
        let palette = try Palette(options.palette, reversed: options.reversed)
        let colors = try palette.colors(breaks.count)

        let labels = MapLabels(options.language)
        var map = ChoroplethMap(polygons: projected, values: drawnValues, breaks: breaks, colors: colors, title: options.title ?? options.field)
        map.subtitle = options.subtitle
        map.labelsText = labels
        map.precision = projected.count > 2000 ? 0 : 1
        map.strokeWidth = projected.count > 2000 ? 0.05 : 0.3
        map.source = options.source ?? "\(labels.source) : GeoHealth, \(layer.lastPathComponent)"
        map.description = "\(options.field), \(options.scheme.rawValue), \(breaks.count) classes, palette \(palette.name)\(palette.colorBlindSafe ? " (colour-blind safe)" : "")"

        if let url = options.sites {
            let sites = try SiteTable.read(url, kind: options.siteKind ?? .healthCentre).sites.filter { options.siteKind == nil || $0.kind == options.siteKind }
            var pts = sites.map(\.location)
            try transformer.transform(&pts)
            map.sites = zip(sites, pts).map { ChoroplethMap.Site(position: $1, kind: $0.kind.rawValue, size: options.sizeByCapacity ? $0.capacity : nil) }
        }
        if let url = options.territories {
            let index = Dictionary(uniqueKeysWithValues: drawn.enumerated().map { (codes[$1], $0) })
            let context = GEOSContext.current
            map.outlines = try TerritoryTable.read(url).compactMap { t in
                switch t.definition {
                case .areas(let members):
                    let parts = members.compactMap { index[$0] }
                    return parts.isEmpty ? nil : try context.dissolve(parts.map { try context.geometry(projected[$0]) }).geometry()
                case .geometry(let g): return try transformer.transformed(g)
                }
            }
        }
        if let url = options.hatched {
            map.hatched = try GeoJSONReader.features(contentsOf: url).features.compactMap { $0.geometry }.filter(\.isPolygonal).map { try transformer.transformed($0) }
        }
        if options.labels > 0 {
            let context = GEOSContext.current
            let order = drawn.indices.sorted { (populations[drawn[$0]], -$0) > (populations[drawn[$1]], -$1) }.prefix(options.labels)
            map.labels = try order.compactMap { k in
                guard let p = try context.geometry(projected[k]).pointOnSurface() else { return nil }
                return (p, names[drawn[k]].isEmpty ? codes[drawn[k]] : names[drawn[k]])
            }
        }
        Progress.report("drawing \(projected.count) polygons…")
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + map.svg().xml + "\n"
        try OutputFile.write(Array(xml.utf8), to: output, inputs: inputs)
        let counts = (0..<breaks.count).map { c in drawnValues.filter { Classification.index(of: $0, breaks: breaks) == c }.count }
        var summary = Summary([
            ("file", .string(output.relativePath)),
            ("bytes", .int(xml.utf8.count)),
            ("polygons drawn", .int(drawn.count)),
            ("crs", .string(crs.description)),
            ("scheme", .string(options.scheme.rawValue)),
            ("palette", .string("\(palette.name)\(options.reversed ? " (reversed)" : "")\(palette.colorBlindSafe ? ", colour-blind safe" : "")")),
            ("classes", .array(breaks.indices.map { c in .string("≤ \(svgNumber(breaks[c], 3)): \(counts[c])") })),
            ("no data", .int(drawnValues.filter { $0 == nil }.count)),
        ])
        if drawn.count < geometries.count { notes.append("\(geometries.count - drawn.count) polygon(s) in another CRS not drawn (no inset)") }
        if !notes.isEmpty { summary["notes"] = .strings(notes) }
        return summary
    }
}
