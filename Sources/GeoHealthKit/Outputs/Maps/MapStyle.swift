import Cartography
import Foundation
import GeoCore

/// The choropleth of a table's indicator that its GeoPackage carries as its QGIS style (the
/// `layer_styles` table): the classes and colours `geohealth map TABLE --field FIELD` draws with
/// the same scheme, classes and palette (``MapMaker/classes(_:layer:options:)``), so the layer
/// opens in QGIS as the SVG map shows it.
package struct MapStyle: Sendable, Equatable {
    package var field: String
    package var scheme = MapMaker.defaultScheme
    package var classes = MapMaker.defaultClasses
    package var palette = MapMaker.defaultPalette
    /// The language of the legend labels.
    package var language: MapLabels.Language = .fr

    package init(field: String, scheme: MapMaker.Scheme = MapMaker.defaultScheme, palette: String = MapMaker.defaultPalette) {
        self.field = field
        self.scheme = scheme
        self.palette = palette
    }

    /// The map options that draw this style (`geohealth map --field … --scheme … --palette …`).
    var mapOptions: MapMaker.Options {
        var options = MapMaker.Options(field: field)
        options.scheme = scheme
        options.classes = classes
        options.palette = palette
        options.language = language
        return options
    }

    /// The graduated style of `values` (one per feature; nil: missing or unreachable); nil when
    /// no value is there to classify.
    func graduated(_ values: [Double?], layer: URL) throws -> GraduatedStyle? {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let lower = present.min() else { return nil }
        let classes = try MapMaker.classes(values, layer: layer, options: mapOptions)
        return GraduatedStyle(field: field, lower: lower, breaks: classes.breaks, colors: classes.colors, words: MapLabels(language))
    }

    /// The values of ``field`` in `rows` under `columns` (numbers; anything else missing); nil
    /// when the table has no such column.
    func values(columns: [String], rows: [[PropertyValue]]) -> [Double?]? {
        guard let c = columns.firstIndex(of: field) else { return nil }
        return rows.map { row in if case .number(let d) = row[c] { d } else { nil } }
    }
}
