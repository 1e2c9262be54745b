import Foundation

/// Charts a planner can paste into a report, as SVG node trees: Lorenz curves with their Gini,
/// a histogram of travel times with threshold lines, bars of population beyond thresholds by
/// group, and before/after bars of a siting scenario. Same conventions as ``ChoroplethMap``:
/// `<title>`, `<desc>`, a viewBox, text as text, fixed precision.
package enum Chart {
    static let width = 720.0, height = 460.0
    static let plot = (x: 70.0, y: 78.0, w: 600.0, h: 302.0)
    static let series = ["#2171b5", "#d7301f", "#238b45", "#6a51a3", "#fd8d3c", "#525252"]

    static func frame(title: String, description: String, _ body: [SVGNode]) -> SVGNode {
        .el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"), ("width", svgNumber(width)),
                ("height", svgNumber(height)), ("role", "img"), ("aria-labelledby", "chart-title chart-desc"),
                ("font-family", "DejaVu Sans, Arial, sans-serif"),
            ],
            [
                .el("title", [("id", "chart-title")], [.text(title)]), .el("desc", [("id", "chart-desc")], [.text(description)]),
                .el("rect", [("width", svgNumber(width)), ("height", svgNumber(height)), ("fill", "#ffffff")]),
                .el("text", [("x", svgNumber(plot.x)), ("y", "34"), ("font-size", "18"), ("font-weight", "bold")], [.text(title)]),
            ] + body)
    }

    static func axes(xLabel: String, yLabel: String, xTicks: [(Double, String)], yTicks: [(Double, String)]) -> [SVGNode] {
        var nodes: [SVGNode] = [
            .el(
                "line",
                [
                    ("x1", svgNumber(plot.x)), ("y1", svgNumber(plot.y + plot.h)), ("x2", svgNumber(plot.x + plot.w)), ("y2", svgNumber(plot.y + plot.h)),
                    ("stroke", "#222"),
                ]),
            .el(
                "line",
                [("x1", svgNumber(plot.x)), ("y1", svgNumber(plot.y)), ("x2", svgNumber(plot.x)), ("y2", svgNumber(plot.y + plot.h)), ("stroke", "#222")]),
            .el(
                "text", [("x", svgNumber(plot.x + plot.w / 2)), ("y", svgNumber(plot.y + plot.h + 40)), ("font-size", "13"), ("text-anchor", "middle")],
                [.text(xLabel)]),
            .el(
                "text",
                [
                    ("x", "18"), ("y", svgNumber(plot.y + plot.h / 2)), ("font-size", "13"), ("text-anchor", "middle"),
                    ("transform", "rotate(-90 18 \(svgNumber(plot.y + plot.h / 2)))"),
                ], [.text(yLabel)]),
        ]
        for (x, label) in xTicks {
            nodes.append(
                .el("text", [("x", svgNumber(x)), ("y", svgNumber(plot.y + plot.h + 18)), ("font-size", "11"), ("text-anchor", "middle")], [.text(label)]))
        }
        for (y, label) in yTicks {
            nodes.append(
                .el("line", [("x1", svgNumber(plot.x)), ("y1", svgNumber(y)), ("x2", svgNumber(plot.x + plot.w)), ("y2", svgNumber(y)), ("stroke", "#e0e0e0")]))
            nodes.append(.el("text", [("x", svgNumber(plot.x - 6)), ("y", svgNumber(y + 4)), ("font-size", "11"), ("text-anchor", "end")], [.text(label)]))
        }
        return nodes
    }

    /// Lorenz curves (population share, value share), one per group, with the Gini in the legend.
    package static func lorenz(
        _ curves: [(label: String, points: [(Double, Double)], gini: Double)], title: String, labels: MapLabels = MapLabels()
    ) -> SVGNode {
        func px(_ p: (Double, Double)) -> String { "\(svgNumber(plot.x + p.0 * plot.w)),\(svgNumber(plot.y + (1 - p.1) * plot.h))" }
        let ticks = stride(from: 0.0, through: 1.0, by: 0.25).map { $0 }
        var body = axes(
            xLabel: labels.population, yLabel: labels.valueShare,
            xTicks: ticks.map { (plot.x + $0 * plot.w, svgNumber($0 * 100, 0) + " %") },
            yTicks: ticks.map { (plot.y + (1 - $0) * plot.h, svgNumber($0 * 100, 0) + " %") })
        body.append(
            .el(
                "line",
                [
                    ("x1", svgNumber(plot.x)), ("y1", svgNumber(plot.y + plot.h)), ("x2", svgNumber(plot.x + plot.w)), ("y2", svgNumber(plot.y)),
                    ("stroke", "#999"), ("stroke-dasharray", "4 3"),
                ]))
        for (k, c) in curves.enumerated() {
            body.append(
                .el(
                    "polyline",
                    [("points", c.points.map(px).joined(separator: " ")), ("fill", "none"), ("stroke", series[k % series.count]), ("stroke-width", "2")]))
            let ly = plot.y + 14 + Double(k) * 20
            body.append(
                .el(
                    "line",
                    [
                        ("x1", svgNumber(plot.x + 16)), ("y1", svgNumber(ly - 4)), ("x2", svgNumber(plot.x + 40)), ("y2", svgNumber(ly - 4)),
                        ("stroke", series[k % series.count]), ("stroke-width", "3"),
                    ]))
            body.append(
                .el("text", [("x", svgNumber(plot.x + 46)), ("y", svgNumber(ly)), ("font-size", "12")], [.text("\(c.label) — Gini \(labels.number(c.gini))")]))
        }
        return frame(title: title, description: "Lorenz: " + curves.map { "\($0.label) Gini \(svgNumber($0.gini, 3))" }.joined(separator: "; "), body)
    }

    /// A histogram of values (bins of equal width) with vertical threshold lines.
    package static func histogram(
        _ values: [Double], bins: Int = 20, thresholds: [Double], title: String, xLabel: String, labels: MapLabels = MapLabels()
    ) throws -> SVGNode {
        let v = values.filter(\.isFinite)
        guard let lo = v.min(), let hi = v.max(), bins > 0 else { throw CartographyError("no value to draw") }
        let span = max(hi - lo, 1e-9), w = span / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for x in v { counts[min(bins - 1, Int((x - lo) / w))] += 1 }
        let top = Double(counts.max()!)
        func xpx(_ x: Double) -> Double { plot.x + (x - lo) / span * plot.w }
        var body = axes(xLabel: xLabel, yLabel: labels.communes,
                        xTicks: stride(from: 0, through: bins, by: max(1, bins / 5)).map { (xpx(lo + Double($0) * w), labels.number(lo + Double($0) * w)) },
                        yTicks: [0, 0.5, 1].map { (plot.y + plot.h * (1 - $0), labels.number((top * $0).rounded())) })
        for (b, c) in counts.enumerated() where c > 0 {
            let h = Double(c) / top * plot.h
            body.append(
                .el(
                    "rect",
                    [
                        ("x", svgNumber(xpx(lo + Double(b) * w) + 0.5)), ("y", svgNumber(plot.y + plot.h - h)), ("width", svgNumber(plot.w / Double(bins) - 1)),
                        ("height", svgNumber(h)), ("fill", "#6baed6"),
                    ]))
        }
        for t in thresholds where t >= lo && t <= hi {
            body.append(
                .el(
                    "line",
                    [
                        ("x1", svgNumber(xpx(t))), ("y1", svgNumber(plot.y)), ("x2", svgNumber(xpx(t))), ("y2", svgNumber(plot.y + plot.h)),
                        ("stroke", "#d7301f"), ("stroke-width", "2"), ("stroke-dasharray", "6 3"),
                    ]))
            body.append(
                .el(
                    "text", [("x", svgNumber(xpx(t) + 4)), ("y", svgNumber(plot.y + 12)), ("font-size", "12"), ("fill", "#d7301f")],
                    [.text("\(labels.number(t)) \(labels.minutes)")]))
        }
        return frame(
            title: title,
            description:
                "\(v.count) values from \(svgNumber(lo, 2)) to \(svgNumber(hi, 2)); thresholds \(thresholds.map { svgNumber($0, 1) }.joined(separator: ", "))",
            body)
    }

    /// Grouped bars: for each group, one bar per series (e.g. population beyond 20 and 30 minutes;
    /// before and after a scenario).
    package static func bars(
        groups: [String], series names: [String], values: [[Double]], title: String, yLabel: String, labels: MapLabels = MapLabels()
    ) throws -> SVGNode {
        guard !groups.isEmpty, values.count == groups.count, values.allSatisfy({ $0.count == names.count }) else {
            throw CartographyError("bars need one value per group and series")
        }
        let top = max(values.flatMap { $0 }.max() ?? 1, 1e-9)
        let slot = plot.w / Double(groups.count), bar = slot * 0.8 / Double(names.count)
        var body = axes(xLabel: "", yLabel: yLabel,
                        xTicks: groups.enumerated().map { (plot.x + (Double($0.offset) + 0.5) * slot, $0.element) },
                        yTicks: [0, 0.5, 1].map { (plot.y + plot.h * (1 - $0), labels.number(top * $0)) })
        for (g, row) in values.enumerated() {
            for (s, v) in row.enumerated() {
                let h = v / top * plot.h
                body.append(.el("rect", [("x", svgNumber(plot.x + Double(g) * slot + slot * 0.1 + Double(s) * bar)), ("y", svgNumber(plot.y + plot.h - h)),
                                         ("width", svgNumber(bar - 1)), ("height", svgNumber(h)), ("fill", series[s % series.count])]))
            }
        }
        for (s, name) in names.enumerated() {  // a horizontal legend between the title and the plot
            let lx = plot.x + Double(s) * 150
            body.append(.el("rect", [("x", svgNumber(lx)), ("y", "50"), ("width", "14"), ("height", "12"), ("fill", series[s % series.count])]))
            body.append(.el("text", [("x", svgNumber(lx + 20)), ("y", "60"), ("font-size", "12")], [.text(name)]))
        }
        return frame(
            title: title,
            description: groups.enumerated().map { g, name in "\(name): " + zip(names, values[g]).map { "\($0) \(svgNumber($1, 1))" }.joined(separator: ", ") }
                .joined(separator: "; "), body)
    }
}
