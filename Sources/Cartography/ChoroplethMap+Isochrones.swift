import GeoCore

extension ChoroplethMap {
    /// An isochrone drawn over the choropleth: the area within `minutes` of a site, in the
    /// map's metric CRS (`geohealth isochrones`' `isochrones` layer).
    package struct Isochrone: Sendable {
        /// The threshold in minutes: isochrones of one threshold share a colour.
        package var minutes: Double
        /// The polygon, in the map's CRS.
        package var shape: Geometry

        /// The isochrone of `minutes` drawn as `shape`.
        package init(minutes: Double, shape: Geometry) {
            self.minutes = minutes
            self.shape = shape
        }
    }

    /// ColorBrewer Blues, darkest first: the shortest threshold darkest (nearest the site), the
    /// next ones lighter; beyond five thresholds the lightest repeats.
    static let isochroneColors = ["#08519c", "#3182bd", "#6baed6", "#9ecae1", "#c6dbef"]

    /// The thresholds drawn, ascending, each with its colour.
    var isochroneThresholds: [(minutes: Double, color: String)] {
        let minutes = Array(Set(isochrones.map(\.minutes))).sorted()
        return minutes.enumerated().map { ($1, Self.isochroneColors[min($0, Self.isochroneColors.count - 1)]) }
    }

    /// One path per threshold, the largest first so that the nearer bands lie on top: a light
    /// transparent fill (opacity 0.15, the choropleth shows through) and an outline in the
    /// threshold's colour; holes stay open (even-odd rule).
    func isochroneLayer(encoder: PathEncoder) -> SVGNode {
        let paths = isochroneThresholds.reversed().map { t -> SVGNode in
            var d = ""
            for i in isochrones where i.minutes == t.minutes { encoder.append(i.shape, to: &d) }
            return .el("path", [
                ("class", "isochrone"), ("data-minutes", svgNumber(t.minutes, 2)), ("fill", t.color), ("fill-opacity", "0.15"),
                ("fill-rule", "evenodd"), ("stroke", t.color), ("stroke-width", "1.4"), ("d", d),
            ])
        }
        return .el("g", [("id", "isochrones")], paths)
    }

    /// The legend's keys of the isochrones: one outlined swatch per threshold.
    func isochroneLegendRows(x: Double, next: inout Double) -> [SVGNode] {
        var rows: [SVGNode] = []
        for t in isochroneThresholds {
            let key = SVGNode.el("rect", [
                ("x", svgNumber(x)), ("y", svgNumber(next)), ("width", "22"), ("height", "16"), ("fill", t.color), ("fill-opacity", "0.15"),
                ("stroke", t.color), ("stroke-width", "1.4"),
            ])
            rows += [key, Self.legendText(labelsText.isochrone(labelsText.number(t.minutes)), x: x, y: next)]
            next += 24
        }
        return rows
    }
}
