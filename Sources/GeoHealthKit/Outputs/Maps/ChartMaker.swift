import Foundation
import Cartography
import GeoCore
import GeoIO
import Inequality

/// `geohealth chart`: Lorenz curves, histograms and bars from a per-commune table.
package enum ChartMaker {
    /// Missing values (unreachable communes) are read as NaN: left out of Lorenz curves and
    /// histograms (the description says how many), counted beyond every threshold in bars.
    package static func read(_ url: URL, options: InequalityAnalysis.Options) throws -> InequalityAnalysis.Table {
        var o = options
        o.allowMissing = true
        return try InequalityAnalysis.read(url, options: o)
    }

    package static func chart(_ kind: String, data: InequalityAnalysis.Table, thresholds: [Double], title: String?, value: String, groupBy: String?,
                             labels: MapLabels) throws -> SVGNode {
        let groups = data.groups ?? Array(repeating: labels.allAreas, count: data.values.count)
        let byGroup = Dictionary(grouping: data.values.indices, by: { groups[$0] })
        switch kind {
        case "lorenz":
            let curves = try byGroup.keys.sorted().map { g -> (label: String, points: [(Double, Double)], gini: Double) in
                let idx = byGroup[g]!.filter { data.values[$0].isFinite }
                let lorenz = try Lorenz(try WeightedValues(idx.map { data.values[$0] }, weights: idx.map { data.weights[$0] }))
                return (g, lorenz.points.map { ($0.population, $0.value) }, lorenz.gini)
            }
            return Chart.lorenz(curves, title: title ?? "Lorenz — \(value)", labels: labels)
        case "histogram":
            return try Chart.histogram(data.values, thresholds: thresholds, title: title ?? value, xLabel: "\(value) (\(labels.minutes))", labels: labels)
        default:
            let names = thresholds.map { "> \(labels.number($0)) \(labels.minutes)" }
            let keys = byGroup.keys.sorted()
            let values = keys.map { g in
                thresholds.map { t in byGroup[g]!.reduce(0.0) { $0 + (data.values[$1].isNaN || data.values[$1] > t ? data.weights[$1] : 0) } }
            }
            return try Chart.bars(groups: keys, series: names, values: values, title: title ?? value, yLabel: labels.inhabitants, labels: labels)
        }
    }

    package static func write(_ svg: SVGNode, to url: URL, inputs: [URL]) throws {
        try OutputFile.write(Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.xml + "\n").utf8), to: url, inputs: inputs)
    }
}
