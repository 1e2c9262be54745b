import Foundation

/// A choropleth's classes as a style other map tools apply: QGIS's graduated renderer (QML) and
/// OGC Symbology Encoding (SLD 1.1.0, OGC 05-078r4 / 05-077r4), one class per break with the
/// same bounds, colours and legend labels as the SVG map (``ChoroplethMap``): class c holds the
/// values in (upper(c−1), upper(c)], the first class from the smallest value, as
/// ``Classification/index(of:breaks:)`` assigns them and as QGIS's `rangeForValue` (the first
/// range whose lower ≤ v ≤ upper) does too.
///
/// A missing value (and an unreachable commune, whose value is missing) falls in no class: QGIS
/// and SLD readers leave it unfilled, where the SVG draws it grey or hatched.
package struct GraduatedStyle: Sendable, Equatable {
    /// The layer's numeric column.
    package var field: String
    /// The smallest value: the first class's lower bound.
    package var lower: Double
    /// The classes' upper bounds, increasing (``Classification/breaks(_:)``).
    package var breaks: [Double]
    /// One `#rrggbb` colour per class.
    package var colors: [String]
    /// Each class's legend label (`0 – 5,2`, the SVG legend's words).
    package var labels: [String]

    /// The classes of `breaks` above `lower`, labelled as the SVG legend labels them.
    package init(field: String, lower: Double, breaks: [Double], colors: [String], words: MapLabels) {
        precondition(breaks.count == colors.count, "one colour per class")
        self.field = field
        self.lower = lower
        self.breaks = breaks
        self.colors = colors
        let lowers = [lower] + breaks.dropLast()
        labels = zip(lowers, breaks).map { "\(words.number($0)) – \(words.number($1))" }
    }

    /// Class c's lower bound.
    package func lowerBound(_ c: Int) -> Double { c == 0 ? lower : breaks[c - 1] }

    /// The outline of every polygon (the SVG's white stroke), in millimetres for QGIS.
    static let outlineMillimetres = 0.1

    /// The QGIS style document: a `graduatedSymbol` renderer over ``field`` (`GraduatedColor`),
    /// one range and one simple-fill symbol per class. The properties are written as `<prop k v>`
    /// pairs, which every QGIS 3 reads.
    package var qml: String {
        let ranges = breaks.indices.map { c in
            SVGNode.el("range", [
                ("lower", Self.bound(lowerBound(c))), ("upper", Self.bound(breaks[c])), ("symbol", String(c)), ("label", labels[c]), ("render", "true"),
            ])
        }
        let symbols = colors.enumerated().map { c, color in
            SVGNode.el("symbol", [("type", "fill"), ("name", String(c)), ("alpha", "1"), ("clip_to_extent", "1"), ("force_rhr", "0")], [
                .el("layer", [("class", "SimpleFill"), ("enabled", "1"), ("locked", "0"), ("pass", "0")], [
                    ("color", Self.rgba(color)), ("style", "solid"), ("outline_color", "255,255,255,255"), ("outline_style", "solid"),
                    ("outline_width", String(Self.outlineMillimetres)), ("outline_width_unit", "MM"), ("joinstyle", "round"),
                ].map { SVGNode.el("prop", [("k", $0.0), ("v", $0.1)]) }),
            ])
        }
        let renderer = SVGNode.el("renderer-v2", [
            ("type", "graduatedSymbol"), ("attr", field), ("graduatedMethod", "GraduatedColor"), ("symbollevels", "0"), ("forceraster", "0"),
            ("enableorderby", "0"),
        ], [.el("ranges", [], ranges), .el("symbols", [], symbols)])
        let root = SVGNode.el("qgis", [("version", "3.22.0"), ("styleCategories", "Symbology")], [renderer])
        return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + root.xml + "\n"
    }

    /// The Styled Layer Descriptor of the layer `layer`: one rule per class, its filter
    /// `lower ≤ v ≤ upper` for the first class and `lower < v ≤ upper` after, its polygon
    /// symbolizer filled with the class's colour.
    package func sld(layer: String) -> String {
        let rules = breaks.indices.map { c -> SVGNode in
            let property = SVGNode.el("ogc:PropertyName", [], [.text(field)])
            func literal(_ v: Double) -> SVGNode { .el("ogc:Literal", [], [.text(Self.bound(v))]) }
            let from = SVGNode.el(c == 0 ? "ogc:PropertyIsGreaterThanOrEqualTo" : "ogc:PropertyIsGreaterThan", [], [property, literal(lowerBound(c))])
            let to = SVGNode.el("ogc:PropertyIsLessThanOrEqualTo", [], [property, literal(breaks[c])])
            return .el("se:Rule", [], [
                .el("se:Name", [], [.text(labels[c])]),
                .el("se:Description", [], [.el("se:Title", [], [.text(labels[c])])]),
                .el("ogc:Filter", [("xmlns:ogc", "http://www.opengis.net/ogc")], [.el("ogc:And", [], [from, to])]),
                .el("se:PolygonSymbolizer", [], [
                    .el("se:Fill", [], [.el("se:SvgParameter", [("name", "fill")], [.text(colors[c])])]),
                    .el("se:Stroke", [], [
                        .el("se:SvgParameter", [("name", "stroke")], [.text("#ffffff")]),
                        .el("se:SvgParameter", [("name", "stroke-width")], [.text("0.5")]),
                    ]),
                ]),
            ])
        }
        let root = SVGNode.el("StyledLayerDescriptor", [
            ("xmlns", "http://www.opengis.net/sld"), ("xmlns:ogc", "http://www.opengis.net/ogc"), ("xmlns:se", "http://www.opengis.net/se"),
            ("xmlns:xlink", "http://www.w3.org/1999/xlink"), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"), ("version", "1.1.0"),
            ("xsi:schemaLocation", "http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"),
        ], [
            .el("NamedLayer", [], [
                .el("se:Name", [], [.text(layer)]),
                .el("UserStyle", [], [.el("se:Name", [], [.text(layer)]), .el("se:FeatureTypeStyle", [], rules)]),
            ]),
        ])
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.xml + "\n"
    }

    /// A bound as its shortest exact decimal (`5.2`, `12`).
    static func bound(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// `#rrggbb` → `r,g,b,255` (QGIS's colour property).
    static func rgba(_ hex: String) -> String {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return "0,0,0,255" }
        return "\(value >> 16 & 0xff),\(value >> 8 & 0xff),\(value & 0xff),255"
    }
}
