import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoHealthKit

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "SVG charts: Lorenz curves with the Gini, a histogram of travel times with thresholds, population beyond thresholds by group.",
        discussion: """
            Reads a per-commune table (CSV or GeoJSON, as written with --out). \
            Kinds: lorenz (one curve per --group-by group, or one for all), histogram (--thresholds drawn as lines), \
            beyond (bars of the population beyond each threshold, by --group-by). \
            The before/after chart of a siting scenario comes from `geohealth site --chart-out`.

            Examples:
              geohealth chart lorenz /tmp/apl.geojson --value access --group-by ZONE --out /tmp/lorenz.svg
              geohealth chart histogram /tmp/travel.csv --value hospital_minutes --thresholds 20,30 --out /tmp/hist.svg
              geohealth chart beyond /tmp/travel.csv --value hospital_minutes --thresholds 20,30 --group-by ZONE --out /tmp/beyond.svg
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case lorenz, histogram, beyond }

    @Argument(help: "lorenz, histogram or beyond.")
    var kind: Kind

    @Argument(help: "A per-commune table (CSV or GeoJSON).")
    var table: String

    @Option(help: "The value column.")
    var value: String

    @Option(help: "The weight column, or 'none'.")
    var weight = WeightColumn(InequalityAnalysis.defaultWeight)

    @Option(help: "Group column (one Lorenz curve or one group of bars per value).")
    var groupBy: String?

    @Option(help: "Thresholds (histogram, beyond): \(MinuteList.helpText). \(MinuteList(TravelAnalysis.defaultThresholds).helpDefault)", transform: MinuteList.parse)
    var thresholds = MinuteList(TravelAnalysis.defaultThresholds)

    @Option(help: "Title.")
    var title: String?

    @OptionGroup var language: LanguageOption

    @Option(help: "Output SVG file.")
    var out: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OutputExtension.check(out, "--out", OutputExtension.svg)
    }

    func run() throws {
        output.showProgress()
        let url = URL(fileURLWithPath: table)
        var o = InequalityAnalysis.Options(value: value)
        o.weight = weight.column
        o.groupBy = groupBy
        let data = try ChartMaker.read(url, options: o)
        let svg = try ChartMaker.chart(kind.rawValue, data: data, thresholds: thresholds.values,
                                       title: title, value: value, groupBy: groupBy, labels: language.labels)
        try ChartMaker.write(svg, to: URL(fileURLWithPath: out), inputs: [url])
        output.print(Summary([("file", .string(out)), ("chart", .string(kind.rawValue)), ("units", .int(data.values.count))]), command: "chart")
    }
}
