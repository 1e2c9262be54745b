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
/// France with its overseas départements, is drawn in the CRS of most of its features, and the
/// others in insets, one per overseas département, each in its own CRS: ``MapFrame``). Pixel
/// precision, the same in every frame: 1 decimal up to 2,000 polygons in the main map, whole
/// pixels above, which with quantisation keeps a map of the 35,000 communes under 5 MB. The
/// word `unreachable` gets its own class; values missing or not finite get the "no data"
/// style; all values equal give a one-class map; fewer distinct values than classes reduce the
/// classes (said in the summary).
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
        /// The legend's heading, with the unit of the values (default: "Temps (minutes)" for a
        /// field whose name ends in `minutes`, none for other fields, whose unit the layer does
        /// not say).
        public var legendTitle: String?
        /// What the territories of ``territories`` are, for the legend ("CPTS", "EPCI"…).
        public var territoryLabel = MapLabels.defaultTerritoryName
        public var source: String?
        public var language: MapLabels.Language = .fr
        public var sites: URL?
        public var siteKind: SiteKind?
        public var siteSchema = SiteSchema()
        public var sizeByCapacity = false
        public var territories: URL?
        public var hatched: URL?
        public var labels = 0
        public var crs: CRS?
        public init(field: String) { self.field = field }
    }

    /// The sites of `url` to draw: those of `options.siteKind` when given (also the kind of rows
    /// without one); a kind that no site has is an error listing the kinds there are, not an
    /// empty overlay.
    static func sitesToDraw(_ url: URL, options: Options) throws -> [Site] {
        let all = try SiteTable.read(url, kind: options.siteKind ?? .healthCentre, schema: options.siteSchema).sites
        guard let kind = options.siteKind else { return all }
        let kept = all.filter { $0.kind == kind }
        if kept.isEmpty && !all.isEmpty {
            throw OptionError("--site-kind: no site of kind '\(kind)' in \(url.relativePath); the sites have kinds \(Set(all.map(\.kind.rawValue)).sorted().joined(separator: ", "))")
        }
        return kept
    }

    public static func make(_ layer: URL, options: Options, output: URL, inputs: [URL]) throws -> Summary {
        Progress.report("reading and projecting \(layer.lastPathComponent)…")
        let read = try readLayer(layer, field: options.field, crs: options.crs)
        let (codes, geometries, values, featureCRS) = (read.codes, read.projected, read.values, read.crs)

        // Frames: the CRS of most features is the main map; features of other CRSs (the
        // overseas départements of a national layer) go to insets, one per département.
        let byCRS = Dictionary(grouping: geometries.indices, by: { featureCRS[$0] })
        let (crs, drawn) = byCRS.max { ($0.value.count, -$0.key.epsg) < ($1.value.count, -$1.key.epsg) }!
        let labels = MapLabels(options.language, territoryName: options.territoryLabel)
        let insetGroups = Dictionary(grouping: geometries.indices.filter { featureCRS[$0] != crs }, by: { i -> String in
            let dep = MetricCRS.department(ofCommune: codes[i])
            return labels.overseasName(dep) != nil ? dep : featureCRS[i].description
        }).sorted { $0.key < $1.key }
        var frames = [try MapFrame(crs: crs, members: drawn, projected: geometries, label: "")]
        for (key, members) in insetGroups {
            frames.append(try MapFrame(crs: featureCRS[members[0]], members: members, projected: geometries, label: labels.overseasName(key) ?? key))
        }
        let projected = frames[0].projected
        Progress.report("classes and overlays…")
        let drawnValues = drawn.map { values[$0] }

        // Classes, over every frame.
        let present = values.compactMap { $0 }
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

        var map = ChoroplethMap(polygons: projected, values: drawnValues, breaks: breaks, colors: colors, title: options.title ?? options.field)
        map.unreachable = drawn.map { read.unreachable[$0] }
        map.insets = frames.dropFirst().map { f in
            ChoroplethMap.Inset(label: f.label, polygons: f.projected, values: f.members.map { values[$0] }, unreachable: f.members.map { read.unreachable[$0] })
        }
        map.subtitle = options.subtitle
        map.legendTitle = options.legendTitle ?? defaultLegendTitle(field: options.field, labels: labels)
        map.labelsText = labels
        map.precision = projected.count > 2000 ? 0 : 1
        map.strokeWidth = projected.count > 2000 ? 0.05 : 0.3
        map.source = options.source ?? "\(labels.source) : GeoHealth, \(layer.lastPathComponent)"
        map.description = "\(options.field), \(options.scheme.rawValue), \(breaks.count) classes, palette \(palette.name)\(palette.colorBlindSafe ? " (colour-blind safe)" : "")"
            + (frames.count > 1 ? "; insets: \(frames.dropFirst().map(\.label).joined(separator: ", "))" : "")

        var outside = 0
        var overlays = [FrameOverlays](repeating: FrameOverlays(), count: frames.count)
        if let url = options.sites {
            let sites = try sitesToDraw(url, options: options)
            for (site, place) in zip(sites, try MapFrame.locate(sites.map(\.location), in: frames, forced: options.crs)) {
                guard let (f, p) = place else { outside += 1; continue }
                overlays[f].sites.append(ChoroplethMap.Site(position: p, kind: site.kind.rawValue, size: options.sizeByCapacity ? site.capacity : nil))
            }
        }
        if let url = options.territories {
            let frameOf = Dictionary(uniqueKeysWithValues: frames.enumerated().flatMap { f, frame in frame.members.enumerated().map { (codes[$1], (f, $0)) } })
            let context = GEOSContext.current
            for t in try TerritoryTable.read(url) {
                switch t.definition {
                case .areas(let members):
                    for (f, parts) in Dictionary(grouping: members.compactMap { frameOf[$0] }, by: \.0) {
                        overlays[f].outlines.append(try context.dissolve(parts.map { try context.geometry(frames[f].projected[$0.1]) }).geometry())
                    }
                case .geometry(let g):
                    if let (f, shape) = try MapFrame.locate(g, in: frames, forced: options.crs) { overlays[f].outlines.append(shape) } else { outside += 1 }
                }
            }
        }
        if let url = options.hatched {
            for g in try LayerReader.features(url).features.compactMap(\.geometry).filter(\.isPolygonal) {
                if let (f, shape) = try MapFrame.locate(g, in: frames, forced: options.crs) { overlays[f].hatched.append(shape) } else { outside += 1 }
            }
        }
        FrameOverlays.apply(overlays, to: &map)
        if options.labels > 0 {
            let context = GEOSContext.current
            let order = drawn.indices.sorted { (read.populations[drawn[$0]], -$0) > (read.populations[drawn[$1]], -$1) }.prefix(options.labels)
            map.labels = try order.compactMap { k in
                guard let p = try context.geometry(projected[k]).pointOnSurface() else { return nil }
                return (p, read.names[drawn[k]].isEmpty ? codes[drawn[k]] : read.names[drawn[k]])
            }
        }
        Progress.report("drawing \(geometries.count) polygons…")
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + map.svg().xml + "\n"
        Progress.report("writing \(output.lastPathComponent)…")
        try OutputFile.write(Array(xml.utf8), to: output, inputs: inputs)
        let counts = (0..<breaks.count).map { c in values.filter { Classification.index(of: $0, breaks: breaks) == c }.count }
        var summary = Summary([
            ("file", .string(output.relativePath)),
            ("bytes", .int(xml.utf8.count)),
            ("polygons_drawn", .int(geometries.count)),
            ("crs", .string(crs.description)),
        ])
        if frames.count > 1 {
            summary["insets"] = .array(frames.dropFirst().map { f in .object(Properties([("name", .string(f.label)), ("crs", .string(f.crs.description)), ("polygons", .int(f.members.count))])) })
        }
        summary["scheme"] = .string(options.scheme.rawValue)
        summary["palette"] = .string(palette.name)
        summary["palette_reversed"] = .bool(options.reversed)
        summary["colour_blind_safe"] = .bool(palette.colorBlindSafe)
        summary["classes"] = .rows(breaks.indices) { c in [("upper_bound", .fixed(breaks[c], 6)), ("units", .int(counts[c]))] }
        let unreachable = values.indices.filter { values[$0] == nil && read.unreachable[$0] }.count
        summary["unreachable"] = .int(unreachable)
        summary["no_data"] = .int(values.indices.filter { values[$0] == nil && !read.unreachable[$0] }.count)
        if read.withoutPolygon > 0 { notes.append("\(read.withoutPolygon) feature(s) without a polygon (null, empty or not polygonal), not drawn") }
        if outside > 0 { notes.append("\(outside) site(s) or shape(s) outside every frame of the map, not drawn") }
        if !notes.isEmpty { summary["notes"] = .strings(notes) }
        return summary
    }

    /// "Temps (minutes)" / "Time (minutes)" for a travel-time field (its name ends in
    /// `minutes`, as `distance` writes them); empty for any other field.
    static func defaultLegendTitle(field: String, labels: MapLabels) -> String {
        guard field.lowercased().hasSuffix("minutes") else { return "" }
        return "\(labels.time) (\(labels.minutesUnit))"
    }
}
