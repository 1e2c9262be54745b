import Accessibility
import Cartography
import Foundation
import GeoCore

/// The zonage maps of `geohealth zoning` (`--map-before`, `--map-after`): each commune in its
/// class, ZIP, ZAC or outside (``Accessibility/ZoningStatus``), a categorical map drawn by
/// ``MapMaker`` (frames, insets, furniture) with three classes named in the legend with their
/// APL bounds. Colours: ColorBrewer `RdYlBu` with 3 classes (colour-blind safe): ZIP
/// `#fc8d59` (orange-red), ZAC `#ffffbf` (pale yellow), outside `#91bfdb` (blue). The map after
/// marks the planned MSP.
package enum ZoningMap {
    /// The ColorBrewer scheme of the three classes, from ZIP to outside.
    package static let palette = "RdYlBu"

    /// Draws the classes before (`after` false) or after the scenario into `output` (SVG);
    /// returns the map's summary.
    package static func write(
        _ analysis: ZoningAnalysis, after: Bool, to output: URL, inputs: [URL], language: MapLabels.Language = .fr
    ) throws -> Summary {
        let statuses = after ? analysis.statusAfter : analysis.statusBefore
        let areas = analysis.before.study.areas
        let field = "zoning_class"
        let name = URL(fileURLWithPath: after ? "zoning-after" : "zoning-before")
        let layer = try MapMaker.collectLayer(name, field: field, crs: analysis.before.options.crs) { visit in
            for a in areas.indices {
                try visit(a, Feature(geometry: areas[a].geometry, properties: Properties([
                    ("code", .string(areas[a].id)), ("name", .string(areas[a].name)), ("population", .number(areas[a].population ?? 0)),
                    (field, .number(Double(statuses[a].rank + 1))),
                ])))
            }
        }
        let labels = MapLabels(language)
        var options = MapMaker.Options(field: field)
        options.scheme = .manual
        options.manualBreaks = [1, 2, 3]
        options.classes = 3
        options.palette = palette
        options.classNames = labels.zoningClasses(
            priorityBelow: analysis.thresholds.priorityBelow, complementaryBelow: analysis.thresholds.complementaryBelow)
        options.title = labels.zoningTitle(after: after)
        options.legendTitle = labels.zoningLegend
        options.source = "\(labels.source) : GeoHealth, APL (DREES)"
        options.language = language
        if after {
            // One marker per planned MSP: its first added GP.
            let firsts = analysis.addedSites.filter { $0.id.hasSuffix("-1") }
            options.drawnSites = firsts.map { Site(id: $0.id, name: $0.name, kind: .msp, location: $0.location) }
        }
        return try MapMaker.make(layer, of: name, options: options, output: output, inputs: inputs)
    }
}
