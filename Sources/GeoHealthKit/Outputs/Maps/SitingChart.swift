import Cartography
import Foundation

/// The before/after bar chart of a siting scenario (`geohealth site --chart-out`): the
/// population beyond the threshold, and with `accessBelow` the population whose E2SFCA access
/// is below it, before and after the new or removed sites. Words from ``MapLabels``; the
/// report gives its own title, which names the threshold.
///
/// ```swift
/// let svg = try SitingChart.svg(result, thresholdMinutes: 15, accessBelow: nil, labels: MapLabels(.en))
/// try ChartMaker.write(svg, to: url, inputs: inputs)
/// ```
package enum SitingChart {
    /// One group of two bars (before, after) per indicator the scenario reports; `title` nil is
    /// ``MapLabels/sitingChartTitle``.
    package static func svg(
        _ result: SitingAnalysis, thresholdMinutes: Double, accessBelow: Double?, labels: MapLabels, title: String? = nil
    ) throws -> SVGNode {
        var groups = [labels.beyondMinutes(thresholdMinutes)]
        var values = [[result.before.populationBeyond, result.after.populationBeyond]]
        if let accessBelow, let before = result.before.accessGapPopulation, let after = result.after.accessGapPopulation {
            groups.append(labels.accessBelow(accessBelow))
            values.append([before, after])
        }
        return try Chart.bars(groups: groups, series: [labels.before, labels.after], values: values,
                              title: title ?? labels.sitingChartTitle, yLabel: labels.inhabitants, labels: labels)
    }
}
