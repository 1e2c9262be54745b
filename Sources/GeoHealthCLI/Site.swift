import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit
import Cartography

extension SitingAnalysis.Method: ExpressibleByArgument {}

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Where k new sites help most (maximal covering, p-median, or equity objectives with sites sized in FTE), and what-if: add or remove sites.",
        discussion: """
            Reports each chosen site with the population it newly brings within --minutes, and the before/after of the headline indicators: \
            population beyond the threshold, mean time to the nearest site, Gini of that time, and with --access-below the population whose E2SFCA \
            access is below it. Candidates are the communes' representative points unless --no-commune-candidates; --candidates adds a site file.

            Capacity of new sites (for --access-below, E2SFCA): the convention of the existing sites of the kind. If none has a capacity, every site \
            counts 1, new ones too (a capacity in --add or --new-capacity is then refused). If they have capacities, a new site gets its --add \
            capacity, else --new-capacity, else the median of the existing capacities.

            Equity and capacitated objectives (docs/siting.md): new sites of --site-sizes FTE GPs, at most --k of them and --budget FTE in all, \
            minimise the population with access below --access-below (access-gap), the Gini (access-gini) or the Palma ratio (access-palma) of \
            access, or the population beyond --minutes with each new site serving at most its FTE × --population-per-fte residents (capacitated). \
            Access is the APL when the sites have an activity column (a new FTE counts --activity-per-fte consultations, default 5,400; \
            threshold default 2.5), else the E2SFCA in the sites' capacity unit (a new FTE counts 1; give --access-below).

            Examples:
              geohealth site geodata --site-kind msp --k 3 --minutes 15
              geohealth site geodata --sites geodata/generalistes.csv --site-kind gp --method access-gap --k 3 --site-sizes 2,4 --budget 8
              geohealth site geodata --site-kind hospital --k 2 --method pmedian --minutes 30
              geohealth site geodata --site-kind msp --minutes 15 --add 2.2,46.3,4,"MSP en projet" --remove M3
            """)

    @OptionGroup var inputs: StudyOptions
    @OptionGroup var costs: CostOptions

    /// The one kind of site to add (required).
    @OptionGroup var site: SiteOptions<AddedKind>

    @Option(help: "Number of new sites to choose, \(OptionRange.newSites.helpText) (0: what-if only).")
    var k = SitingAnalysis.defaultNewSites

    @Option(help: """
        mclp (population newly within --minutes), pmedian (population-weighted time), access-gap (population with access below \
        --access-below), access-gini, access-palma (inequality of access), capacitated (population beyond --minutes, new sites capacitated).
        """)
    var method = SitingAnalysis.defaultMethod

    @Option(help: ArgumentHelp("Sized methods: the sizes a new site may have, in FTE GPs, \(OptionRange.fte.helpText), separated by commas.", valueName: "sizes"),
            transform: FTEList.parse)
    var siteSizes = FTEList(values: SitingAnalysis.defaultSiteSizes)

    @Option(help: "Sized methods: the total FTE GPs the new sites may add, \(OptionRange.fte.helpText) (default: --k × the largest size).")
    var budget: Double?

    @Option(help: """
        Access methods: the supply of one new FTE GP, \(OptionRange.positiveAmount.helpText) (default: \
        \(OptionRange.text(SitingAnalysis.defaultActivityPerFTE)) consultations for the APL, the DREES count of a new GP; 1 capacity unit otherwise).
        """)
    var activityPerFte: Double?

    @Option(help: "capacitated: the residents one FTE GP serves at most, \(OptionRange.positiveAmount.helpText) (5,400 consultations / 2.5 each).")
    var populationPerFte = SitingAnalysis.defaultPopulationPerFTE

    @Option(help: "Coverage threshold in minutes, \(OptionRange.minutes.helpText).")
    var minutes = SitingAnalysis.defaultThresholdMinutes

    @Option(help: "Candidate sites (CSV or GeoJSON, as --sites).")
    var candidates: String?

    @Flag(help: "Do not use the communes' representative points as candidates.")
    var noCommuneCandidates = false

    @Option(help: ArgumentHelp(PlannedSiteArgument.helpText, valueName: "lon,lat[,capacity[,name]]"), transform: PlannedSiteArgument.parse)
    var add: [PlannedSiteArgument] = []

    @Option(help: "Remove an existing site by id; repeat for several.")
    var remove: [String] = []

    @Option(help: "Also report the population whose E2SFCA access is below this value (\(OptionRange.nonNegativeValue.helpText)).")
    var accessBelow: Double?

    @Option(help: "Access per this many inhabitants (with --access-below), \(OptionRange.perInhabitants.helpText).")
    var per = AccessAnalysis.defaultPer

    @Option(help: """
        Capacity of new sites, with --access-below, \(OptionRange.nonNegativeValue.helpText) (default: the median capacity of the existing sites of \
        the kind; refused when they have none).
        """)
    var newCapacity: Double?

    @Option(help: "Write a before/after bar chart (SVG) of the population beyond the threshold (and below --access-below).")
    var chartOut: String?

    @OptionGroup var language: LanguageOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try site.require("site", for: "the kind of site to add (msp, hospital, …)")
        try OptionRange.newSites.check(k, "--k")
        try OutputExtension.check(chartOut, "--chart-out", OutputExtension.svg)
        try OptionRange.minutes.check(minutes, "--minutes")
        try OptionRange.nonNegativeValue.check(accessBelow, "--access-below")
        try OptionRange.perInhabitants.check(per, "--per")
        try OptionRange.nonNegativeValue.check(newCapacity, "--new-capacity")
        if k == 0 && add.isEmpty && remove.isEmpty { throw ValidationError("give --k N, or a what-if with --add or --remove") }
        if k > 0 && noCommuneCandidates && candidates == nil { throw ValidationError("--no-commune-candidates needs --candidates FILE") }
        try checkSized()
        if newCapacity != nil && accessBelow == nil { throw ValidationError("--new-capacity is used only with --access-below (the capacities of the E2SFCA)") }
    }

    /// The sized methods' options: ranges, and refused with the other methods (they would be ignored).
    func checkSized() throws {
        try OptionRange.fte.check(budget, "--budget")
        try OptionRange.positiveAmount.check(activityPerFte, "--activity-per-fte")
        try OptionRange.positiveAmount.check(populationPerFte, "--population-per-fte")
        let given = [
            ("--site-sizes", siteSizes.values != SitingAnalysis.defaultSiteSizes), ("--budget", budget != nil),
            ("--activity-per-fte", activityPerFte != nil), ("--population-per-fte", populationPerFte != SitingAnalysis.defaultPopulationPerFTE),
        ].filter(\.1).map(\.0)
        if !method.isSized, let first = given.first { throw ValidationError("\(first) is used only with the sized methods (access-gap, access-gini, access-palma, capacitated)") }
        guard method.isSized else { return }
        if k == 0 { throw ValidationError("--method \(method.rawValue) needs --k N, the most new sites") }
        if let budget, budget < siteSizes.values.min()! { throw ValidationError("--budget \(OptionRange.text(budget)) is smaller than the smallest site size") }
        if newCapacity != nil { throw ValidationError("--new-capacity is not used by --method \(method.rawValue): new sites have --site-sizes FTE") }
        if method == .capacitated, accessBelow != nil { throw ValidationError("--access-below is not used by --method capacitated") }
        if activityPerFte != nil, method == .capacitated { throw ValidationError("--activity-per-fte is used only with the access methods") }
        if method != .capacitated, populationPerFte != SitingAnalysis.defaultPopulationPerFTE {
            throw ValidationError("--population-per-fte is used only with --method capacitated")
        }
    }

    func run() throws {
        output.showProgress()
        let sources = try inputs.sources()
        let loaded = try LoadedStudies.load(sources)
        var options = SitingAnalysis.Options(kind: try site.single(in: loaded.study, command: "site")!)
        options.k = k
        options.method = method
        options.thresholdMinutes = minutes
        options.candidatesFromCommunes = !noCommuneCandidates
        if let candidates {
            options.candidates = try SiteTable.read(URL(fileURLWithPath: candidates), kind: options.kind, crs: inputs.sitesCrs?.crs).sites
        }
        options.add = add.enumerated().map { $1.planned(number: $0 + 1) }
        options.remove = remove
        options.accessBelow = accessBelow
        options.per = per
        options.newCapacity = newCapacity
        options.siteSizes = siteSizes.values
        options.budget = budget
        options.activityPerFTE = activityPerFte
        options.populationPerFTE = populationPerFte
        costs.configure(&options)
        let result = try SitingAnalysis.run(loaded.study, options: options)
        if let chartOut {
            let svg = try SitingChart.svg(result, thresholdMinutes: minutes, accessBelow: accessBelow, labels: language.labels)
            let read = sources.inputs + costs.inputs + (candidates.map { [URL(fileURLWithPath: $0)] } ?? [])
            try ChartMaker.write(svg, to: URL(fileURLWithPath: chartOut), inputs: read)
        }
        output.print(result.summary, command: "site")
        KeptUntilExit.keep(loaded)
    }
}
