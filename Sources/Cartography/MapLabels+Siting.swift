import Foundation

/// The words of the before/after chart of a siting scenario (`geohealth site --chart-out`).
extension MapLabels {
    /// The chart's title.
    package var sitingChartTitle: String {
        language == .fr ? "Population concernée, avant et après" : "Population affected, before and after"
    }

    /// The unit of a population axis.
    package var inhabitants: String { language == .fr ? "habitants" : "inhabitants" }

    /// The group of the population beyond a travel-time threshold: `> 15 min`.
    package func beyondMinutes(_ minutes: Double) -> String { "> \(number(minutes)) \(self.minutes)" }

    /// The group of the population whose access is below a value: `accès < 0,5`.
    package func accessBelow(_ value: Double) -> String { (language == .fr ? "accès < " : "access < ") + number(value) }
}
