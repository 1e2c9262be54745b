import Foundation
import GeoCore

/// A publication-ready choropleth map as an SVG node tree: classes of a value over polygons in
/// a metric CRS, drawn fitted to the page, with overlays (territory outlines, hatched zones,
/// site markers, labels) and map furniture (title, subtitle, legend with class bounds and
/// counts, scale bar computed from the projection, north arrow, source and date line).
/// Accessible: `<title>`, `<desc>`, `role="img"`, text as text, a viewBox, no external resource.
package struct ChoroplethMap: Sendable {
    package struct Site: Sendable {
        package var position: Coordinate
        package var kind: String
        package var size: Double?
        package init(position: Coordinate, kind: String, size: Double? = nil) {
            self.position = position
            self.kind = kind
            self.size = size
        }
    }

    package var polygons: [Geometry]
    package var values: [Double?]
    /// Per polygon: its value is missing because nothing is within reach (beyond the travel
    /// bound), drawn and counted apart from "no data".
    package var unreachable: [Bool]
    /// Per polygon: its value is hidden by statistical secrecy (a `NAME_secret` reason in a
    /// guarded table, docs/publishing.md), drawn light grey and counted apart from "no data".
    package var secret: [Bool]
    /// Territories drawn in frames of their own beside the main map (the overseas départements
    /// of a national map), each in its own CRS and scale; classes and colours are shared.
    package var insets: [Inset] = []
    package var breaks: [Double]
    package var colors: [String]
    /// A categorical map's names of the classes, in the order of ``breaks``: the legend shows
    /// them instead of the class bounds (empty: the bounds).
    package var classNames: [String] = []
    /// A bivariate map's axes: the legend is then a 3 × 3 square (``BivariateClasses``) instead
    /// of a list of classes; the 9 classes are 1…9 in ``breaks``.
    package var bivariate: BivariateAxes?
    package var title: String
    package var subtitle = ""
    /// The legend's heading: what the classes measure and in which unit ("Temps d'accès
    /// (minutes)"); empty: none.
    package var legendTitle = ""
    package var source = ""
    package var description = ""
    package var outlines: [Geometry] = []
    package var hatched: [Geometry] = []
    /// The legend's name of the hatched zones (nil: ``MapLabels/gapZone``).
    package var hatchLabel: String?
    /// Isochrones drawn over the choropleth, one colour per threshold (main map only).
    package var isochrones: [Isochrone] = []
    package var sites: [Site] = []
    package var labels: [(position: Coordinate, text: String)] = []
    package var labelsText = MapLabels()
    package var width = 1000.0
    var mapWidth = 700.0
    /// Decimals of pixel coordinates (0: whole pixels).
    package var precision = 1
    /// Width of the white lines between polygons (thinner for thousands of communes).
    package var strokeWidth = 0.3

    package init(polygons: [Geometry], values: [Double?], breaks: [Double], colors: [String], title: String) {
        precondition(polygons.count == values.count && breaks.count == colors.count)
        self.polygons = polygons
        self.values = values
        unreachable = Array(repeating: false, count: polygons.count)
        secret = unreachable
        self.breaks = breaks
        self.colors = colors
        self.title = title
    }

    package func svg() -> SVGNode {
        let layout = layout()
        let encoder = PathEncoder(toPixel: layout.px, precision: precision)
        var children = header(layout)
        let paths = classPaths(encoder: encoder, frames: layout.frames)
        children.append(choroplethLayer(paths))
        children += overlays(encoder: encoder, layout: layout)
        children += furniture(layout, paths: paths)
        return .el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(svgNumber(layout.width)) \(svgNumber(layout.height))"),
                           ("width", svgNumber(layout.width)), ("height", svgNumber(layout.height)), ("role", "img"),
                           ("aria-labelledby", "map-title map-desc"), ("font-family", "DejaVu Sans, Arial, sans-serif")], children)
    }

    /// Where everything goes: the map's frame (left, top, scale, height), the insets' frames,
    /// the drawing's size, and longitude/latitude (or metres) to pixels.
    struct Layout {
        var top: Double
        var margin: Double
        var left: Double
        var width: Double
        var height: Double
        var scale: Double
        var mapHeight: Double
        var frames: [Frame]
        var px: @Sendable (Coordinate) -> (Double, Double)
    }

    func layout() -> Layout {
        var box = BoundingBox.empty
        for p in polygons { box.extend(p.boundingBox) }
        let top = subtitle.isEmpty ? 60.0 : 80.0
        let margin = 20.0, left = margin + (insets.isEmpty ? 0 : Self.insetColumnWidth)
        let width = self.width + (insets.isEmpty ? 0 : Self.insetColumnWidth)
        let scale = mapWidth / max(box.width, 1)
        let mapHeight = max(box.height, 1) * scale
        let frames = insetFrames(x: margin, top: top)
        let height = max(top + mapHeight + 85, 520, (frames.last.map { $0.rect.maxY } ?? 0) + 40)
        let (minX, maxY) = (box.minX, box.maxY)
        @Sendable func px(_ c: Coordinate) -> (Double, Double) { (left + (c.x - minX) * scale, top + (maxY - c.y) * scale) }
        return Layout(top: top, margin: margin, left: left, width: width, height: height, scale: scale, mapHeight: mapHeight, frames: frames, px: px)
    }

    /// The title and description (for screen readers), the fill patterns, the background, the
    /// title and the subtitle.
    func header(_ layout: Layout) -> [SVGNode] {
        var children: [SVGNode] = [
            .el("title", [("id", "map-title")], [.text(title)]),
            .el("desc", [("id", "map-desc")], [.text(description.isEmpty ? subtitle : description)]),
            .el("defs", [], [
                .el("pattern", [("id", "missing"), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)")], [
                    .el("rect", [("width", "6"), ("height", "6"), ("fill", "#f0f0f0")]),
                    .el("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", "#bdbdbd"), ("stroke-width", "2")]),
                ]),
                .el("pattern", [("id", "hatch"), ("width", "8"), ("height", "8"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(-45)")], [
                    .el("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "8"), ("stroke", "#000"), ("stroke-width", "1.2"), ("stroke-opacity", "0.7")]),
                ]),
            ]),
            .el("rect", [("width", svgNumber(layout.width)), ("height", svgNumber(layout.height)), ("fill", "#ffffff")]),
            .el("text", [("x", svgNumber(layout.margin)), ("y", "32"), ("font-size", "22"), ("font-weight", "bold")], [.text(title)]),
        ]
        if !subtitle.isEmpty {
            children.append(.el("text", [("x", svgNumber(layout.margin)), ("y", "56"), ("font-size", "15"), ("fill", "#444")], [.text(subtitle)]))
        }
        return children
    }

    /// The polygons of every frame, one path per class (and one each for unreachable and missing values).
    func classPaths(encoder: PathEncoder, frames: [Frame]) -> ClassPaths {
        var paths = ClassPaths(classes: colors.count)
        paths.add(polygons, values: values, unreachable: unreachable, secret: secret, breaks: breaks, encoder: encoder)
        for (inset, frame) in zip(insets, frames) {
            paths.add(
                inset.polygons, values: inset.values, unreachable: inset.unreachable, secret: inset.secret, breaks: breaks,
                encoder: PathEncoder(toPixel: frame.px, precision: precision))
        }
        return paths
    }

    /// The choropleth: the classes' paths, then the unreachable and the missing.
    func choroplethLayer(_ paths: ClassPaths) -> SVGNode {
        var layer: [SVGNode] = []
        for (c, bytes) in paths.byClass.enumerated() where !bytes.isEmpty {
            let d = String(decoding: bytes, as: UTF8.self)
            layer.append(.el("path", [("class", "class-\(c + 1)"), ("fill", colors[c]), ("d", d)]))
        }
        if !paths.unreachable.isEmpty { layer.append(.el("path", [("class", "unreachable"), ("fill", Self.unreachableFill), ("d", String(decoding: paths.unreachable, as: UTF8.self))])) }
        if !paths.secret.isEmpty { layer.append(.el("path", [("class", "secret"), ("fill", Self.secretFill), ("d", String(decoding: paths.secret, as: UTF8.self))])) }
        if !paths.missing.isEmpty { layer.append(.el("path", [("class", "missing"), ("fill", "url(#missing)"), ("d", String(decoding: paths.missing, as: UTF8.self))])) }
        return .el("g", [("id", "choropleth"), ("stroke", "#ffffff"), ("stroke-width", svgNumber(strokeWidth, 2)), ("stroke-linejoin", "round")], layer)
    }

    /// What is drawn over the choropleth: gap zones, territories, sites, the insets, labels.
    func overlays(encoder: PathEncoder, layout: Layout) -> [SVGNode] {
        var children: [SVGNode] = []
        if !hatched.isEmpty {
            var d = ""
            for g in hatched { encoder.append(g, to: &d) }
            children.append(.el("path", [("id", "gap-zones"), ("fill", "url(#hatch)"), ("stroke", "#000"), ("stroke-width", "1"), ("d", d)]))
        }
        if !isochrones.isEmpty { children.append(isochroneLayer(encoder: encoder)) }
        if !outlines.isEmpty {
            var d = ""
            for g in outlines { encoder.append(g, to: &d) }
            children.append(.el("path", [("id", "territories"), ("fill", "none"), ("stroke", "#252525"), ("stroke-width", "1.6"), ("d", d)]))
        }
        if !sites.isEmpty { children.append(siteLayer(sites, layout.px)) }
        if !insets.isEmpty { children.append(insetLayer(layout.frames)) }
        if !labels.isEmpty {
            let attributes = [
                ("id", "labels"), ("font-size", "11"), ("text-anchor", "middle"), ("paint-order", "stroke"), ("stroke", "#ffffff"),
                ("stroke-width", "3"), ("fill", "#111"),
            ]
            children.append(.el("g", attributes, labels.map { l in
                let (x, y) = layout.px(l.position)
                return .el("text", [("x", svgNumber(x)), ("y", svgNumber(y))], [.text(l.text)])
            }))
        }
        return children
    }

    /// The legend, scale bar, north arrow and source.
    func furniture(_ layout: Layout, paths: ClassPaths) -> [SVGNode] {
        let legendX = layout.left + mapWidth + 30
        var children = [
            legend(x: legendX, y: layout.top, counts: paths.counts, unreachableCount: paths.unreachableCount, missing: paths.missingCount,
                   secret: paths.secretCount),
            scaleBar(x: layout.left, y: layout.top + layout.mapHeight + 30, pixelsPerMetre: layout.scale),
            northArrow(x: layout.left + mapWidth - 20, y: layout.top + 10),
        ]
        if !source.isEmpty {
            children.append(
                .el("text", [("x", svgNumber(layout.margin)), ("y", svgNumber(layout.height - 12)), ("font-size", "11"), ("fill", "#555")], [.text(source)]))
        }
        return children
    }

    func legend(x: Double, y: Double, counts: [Int], unreachableCount: Int, missing: Int, secret: Int = 0) -> SVGNode {
        var rows: [SVGNode] = []
        var y = y
        if !legendTitle.isEmpty {
            rows.append(.el("text", [("x", svgNumber(x)), ("y", svgNumber(y + 12)), ("font-size", "13"), ("font-weight", "bold")], [.text(legendTitle)]))
            y += 24
        }
        var next: Double
        if let bivariate {
            rows += bivariateLegend(bivariate, x: x, y: y, counts: counts)
            next = y + BivariateAxes.legendHeight
        } else {
            rows += classRows(x: x, y: y, counts: counts)
            next = y + Double(breaks.count) * 24
        }
        func row(_ key: SVGNode, _ label: String) {
            rows += [key, Self.legendText(label, x: x, y: next)]
            next += 24
        }
        if unreachableCount > 0 {
            row(Self.swatch(x: x, y: next, fill: Self.unreachableFill, stroke: "#999", strokeWidth: "0.5"), "\(labelsText.unreachable)  (\(unreachableCount))")
        }
        if secret > 0 { row(Self.swatch(x: x, y: next, fill: Self.secretFill, stroke: "#999", strokeWidth: "0.5"), "\(labelsText.secret)  (\(secret))") }
        if missing > 0 { row(Self.swatch(x: x, y: next, fill: "url(#missing)", stroke: "#999", strokeWidth: "0.5"), "\(labelsText.noData)  (\(missing))") }
        if !hatched.isEmpty || insets.contains(where: { !$0.hatched.isEmpty }) {
            row(Self.swatch(x: x, y: next, fill: "url(#hatch)", stroke: "#000", strokeWidth: nil), hatchLabel ?? labelsText.gapZone)
        }
        if !outlines.isEmpty || insets.contains(where: { !$0.outlines.isEmpty }) {
            let line: [(String, String)] = [
                ("x1", svgNumber(x)), ("y1", svgNumber(next + 8)), ("x2", svgNumber(x + 22)), ("y2", svgNumber(next + 8)), ("stroke", "#252525"),
                ("stroke-width", "1.6"),
            ]
            row(.el("line", line), labelsText.territory)
        }
        if !isochrones.isEmpty { rows += isochroneLegendRows(x: x, next: &next) }
        for kind in Array(Set((sites + insets.flatMap(\.sites)).map(\.kind))).sorted() {
            row(Self.marker(kind: kind, x: x + 11, y: next + 8, r: 5), labelsText.kind(kind))
        }
        return .el("g", [("id", "legend")], rows)
    }

    /// The legend's classes, one a row from `y`: the key, the bounds (or the name), the count.
    func classRows(x: Double, y: Double, counts: [Int]) -> [SVGNode] {
        var rows: [SVGNode] = []
        var lower = (values + insets.flatMap(\.values)).compactMap { $0 }.filter(\.isFinite).min() ?? 0
        for (c, upper) in breaks.enumerated() {
            let ry = y + Double(c) * 24
            rows.append(Self.swatch(x: x, y: ry, fill: colors[c], stroke: "#999", strokeWidth: "0.5"))
            let label = c < classNames.count ? classNames[c] : "\(labelsText.number(lower)) – \(labelsText.number(upper))"
            rows.append(Self.legendText("\(label)  (\(counts[c]))", x: x, y: ry))
            lower = upper
        }
        return rows
    }

    /// A legend's key: a 22 × 16 rectangle at (x, y).
    static func swatch(x: Double, y: Double, fill: String, stroke: String, strokeWidth: String?) -> SVGNode {
        .el("rect", [("x", svgNumber(x)), ("y", svgNumber(y)), ("width", "22"), ("height", "16"), ("fill", fill), ("stroke", stroke)]
            + (strokeWidth.map { [("stroke-width", $0)] } ?? []))
    }

    /// A legend's label, beside the key at height `y`.
    static func legendText(_ text: String, x: Double, y: Double) -> SVGNode {
        .el("text", [("x", svgNumber(x + 30)), ("y", svgNumber(y + 13)), ("font-size", "13")], [.text(text)])
    }

    func siteLayer(_ sites: [Site], _ px: (Coordinate) -> (Double, Double), id: String = "sites") -> SVGNode {
        .el("g", [("id", id)], sites.map { s in
            let (x, y) = px(s.position)
            let r = s.size.map { 3 + $0.squareRoot() } ?? 4
            return Self.marker(kind: s.kind, x: x, y: y, r: min(r, 14))
        })
    }

    /// A symbol and colour per site kind (colour-blind-distinguishable shapes as well as hues).
    static func marker(kind: String, x: Double, y: Double, r: Double) -> SVGNode {
        let stroke: [(String, String)] = [("stroke", "#ffffff"), ("stroke-width", "1")]
        func pts(_ p: [(Double, Double)]) -> String { p.map { "\(svgNumber(x + $0.0 * r)),\(svgNumber(y + $0.1 * r))" }.joined(separator: " ") }
        switch kind {
        case "hospital":
            return .el(
                "rect",
                [("x", svgNumber(x - r)), ("y", svgNumber(y - r)), ("width", svgNumber(2 * r)), ("height", svgNumber(2 * r)), ("fill", "#d7301f")] + stroke)
        case "sas": return .el("polygon", [("points", pts([(0, -1.2), (1.1, 0.8), (-1.1, 0.8)])), ("fill", "#2171b5")] + stroke)
        case "emergency": return .el("polygon", [("points", pts([(0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)])), ("fill", "#fd8d3c")] + stroke)
        case "msp": return .el("circle", [("cx", svgNumber(x)), ("cy", svgNumber(y)), ("r", svgNumber(r)), ("fill", "#238b45")] + stroke)
        default: return .el("circle", [("cx", svgNumber(x)), ("cy", svgNumber(y)), ("r", svgNumber(r * 0.8)), ("fill", "#6a51a3")] + stroke)
        }
    }

    /// A bar of a round length (1, 2 or 5 × 10ⁿ km) close to a fifth of the frame's width.
    func scaleBar(x: Double, y: Double, pixelsPerMetre: Double, frameWidth: Double? = nil, fontSize: Int = 12, id: String = "scale-bar") -> SVGNode {
        let target = (frameWidth ?? mapWidth) / 5 / pixelsPerMetre / 1000
        let magnitude = pow(10, floor(log10(max(target, 1e-9))))
        let km = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let length = km * 1000 * pixelsPerMetre
        let bar = fontSize < 12 ? 4.0 : 6.0
        return .el(
            "g", [("id", id)],
            [
                .el("rect", [("x", svgNumber(x)), ("y", svgNumber(y)), ("width", svgNumber(length / 2)), ("height", svgNumber(bar)), ("fill", "#222")]),
                .el(
                    "rect",
                    [
                        ("x", svgNumber(x + length / 2)), ("y", svgNumber(y)), ("width", svgNumber(length / 2)), ("height", svgNumber(bar)), ("fill", "#fff"),
                        ("stroke", "#222"),
                    ]),
                .el(
                    "text", [("x", svgNumber(x + length + (fontSize < 12 ? 4 : 8))), ("y", svgNumber(y + bar + 1)), ("font-size", "\(fontSize)")],
                    [.text("\(labelsText.number(km)) km")]),
            ])
    }

    func northArrow(x: Double, y: Double) -> SVGNode {
        .el(
            "g", [("id", "north-arrow")],
            [
                .el(
                    "polygon",
                    [
                        (
                            "points",
                            "\(svgNumber(x)),\(svgNumber(y)) \(svgNumber(x + 8)),\(svgNumber(y + 24)) \(svgNumber(x)),\(svgNumber(y + 18)) " +
                            "\(svgNumber(x - 8)),\(svgNumber(y + 24))"
                        ), ("fill", "#222"),
                    ]),
                .el("text", [("x", svgNumber(x)), ("y", svgNumber(y + 40)), ("font-size", "13"), ("text-anchor", "middle")], [.text(labelsText.north)]),
            ])
    }
}
