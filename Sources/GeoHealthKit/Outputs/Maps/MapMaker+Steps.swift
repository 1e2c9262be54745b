import Foundation
import Cartography
import GeoCore
import GeoIO
import GEOSBridge

/// The steps of ``MapMaker/make(_:options:output:inputs:)``, in their order.
extension MapMaker {
    /// The classes of a map: their upper bounds and colours, and what was changed on the way.
    struct Classes {
        var breaks: [Double]
        /// The colours' scheme: a ColorBrewer palette's name, or the fixed colours' name.
        var paletteName: String
        var colorBlindSafe: Bool
        var colors: [String]
        /// The classification's name in the summary and the description (the options' scheme when nil).
        var scheme: String? = nil
        /// The classes' names (categorical and bivariate maps), in the legend and the summary.
        var names: [String] = []
        /// The axes of a bivariate map's legend.
        var bivariate: BivariateAxes? = nil
        /// Fewer distinct values than classes asked for, said in the summary.
        var notes: [String] = []
    }

    /// The frames: the CRS of most features is the main map (frame 0); features of other CRSs
    /// (the overseas départements of a national layer) go to insets, one per département (or
    /// per CRS when not one of them), in the order of their names.
    static func frames(_ read: Layer, labels: MapLabels) throws -> [MapFrame] {
        let (codes, geometries, featureCRS) = (read.codes, read.projected, read.crs)
        let byCRS = Dictionary(grouping: geometries.indices, by: { featureCRS[$0] })
        let (crs, drawn) = byCRS.max { ($0.value.count, -$0.key.epsg) < ($1.value.count, -$1.key.epsg) }!
        let insetGroups = Dictionary(grouping: geometries.indices.filter { featureCRS[$0] != crs }, by: { i -> String in
            let dep = MetricCRS.department(ofCommune: codes[i])
            return labels.overseasName(dep) != nil ? dep : featureCRS[i].description
        }).sorted { $0.key < $1.key }
        var frames = [try MapFrame(crs: crs, members: drawn, projected: geometries, label: "")]
        for (key, members) in insetGroups {
            frames.append(try MapFrame(crs: featureCRS[members[0]], members: members, projected: geometries, label: labels.overseasName(key) ?? key))
        }
        return frames
    }

    /// The classes over every frame's values: at most as many as distinct values.
    static func classes(_ values: [Double?], layer: URL, options: Options) throws -> Classes {
        let present = values.compactMap { $0 }
        guard !present.isEmpty else { throw InputError(file: layer.relativePath, field: options.field, message: "every value is missing") }
        let distinct = Set(present).count
        let k = min(options.classes, distinct)
        var notes: [String] = []
        if k < options.classes && options.scheme != .manual { notes.append("\(distinct) distinct value(s): \(k) class(es) instead of \(options.classes)") }
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
        return Classes(breaks: breaks, paletteName: palette.name, colorBlindSafe: palette.colorBlindSafe, colors: try palette.colors(breaks.count), notes: notes)
    }

    /// The choropleth of the frames, without overlays: polygons, classes, insets, legend,
    /// precision (whole pixels above 2,000 polygons in the main map), source and description.
    static func choropleth(_ read: Layer, frames: [MapFrame], classes: Classes, labels: MapLabels, layer: URL, options: Options) -> ChoroplethMap {
        let main = frames[0], values = read.values
        let field = classes.bivariate.map { "\($0.x) × \($0.y)" } ?? options.field
        var map = ChoroplethMap(polygons: main.projected, values: main.members.map { values[$0] }, breaks: classes.breaks, colors: classes.colors,
                                title: options.title ?? field)
        map.unreachable = main.members.map { read.unreachable[$0] }
        map.secret = main.members.map { read.secret[$0] }
        map.insets = frames.dropFirst().map { f in
            ChoroplethMap.Inset(label: f.label, polygons: f.projected, values: f.members.map { values[$0] },
                                unreachable: f.members.map { read.unreachable[$0] }, secret: f.members.map { read.secret[$0] })
        }
        map.subtitle = options.subtitle
        map.classNames = classes.names.isEmpty ? options.classNames : classes.names
        map.bivariate = classes.bivariate
        map.legendTitle = options.legendTitle ?? (classes.bivariate == nil ? defaultLegendTitle(field: options.field, labels: labels) : "")
        map.labelsText = labels
        map.hatchLabel = options.hatchLabel
        map.precision = main.projected.count > 2000 ? 0 : 1
        map.strokeWidth = main.projected.count > 2000 ? 0.05 : 0.3
        map.source = options.source ?? "\(labels.source) : GeoHealth, \(layer.lastPathComponent)"
        map.description = "\(field), \(classes.scheme ?? options.scheme.rawValue), \(classes.breaks.count) classes, palette \(classes.paletteName)"
            + (classes.colorBlindSafe ? " (colour-blind safe)" : "")
            + (frames.count > 1 ? "; insets: \(frames.dropFirst().map(\.label).joined(separator: ", "))" : "")
        return map
    }

    /// The names of the `count` most populous features of the main map, at a point on their
    /// surface (the code for a feature without a name).
    static func placeNames(_ read: Layer, frame: MapFrame, count: Int) throws -> [(Coordinate, String)] {
        let context = GEOSContext.current
        let drawn = frame.members
        let order = drawn.indices.sorted { (read.populations[drawn[$0]], -$0) > (read.populations[drawn[$1]], -$1) }.prefix(count)
        return try order.compactMap { k in
            guard let p = try context.geometry(frame.projected[k]).pointOnSurface() else { return nil }
            return (p, read.names[drawn[k]].isEmpty ? read.codes[drawn[k]] : read.names[drawn[k]])
        }
    }
}
