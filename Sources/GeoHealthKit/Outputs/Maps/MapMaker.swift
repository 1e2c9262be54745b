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
package enum MapMaker {
    package enum Scheme: String, Sendable, CaseIterable {
        case quantiles, equalInterval = "equal-interval", fisherJenks = "fisher-jenks", standardDeviation = "std-dev", headTail = "head-tail", manual
    }

    /// What a map draws: the classes of a numeric field, the categories of a text field
    /// (``CategoricalMap``), or the 3 × 3 terciles of two numeric fields (``BivariateMap``).
    package enum Mode: Sendable, Equatable {
        case numeric, categorical
        case bivariate(x: String, y: String)
    }

    package struct Options: Sendable {
        package var field: String
        /// Numeric (default), categorical (``field`` is a text field) or bivariate (``field``
        /// is ignored: the mode names its two fields).
        package var mode = Mode.numeric
        /// A bivariate map's second layer, whose Y field is joined to the layer on `code`
        /// (nil: both fields are the layer's).
        package var bivariateLayer: URL?
        package var scheme = MapMaker.defaultScheme
        package var classes = MapMaker.defaultClasses
        package var manualBreaks: [Double] = []
        /// The names of the classes of a categorical map (legend), in the order of the breaks.
        package var classNames: [String] = []
        package var palette = MapMaker.defaultPalette
        package var reversed = false
        package var title: String?
        package var subtitle = ""
        /// The legend's heading, with the unit of the values (default: "Temps (minutes)" for a
        /// field whose name ends in `minutes`, none for other fields, whose unit the layer does
        /// not say).
        package var legendTitle: String?
        /// What the territories of ``territories`` are, for the legend ("CPTS", "EPCI"…).
        package var territoryLabel = MapLabels.defaultTerritoryName
        package var source: String?
        package var language: MapLabels.Language = .fr
        package var sites: URL?
        /// Sites drawn besides those of ``sites`` (longitude/latitude; e.g. a what-if's planned MSP).
        package var drawnSites: [Site] = []
        package var siteKind: SiteKind?
        package var siteSchema = SiteSchema()
        package var sizeByCapacity = false
        package var territories: URL?
        package var hatched: URL?
        /// The legend's name of the hatched zones (nil: "zone de carence" / "gap zone").
        package var hatchLabel: String?
        /// Isochrones to draw over the choropleth (`geohealth isochrones`' layer: polygons with `minutes`).
        package var isochrones: URL?
        package var labels = 0
        package var crs: CRS?
        package init(field: String) { self.field = field }
    }

    /// The classification when none is given: Fisher–Jenks natural breaks.
    package static let defaultScheme = Scheme.fisherJenks
    /// The number of classes when none is given.
    package static let defaultClasses = 5
    /// The ColorBrewer palette when none is given.
    package static let defaultPalette = "YlOrRd"

    /// The sites of `url` to draw: those of `options.siteKind` when given (also the kind of rows
    /// without one); a kind that no site has is an error listing the kinds there are, not an
    /// empty overlay.
    static func sitesToDraw(_ url: URL, options: Options) throws -> [Site] {
        let all = try SiteTable.read(url, kind: options.siteKind ?? .healthCentre, schema: options.siteSchema).sites
        guard let kind = options.siteKind else { return all }
        let kept = all.filter { $0.kind == kind }
        if kept.isEmpty && !all.isEmpty {
            let kinds = Set(all.map(\.kind.rawValue)).sorted().joined(separator: ", ")
            throw ParameterError(.contradicted, "\(.siteKind): no site of kind '\(kind)' in \(url.relativePath); the sites have kinds \(kinds)")
        }
        return kept
    }

    /// Draws the map of `layer` into `output`; returns its summary (frames, classes, what was
    /// left out). The steps: frames (``frames(_:labels:)``), classes (``classes(_:layer:options:)``),
    /// the choropleth, its overlays (``overlays(options:frames:codes:)``) and labels, the file.
    package static func make(_ layer: URL, options: Options, output: URL, inputs: [URL]) throws -> Summary {
        Progress.report("reading and projecting \(layer.lastPathComponent)…")
        switch options.mode {
        case .numeric:
            let read = try readLayer(layer, field: options.field, crs: options.crs)
            return try make(read, of: layer, options: options, output: output, inputs: inputs)
        case .categorical:
            var read = try readLayer(layer, field: options.field, crs: options.crs, raw: [options.field])
            var classes = try CategoricalMap.classify(&read, layer: layer, field: options.field)
            classes.names = classes.names.map(MapLabels(options.language).categoryName)
            return try make(read, of: layer, options: options, classes: classes, output: output, inputs: inputs)
        case .bivariate(let x, let y):
            var read = try readLayer(layer, field: x, crs: options.crs, raw: options.bivariateLayer == nil ? [x, y] : [x])
            if let other = options.bivariateLayer { read.raw.append(try BivariateMap.joined(other, field: y, codes: read.codes)) }
            let classes = try BivariateMap.classify(&read, layer: layer, x: x, y: y, labels: MapLabels(options.language))
            return try make(read, of: layer, options: options, classes: classes, output: output, inputs: inputs)
        }
    }

    /// ``make(_:options:output:inputs:)`` of a layer already read and projected
    /// (``readLayer(_:field:crs:)``) with the values of `options.field`: a layer drawn several
    /// times (the report's maps) is read once.
    /// `classes` given (a categorical or bivariate map) replace those of the options' scheme.
    static func make(_ read: Layer, of layer: URL, options: Options, classes given: Classes? = nil, output: URL, inputs: [URL]) throws -> Summary {
        let labels = MapLabels(options.language, territoryName: options.territoryLabel)
        let frames = try self.frames(read, labels: labels)
        Progress.report("classes and overlays…")
        let classes = try given ?? self.classes(read.values, layer: layer, options: options)
        var map = choropleth(read, frames: frames, classes: classes, labels: labels, layer: layer, options: options)
        let (overlays, outside) = try self.overlays(options: options, frames: frames, codes: read.codes)
        FrameOverlays.apply(overlays, to: &map)
        if options.labels > 0 { map.labels = try placeNames(read, frame: frames[0], count: options.labels) }
        Progress.report("drawing \(read.projected.count) polygons…")
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + map.svg().xml + "\n"
        Progress.report("writing \(output.lastPathComponent)…")
        try OutputFile.write(Array(xml.utf8), to: output, inputs: inputs)
        return summary(read, frames: frames, classes: classes, outside: outside, file: output, bytes: xml.utf8.count, options: options)
    }

    /// "Temps (minutes)" / "Time (minutes)" for a travel-time field (its name ends in
    /// `minutes`, as `distance` writes them); empty for any other field.
    static func defaultLegendTitle(field: String, labels: MapLabels) -> String {
        guard field.lowercased().hasSuffix("minutes") else { return "" }
        return "\(labels.time) (\(labels.minutesUnit))"
    }
}
