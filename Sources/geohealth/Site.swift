import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit
import Cartography

extension SitingAnalysis.Method: ExpressibleByArgument {}

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Where k new sites help most (maximal covering or p-median), and what-if: add planned sites, remove existing ones.",
        discussion: """
            Reports each chosen site with the population it newly brings within --minutes, and the before/after of the headline indicators: population beyond the threshold, mean time to the nearest site, Gini of that time, and with --access-below the population whose E2SFCA access is below it. Candidates are the communes' representative points unless --no-commune-candidates; --candidates adds a site file.

            Capacity of new sites (for --access-below, E2SFCA): the convention of the existing sites of the kind. If none has a capacity, every site counts 1, new ones too (a capacity in --add or --new-capacity is then refused). If they have capacities, a new site gets its --add capacity, else --new-capacity, else the median of the existing capacities.

            Examples:
              geohealth site geodata --site-kind msp --k 3 --minutes 15
              geohealth site geodata --site-kind hospital --k 2 --method pmedian --minutes 30
              geohealth site geodata --site-kind msp --minutes 15 --add 2.2,46.3,4,"MSP en projet" --remove M3
            """)

    @OptionGroup var inputs: StudyInputOptions
    @OptionGroup var costs: CostOptions

    @Option(name: .customLong("site-kind"), help: "The kind of site to add (msp, hospital, …).")
    var siteKind: String

    @Option(help: "Number of new sites to choose, \(OptionRange.newSites.helpText) (0: what-if only).")
    var k = 0

    @Option(help: "mclp (population newly within --minutes) or pmedian (population-weighted time).")
    var method: SitingAnalysis.Method = .mclp

    @Option(help: "Coverage threshold in minutes, \(OptionRange.minutes.helpText).")
    var minutes = 30.0

    @Option(help: "Candidate sites (CSV or GeoJSON, as --sites).")
    var candidates: String?

    @Flag(help: "Do not use the communes' representative points as candidates.")
    var noCommuneCandidates = false

    @Option(help: "A planned site 'lon,lat[,capacity[,name]]'; repeat for several.")
    var add: [String] = []

    @Option(help: "Remove an existing site by id; repeat for several.")
    var remove: [String] = []

    @Option(help: "Also report the population whose E2SFCA access is below this value (\(OptionRange.nonNegativeValue.helpText)).")
    var accessBelow: Double?

    @Option(help: "Access per this many inhabitants (with --access-below), \(OptionRange.perInhabitants.helpText).")
    var per = 1.0

    @Option(help: "Capacity of new sites, with --access-below, \(OptionRange.nonNegativeValue.helpText) (default: the median capacity of the existing sites of the kind; refused when they have none).")
    var newCapacity: Double?

    @Option(help: "Write a before/after bar chart (SVG) of the population beyond the threshold (and below --access-below).")
    var chartOut: String?

    @Option(help: "Language of the chart: fr or en.")
    var lang: MapLabels.Language = .fr

    @OptionGroup var output: OutputOptions

    func planned() throws -> [SitingAnalysis.PlannedSite] {
        try add.enumerated().map { n, text in
            let parts = text.split(separator: ",", maxSplits: 3).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, let lon = Double(parts[0]), let lat = Double(parts[1]), abs(lon) <= 180, abs(lat) <= 90 else {
                throw ValidationError("--add '\(text)': write lon,lat[,capacity[,name]] in degrees")
            }
            let capacity = parts.count > 2 ? Double(parts[2]) : nil
            if parts.count > 2, capacity == nil || !OptionRange.nonNegativeValue.contains(capacity!) {
                throw ValidationError("--add '\(text)': the capacity must be a number \(OptionRange.nonNegativeValue.helpText)")
            }
            return SitingAnalysis.PlannedSite(location: Coordinate(x: lon, y: lat), capacity: capacity, name: parts.count > 3 ? parts[3] : "planned \(n + 1)")
        }
    }

    func validate() throws {
        try OptionRange.newSites.check(k, "--k")
        try OutputExtension.check(chartOut, "--chart-out", OutputExtension.svg)
        try OptionRange.minutes.check(minutes, "--minutes")
        try OptionRange.nonNegativeValue.check(accessBelow, "--access-below")
        try OptionRange.perInhabitants.check(per, "--per")
        try OptionRange.nonNegativeValue.check(newCapacity, "--new-capacity")
        if k == 0 && add.isEmpty && remove.isEmpty { throw ValidationError("give --k N, or a what-if with --add or --remove") }
        if k > 0 && noCommuneCandidates && candidates == nil { throw ValidationError("--no-commune-candidates needs --candidates FILE") }
        if newCapacity != nil && accessBelow == nil { throw ValidationError("--new-capacity is used only with --access-below (the capacities of the E2SFCA)") }
        _ = try planned()
    }

    func run() throws {
        output.showProgress()
        let sources = try inputs.sources()
        let loaded = try StudyLoader.load(sources)
        var options = SitingAnalysis.Options(kind: SiteKind(siteKind.lowercased()))
        options.k = k
        options.method = method
        options.thresholdMinutes = minutes
        options.candidatesFromCommunes = !noCommuneCandidates
        if let candidates { options.candidates = try SiteTable.read(URL(fileURLWithPath: candidates), kind: options.kind, crs: inputs.sitesCrs.flatMap(CRS.init)).sites }
        options.add = try planned()
        options.remove = remove
        options.accessBelow = accessBelow
        options.per = per
        options.newCapacity = newCapacity
        options.cost = costs.model
        options.crs = costs.metricCRS
        let result = try SitingAnalysis.run(loaded.study, options: options)
        if let chartOut {
            let labels = MapLabels(lang)
            var groups = ["> \(labels.number(minutes)) \(labels.minutes)"]
            var values = [[result.before.populationBeyond, result.after.populationBeyond]]
            if let b = result.before.accessGapPopulation, let a = result.after.accessGapPopulation {
                groups.append((lang == .fr ? "accès < " : "access < ") + labels.number(accessBelow!))
                values.append([b, a])
            }
            let title = lang == .fr ? "Population concernée, avant et après" : "Population affected, before and after"
            let svg = try Chart.bars(groups: groups, series: [labels.before, labels.after], values: values, title: title,
                                     yLabel: lang == .fr ? "habitants" : "inhabitants", labels: labels)
            try ChartMaker.write(svg, to: URL(fileURLWithPath: chartOut), inputs: sources.inputs + costs.inputs + (candidates.map { [URL(fileURLWithPath: $0)] } ?? []))
        }
        output.print(result.summary, command: "site")
        KeptUntilExit.keep(loaded)
    }
}
