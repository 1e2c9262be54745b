/// The axes of a bivariate choropleth's legend: the names of the variables across (x) and up (y).
package struct BivariateAxes: Sendable, Equatable {
    package var x: String
    package var y: String
    package init(x: String, y: String) {
        self.x = x
        self.y = y
    }

    /// The side of a cell of the legend's square, in pixels.
    static let cell = 30.0
    /// The height the legend's square takes with its axis labels.
    static let legendHeight = 3 * cell + 56
}

extension ChoroplethMap {
    /// The legend of a bivariate map: a 3 × 3 square of the classes' colours (x across, to the
    /// right; y up), each cell with its count, an arrow along each axis named by its variable
    /// ("x →" under the square, "y →" up its left side), and the words low/high at the corners.
    func bivariateLegend(_ axes: BivariateAxes, x: Double, y: Double, counts: [Int]) -> [SVGNode] {
        let c = BivariateAxes.cell, left = x + 22, top = y + 4
        var nodes: [SVGNode] = []
        for k in 0..<min(9, colors.count) {
            let (row, column) = (k / 3, k % 3)
            let cx = left + Double(column) * c, cy = top + Double(2 - row) * c
            nodes.append(.el("rect", [("x", svgNumber(cx)), ("y", svgNumber(cy)), ("width", svgNumber(c)), ("height", svgNumber(c)),
                                      ("fill", colors[k]), ("stroke", "#ffffff"), ("class", "bivariate-\(k + 1)")]))
            nodes.append(.el("text", [("x", svgNumber(cx + c / 2)), ("y", svgNumber(cy + c / 2 + 4)), ("font-size", "10"), ("text-anchor", "middle"),
                                      ("fill", row + column >= 3 ? "#ffffff" : "#222")], [.text("\(k < counts.count ? counts[k] : 0)")]))
        }
        let bottom = top + 3 * c
        let arrow: [(String, String)] = [("stroke", "#222"), ("stroke-width", "1.2"), ("fill", "none")]
        nodes.append(.el("path", [("id", "bivariate-x-arrow"), ("d", "M\(svgNumber(left)) \(svgNumber(bottom + 8))h\(svgNumber(3 * c))"
            + "m-6 -4l6 4l-6 4")] + arrow))
        nodes.append(.el("path", [("id", "bivariate-y-arrow"), ("d", "M\(svgNumber(left - 8)) \(svgNumber(bottom))v-\(svgNumber(3 * c))"
            + "m-4 6l4 -6l4 6")] + arrow))
        nodes.append(.el("text", [("x", svgNumber(left)), ("y", svgNumber(bottom + 26)), ("font-size", "12")], [.text("\(axes.x) →")]))
        let yLabelX = left - 14, yLabelY = bottom
        nodes.append(.el("text", [("x", svgNumber(yLabelX)), ("y", svgNumber(yLabelY)), ("font-size", "12"),
                                  ("transform", "rotate(-90 \(svgNumber(yLabelX)) \(svgNumber(yLabelY)))")], [.text("\(axes.y) →")]))
        nodes.append(.el("text", [("x", svgNumber(left + 3 * c + 6)), ("y", svgNumber(bottom - 4)), ("font-size", "10"), ("fill", "#555")],
                         [.text(labelsText.bivariateCorners)]))
        return [.el("g", [("id", "bivariate-legend")], nodes)]
    }
}
