import Accessibility
import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

extension AccessAnalysis.Method: ExpressibleByArgument {}
extension AccessAnalysis.Decay: ExpressibleByArgument {}
extension APLParameters.Edition: ExpressibleByArgument {}

struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Accessibility that weighs supply against demand: zone ratio, 2SFCA, E2SFCA, Gaussian 2SFCA, 3SFCA, DREES APL.",
        discussion: """
            Supply is the sites' capacity (each site counts 1 when no site has one); demand is the population, standardised by age for APL (the DREES \
            APL: GP activity under the DREES rules from --activity-field, DREES age weights of --apl-year, bands \(HelpText.aplBands); the result \
            is in consultations per inhabitant per year, under-served below \(HelpText.number(APLParameters.underServedThreshold)); without an \
            activity column it is in GPs (or capacity) per inhabitant and no threshold applies). The catchment is --catchment-minutes of travel by \
            any --cost model (\(HelpText.catchmentMinutes(.enhanced)) by default, \(HelpText.catchmentMinutes(.apl)) for APL). Results per commune \
            (--out) and per site (--sites-out). Formulas and sources: docs/accessibility.md and the doc comments of FloatingCatchment, \
            DistanceDecay and APLParameters.

            Examples:
              geohealth access geodata --site-kind msp --method e2sfca
              geohealth access geodata --sites geodata/generalistes.csv --method apl --apl-year 2022 --group-by ZONE --out /tmp/apl.geojson
              geohealth access geodata --site-kind hospital --method 3sfca --catchment-minutes 45 --decay gaussian --bandwidth 20
              geohealth access geodata --site-kind msp --method ratio --group-by ZONE
              geohealth access geodata --sites geodata/generalistes.csv --method apl --population-grid geodata/population-grid.csv
            """)

    @OptionGroup var inputs: StudyOptions
    @OptionGroup var costs: CostOptions

    @Option(help: "ratio, 2sfca, e2sfca, g2sfca, 3sfca or apl.")
    var method = AccessAnalysis.defaultMethod

    /// The kinds that supply (default: every kind).
    @OptionGroup var site: SiteOptions<SupplyingKinds>

    @Option(help: "Catchment in minutes, \(OptionRange.minutes.helpText) (default \(HelpText.catchmentMinutes(.enhanced)); \(HelpText.catchmentMinutes(.apl)) for apl).")
    var catchmentMinutes: Double?

    @Option(help: """
        E2SFCA/APL time bands: CSV 'upto,weight' (minutes, weight); default Luo and Qi's \(HelpText.luoQiBands) (the DREES bands for apl).
        """)
    var bands: String?

    @Option(help: "g2sfca/3sfca decay: dai (Gaussian falling to 0 at the catchment), gaussian, exponential, power, linear.")
    var decay = AccessAnalysis.Options().decay

    @Option(help: "Decay parameter, \(OptionRange.bandwidth.helpText): σ (gaussian, minutes), β (exponential, power); the catchment for dai and linear.")
    var bandwidth: Double?

    @Option(help: "APL: the DREES edition of the age weights.")
    var aplYear = APLParameters.defaultEdition

    @Option(help: "APL: age-group consumption weights, CSV 'group,weight' (replaces the DREES weights of --apl-year).")
    var ageWeights: String?

    @Option(help: "APL: column of the sites with each GP's consultations of the year, counted under the DREES rules (default: 'activity' when present).")
    var activityField: String?

    @Option(help: "APL: column of the sites marking a GP with no activity the year before (counted \(HelpText.number(APLParameters.newPractitionerActivity)); default: 'new_practitioner' when present).")
    var newPractitionerField: String?

    @OptionGroup var grid: PopulationGridOptions

    @Option(help: "Express access per this many inhabitants (e.g. 100000), \(OptionRange.perInhabitants.helpText).")
    var per = AccessAnalysis.defaultPer

    @OptionGroup var table: CommuneTableOptions

    @Option(help: "Write each site's supply-to-demand ratio (CSV).")
    var sitesOut: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OutputExtension.check(sitesOut, "--sites-out", OutputExtension.csv)
        try table.publishing.refuse(grid: grid.populationGrid)
        try OptionRange.minutes.check(catchmentMinutes, "--catchment-minutes")
        try OptionRange.bandwidth.check(bandwidth, "--bandwidth")
        try OptionRange.perInhabitants.check(per, "--per")
        if [.gaussian, .exponential, .power].contains(decay), bandwidth == nil, [.gaussian, .threeStep].contains(method) {
            throw ValidationError("--decay \(decay.rawValue) needs --bandwidth")
        }
    }

    func run() throws {
        output.showProgress()
        var sources = try inputs.sources()
        sources.measureAhead = grid.populationGrid == nil
        sources.metricCRS = costs.metricCRS
        let loaded = try LoadedStudies.load(sources)
        var options = AccessAnalysis.Options()
        options.method = method
        options.kinds = site.kinds(in: loaded.study)
        options.catchmentMinutes = catchmentMinutes
        costs.configure(&options)
        options.groupBy = table.groupBy
        options.per = per
        options.apl = APLParameters(edition: aplYear)
        options.activityField = activityField
        options.newPractitionerField = newPractitionerField
        if let bands {
            let parsed = try APLParameters.bands(from: URL(fileURLWithPath: bands))
            options.bands = parsed
            options.apl.bands = parsed
        }
        if let ageWeights { options.apl.ageWeights = try APLParameters.ageWeights(from: URL(fileURLWithPath: ageWeights)) }
        options.decay = decay
        options.bandwidth = bandwidth
        let gridRun = try grid.read().map { try GridAccess.run(loaded.study, grid: $0, options: options) }
        let analysis = try gridRun?.analysis ?? AccessAnalysis.run(loaded.study, options: options, projected: nil, measured: loaded.measures)
        let allInputs = sources.inputs + costs.inputs + grid.inputs + [bands, ageWeights].compactMap { $0.map { URL(fileURLWithPath: $0) } }
        Progress.report("writing the tables…")
        let (published, summary) = table.publish(analysis.table, analysis.summary)
        try table.write(published, inputs: allInputs, command: "access", summary: summary)
        if let gridOut = grid.gridOut, let cells = gridRun?.cells { try cells.write(to: URL(fileURLWithPath: gridOut), inputs: allInputs, dialect: table.csv.dialect) }
        if let sitesOut { try analysis.writeSites(to: URL(fileURLWithPath: sitesOut), inputs: allInputs, dialect: table.csv.dialect) }
        output.print(summary, command: "access")
        KeptUntilExit.keep(loaded, analysis, gridRun)
    }
}
