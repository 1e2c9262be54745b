import Accessibility
import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

struct ZoningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zoning",
        abstract: "GP zoning what-ifs: the communes whose APL class (ZIP, ZAC, outside) changes when GPs are added or retire.",
        discussion: """
            The DREES APL (as access --method apl, same options) before and after a scenario: --add-msp (an MSP with N full-time GPs, each \
            counting \(HelpText.number(APLParameters.newPractitionerActivity)) consultations, the DREES rule for a GP new this year), \
            --retire-age (GPs of that age or older leave; their age in --age-field), --retire-share (that share of every GP's supply leaves, \
            when the sites give no age), --remove (sites by id). Classes: ZIP below --zip-below (default \
            \(HelpText.number(ZoningThresholds.drees.priorityBelow))), ZAC below --zac-below (default \
            \(HelpText.number(ZoningThresholds.drees.complementaryBelow))), outside above (arrêté of 13 November 2017 as amended on \
            1 October 2021); without an activity column the APL is not in consultations and both thresholds must be given. Per commune \
            (--out): the APL and class before and after; the summary gives the communes and residents moving between classes. \
            Method and sources: docs/zoning.md.

            Examples:
              geohealth zoning geodata --sites geodata/generalistes.csv --add-msp commune:00114,3,"MSP des Bois"
              geohealth zoning geodata --sites geodata/generalistes.csv --retire-age 62 --out /tmp/zoning.geojson --map-after /tmp/zoning-after.svg
              geohealth zoning geodata --sites geodata/generalistes.csv --retire-share 0.2 --remove G-M1-1 --format json
            """)

    @OptionGroup var inputs: StudyOptions
    @OptionGroup var costs: CostOptions

    /// The kinds that supply (default: every kind).
    @OptionGroup var site: SiteOptions<SupplyingKinds>

    @Option(help: ArgumentHelp(PlannedPracticeArgument.helpText, valueName: "lon,lat,N[,name]"), transform: PlannedPracticeArgument.parse)
    var addMsp: [PlannedPracticeArgument] = []

    @Option(help: "GPs of this age (years) or older retire; their age in --age-field.")
    var retireAge: Double?

    @Option(help: "The sites' column of each GP's age in years.")
    var ageField = ZoningScenario.defaultAgeField

    @Option(help: "This share (0 to 1) of every existing GP's supply retires (when the sites give no age).")
    var retireShare: Double?

    @Option(help: "Remove a site by id; repeat for several.")
    var remove: [String] = []

    @Option(help: "APL below which a commune is a ZIP (default \(HelpText.number(ZoningThresholds.drees.priorityBelow)), in the APL's unit).")
    var zipBelow: Double?

    @Option(help: "APL below which a commune is a ZAC (default \(HelpText.number(ZoningThresholds.drees.complementaryBelow)), in the APL's unit).")
    var zacBelow: Double?

    @Option(help: "Catchment in minutes, \(OptionRange.minutes.helpText) (default \(HelpText.catchmentMinutes(.apl))).")
    var catchmentMinutes: Double?

    @Option(help: "Time bands: CSV 'upto,weight' (minutes, weight); default the DREES bands \(HelpText.aplBands).")
    var bands: String?

    @Option(help: "The DREES edition of the age weights.")
    var aplYear = APLParameters.defaultEdition

    @Option(help: "Age-group consumption weights, CSV 'group,weight' (replaces the DREES weights of --apl-year).")
    var ageWeights: String?

    @Option(help: "Column of the sites with each GP's consultations of the year, counted under the DREES rules (default: 'activity' when present).")
    var activityField: String?

    @Option(help: "Column of the sites marking a GP with no activity the year before (default: 'new_practitioner' when present).")
    var newPractitionerField: String?

    @Option(help: "Express the APL per this many inhabitants, \(OptionRange.perInhabitants.helpText) (the thresholds must then be given).")
    var per = AccessAnalysis.defaultPer

    @OptionGroup var table: CommuneTableOptions

    @Option(help: "Write the map of the classes before the scenario (SVG).")
    var mapBefore: String?

    @Option(help: "Write the map of the classes after the scenario (SVG).")
    var mapAfter: String?

    @OptionGroup var language: LanguageOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OutputExtension.check(mapBefore, "--map-before", OutputExtension.svg)
        try OutputExtension.check(mapAfter, "--map-after", OutputExtension.svg)
        try OptionRange.minutes.check(catchmentMinutes, "--catchment-minutes")
        try OptionRange.perInhabitants.check(per, "--per")
        try ParameterFlags.validate { try options().check() }
    }

    /// The library's options from the flags (without what needs the study: the kinds, files).
    func options() -> ZoningAnalysis.Options {
        var options = ZoningAnalysis.Options()
        options.access.method = .apl
        options.access.catchmentMinutes = catchmentMinutes
        options.access.groupBy = table.groupBy
        options.access.per = per
        options.access.apl = APLParameters(edition: aplYear)
        options.access.activityField = activityField
        options.access.newPractitionerField = newPractitionerField
        if zipBelow != nil || zacBelow != nil {
            let drees = ZoningThresholds.drees
            options.thresholds = ZoningThresholds(priorityBelow: zipBelow ?? drees.priorityBelow, complementaryBelow: zacBelow ?? drees.complementaryBelow)
        }
        options.scenario.addedPractices = addMsp.enumerated().map { $1.planned(number: $0 + 1) }
        options.scenario.retireAge = retireAge
        options.scenario.ageField = ageField
        options.scenario.retireShare = retireShare
        options.scenario.removedSites = remove
        return options
    }

    func run() throws {
        output.showProgress()
        var sources = try inputs.sources()
        sources.metricCRS = costs.metricCRS
        let loaded = try LoadedStudies.load(sources)
        var options = options()
        options.access.kinds = site.kinds(in: loaded.study)
        costs.configure(&options.access)
        if let bands {
            let parsed = try APLParameters.bands(from: URL(fileURLWithPath: bands))
            options.access.apl.bands = parsed
        }
        if let ageWeights { options.access.apl.ageWeights = try APLParameters.ageWeights(from: URL(fileURLWithPath: ageWeights)) }
        let analysis = try ZoningAnalysis.run(loaded.study, options: options, measured: loaded.measures)
        let allInputs = sources.inputs + costs.inputs + [bands, ageWeights].compactMap { $0.map { URL(fileURLWithPath: $0) } }
        var (published, summary) = table.publish(analysis.table, analysis.summary)
        try table.write(published, inputs: allInputs, command: "zoning", summary: summary)
        for (option, path, after) in [("map_before", mapBefore, false), ("map_after", mapAfter, true)] {
            guard let path else { continue }
            let map = try ZoningMap.write(analysis, after: after, to: URL(fileURLWithPath: path), inputs: allInputs, language: language.lang)
            summary[option] = .object(Properties([("file", map["file"] ?? .string(path)), ("bytes", map["bytes"] ?? .null)]))
        }
        output.print(summary, command: "zoning")
        KeptUntilExit.keep(loaded, analysis)
    }
}
