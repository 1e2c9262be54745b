import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

extension AccessAnalysis.Method: ExpressibleByArgument {}

struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Accessibility that weighs supply against demand: zone ratio, 2SFCA, E2SFCA, Gaussian 2SFCA, 3SFCA, DREES APL.",
        discussion: """
            Supply is the sites' capacity (each site counts 1 when no site has one); demand is the population, standardised by age for APL. The catchment is --catchment-minutes of travel by any --cost model (30 by default, 20 for APL). Results per commune (--out) and per site (--sites-out). Formulas and sources: docs/accessibility.md and the doc comments of FloatingCatchment, DistanceDecay and APLParameters.

            Examples:
              geohealth access geodata --site-kind msp --method e2sfca
              geohealth access geodata --site-kind msp --method apl --per 100000 --out /tmp/apl.geojson
              geohealth access geodata --site-kind hospital --method 3sfca --catchment-minutes 45 --decay gaussian --bandwidth 20
              geohealth access geodata --site-kind msp --method ratio --group-by ZONE
            """)

    enum Decay: String, ExpressibleByArgument, CaseIterable {
        case dai, gaussian, exponential, power, linear
    }

    @OptionGroup var inputs: StudyInputOptions
    @OptionGroup var costs: CostOptions

    @Option(help: "ratio, 2sfca, e2sfca, g2sfca, 3sfca or apl.")
    var method: AccessAnalysis.Method = .enhanced

    @Option(name: .customLong("site-kind"), help: "Site kinds that supply, comma-separated (default: every kind).")
    var siteKinds: String?

    @Option(help: "Catchment in minutes (default 30; 20 for apl).")
    var catchmentMinutes: Double?

    @Option(help: "E2SFCA/APL time bands: CSV 'upto,weight' (minutes, weight).")
    var bands: String?

    @Option(help: "g2sfca/3sfca decay: dai (Gaussian falling to 0 at the catchment), gaussian, exponential, power, linear.")
    var decay: Decay = .dai

    @Option(help: "Decay parameter: σ (gaussian, minutes), β (exponential, power); the catchment for dai and linear.")
    var bandwidth: Double?

    @Option(help: "APL: age-group consumption weights, CSV 'group,weight'.")
    var ageWeights: String?

    @Option(help: "Express access per this many inhabitants (e.g. 100000).")
    var per = 1.0

    @OptionGroup var table: CommuneTableOptions

    @Option(help: "Write each site's supply-to-demand ratio (CSV).")
    var sitesOut: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let catchmentMinutes, catchmentMinutes <= 0 { throw ValidationError("--catchment-minutes must be positive") }
        if let bandwidth, bandwidth <= 0 { throw ValidationError("--bandwidth must be positive") }
        guard per > 0 else { throw ValidationError("--per must be positive") }
        if [.gaussian, .exponential, .power].contains(decay), bandwidth == nil, [.gaussian, .threeStep].contains(method) {
            throw ValidationError("--decay \(decay.rawValue) needs --bandwidth")
        }
    }

    func run() throws {
        output.showProgress()
        let sources = try inputs.sources()
        let loaded = try StudyLoader.load(sources)
        var options = AccessAnalysis.Options()
        options.method = method
        options.kinds = parseSiteKinds(siteKinds)
        options.catchmentMinutes = catchmentMinutes
        options.cost = costs.model
        options.crs = costs.metricCRS
        options.groupBy = table.groupBy
        options.per = per
        if let bands {
            let parsed = try APLParameters.bands(from: URL(fileURLWithPath: bands))
            options.bands = parsed
            options.apl.bands = parsed
        }
        if let ageWeights { options.apl.ageWeights = try APLParameters.ageWeights(from: URL(fileURLWithPath: ageWeights)) }
        let catchment = catchmentMinutes ?? (method == .apl ? 20 : 30)
        switch decay {
        case .dai: options.decay = .gaussianDai(radius: bandwidth ?? catchment)
        case .linear: options.decay = .linear(radius: bandwidth ?? catchment)
        case .gaussian: options.decay = bandwidth.map { .gaussian(sigma: $0) }
        case .exponential: options.decay = bandwidth.map { .exponential(beta: $0) }
        case .power: options.decay = bandwidth.map { .power(beta: $0) }
        }
        let analysis = try AccessAnalysis.run(loaded.study, options: options)
        let allInputs = sources.inputs + costs.inputs
        try table.write(analysis.table, areas: loaded.study.areas, inputs: allInputs)
        if let sitesOut { try analysis.writeSites(to: URL(fileURLWithPath: sitesOut), inputs: allInputs) }
        output.print(analysis.summary)
    }
}
