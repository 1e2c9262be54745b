import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoHealthKit

struct GapsCommand: ParsableCommand {
    /// How the rules combine into "under-served".
    enum Combine: String, CaseIterable {
        /// Any rule holds.
        case any
        /// Every rule stated holds.
        case all

        /// The option's `transform`: a `ValidationError` naming the two values otherwise.
        static func parse(_ argument: String) throws -> Combine {
            guard let value = Combine(rawValue: argument) else { throw ValidationError("takes any or all") }
            return value
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: """
            Under-served communes by stated rules, merged into contiguous gap zones ranked by population; \
            white zones outside every territory (CPTS, EPCI…).
            """,
        discussion: """
            Rules, combined with --combine any (default) or all, each reported per commune: --minutes-above N with --site-kind (travel time to the \
            nearest site), --access-below X with --access-kind (E2SFCA or --access-method apl), --outside-cpts (less than half the surface in a \
            territory of --territories or cpts.csv; --territory-label names them), --low-low (significant low-low LISA cluster of access). Zones are \
            connected over shared boundaries (GEOS) and dissolved.

            Examples:
              geohealth gaps geodata --site-kind hospital --minutes-above 30 --out /tmp/gaps.geojson --csv /tmp/gaps.csv --communes-out /tmp/rules.geojson
              geohealth gaps geodata --access-kind msp --access-below 40 --per 100000 --outside-cpts --combine all
              geohealth gaps geodata --site-kind msp --minutes-above 15 --outside-cpts --white-zones-out /tmp/white.geojson
            """)

    @OptionGroup var inputs: StudyOptions
    @OptionGroup var costs: CostOptions

    /// Travel rule: the one kind whose nearest site is timed.
    @OptionGroup var site: SiteOptions<TimedKind>

    @Option(help: "Travel rule: under-served when the nearest site of --site-kind is more than this many minutes away (\(OptionRange.minutesOrZero.helpText)).")
    var minutesAbove: Double?

    @Option(help: ArgumentHelp("Access rule: site kinds that supply, comma-separated (as --site-kind; default: every kind).", valueName: "kinds"))
    var accessKind: SiteKindList?

    @Option(help: """
        Access rule: under-served when access is below this value (in the unit of --per), \(OptionRange.nonNegativeValue.helpText).
        """)
    var accessBelow: Double?

    @Option(help: "Access rule: e2sfca or apl (or any access method).")
    var accessMethod = AccessAnalysis.defaultMethod

    @Option(help: "Access per this many inhabitants, \(OptionRange.perInhabitants.helpText).")
    var per = AccessAnalysis.defaultPer

    @Flag(help: "Rule: less than half of the commune's surface inside a territory (CPTS, or what --territory-label says).")
    var outsideCpts = false

    @Option(help: "What the territories are (CPTS, EPCI, bassin de vie…), said in the summary's white zones.")
    var territoryLabel = MapLabels.defaultTerritoryName

    @Flag(help: "Rule: significant low-low LISA cluster of access (queen contiguity, \(InequalityAnalysis.defaultPermutations) seeded permutations).")
    var lowLow = false

    @Option(help: "Combine the rules: any or all. (values: any, all; default: any)", transform: Combine.parse)
    var combine: Combine = .any

    @Option(help: "Write the zones as GeoJSON polygons (or .gpkg, .csv, .xlsx).")
    var out: String?

    @Option(help: "Write the ranked zones as CSV.")
    var csv: String?

    @Option(help: "Write every commune with its rules (.csv, .geojson, .gpkg or .xlsx).")
    var communesOut: String?

    @Option(help: "Write the white zones (outside every territory) as GeoJSON polygons.")
    var whiteZonesOut: String?

    @OptionGroup var uncertainty: UncertaintyOptions

    @Option(help: "Write the robust gap zones (contiguous communes under-served in at least --robust-share of the draws) as GeoJSON (or .gpkg, .csv, .xlsx).")
    var robustOut: String?

    @OptionGroup var csvDialect: CSVDialectOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OptionRange.minutesOrZero.check(minutesAbove, "--minutes-above")
        try OutputExtension.check(out, "--out", OutputExtension.table)
        try OutputExtension.check(csv, "--csv", OutputExtension.csv)
        try OutputExtension.check(communesOut, "--communes-out", OutputExtension.table)
        try OutputExtension.check(whiteZonesOut, "--white-zones-out", OutputExtension.geojson)
        try OptionRange.nonNegativeValue.check(accessBelow, "--access-below")
        try OptionRange.perInhabitants.check(per, "--per")
        try ParameterFlags.validate(rules.checkRules)
        try OutputExtension.check(robustOut, "--robust-out", OutputExtension.table)
        if robustOut != nil && uncertainty.uncertainty == nil { throw ValidationError("--robust-out needs --uncertainty N") }
    }

    /// The options' rules, for the library's check before the study is loaded (the site kind
    /// stands for the one the sites will name).
    private var rules: GapsAnalysis.Options {
        var options = GapsAnalysis.Options()
        options.travelKind = site.siteKind?.whole
        options.minutesAbove = minutesAbove
        options.accessBelow = accessBelow
        options.outsideCPTS = outsideCpts
        options.lowLow = lowLow
        return options
    }

    func run() throws {
        output.showProgress()
        let sources = try inputs.sources()
        let loaded = try LoadedStudies.load(sources)
        var options = rules
        options.travelKind = try site.single(in: loaded.study, command: "gaps")
        options.accessKinds = accessKind?.kinds(in: loaded.study)
        options.accessMethod = accessMethod
        options.per = per
        options.combineAll = combine == .all
        costs.configure(&options)
        options.uncertainty = uncertainty.options
        let analysis = try GapsAnalysis.run(loaded.study, options: options)
        let all = sources.inputs + costs.inputs
        let summary = analysis.summary(territoryLabel: territoryLabel)
        let context = TableContext(command: "gaps", arguments: TableCopies.arguments, summary: summary)
        if let out { try analysis.writeZones(to: URL(fileURLWithPath: out), inputs: all, context: context) }
        if let csv { try analysis.writeZones(to: URL(fileURLWithPath: csv), inputs: all, dialect: csvDialect.dialect) }
        if let communesOut {
            var table = analysis.table
            table.context = context
            try table.writeWithCopies(to: URL(fileURLWithPath: communesOut), inputs: all, dialect: csvDialect.dialect)
        }
        if let robustOut { try analysis.writeRobustZones(to: URL(fileURLWithPath: robustOut), inputs: all, context: context) }
        if let whiteZonesOut { try analysis.writeWhiteZones(to: URL(fileURLWithPath: whiteZonesOut), inputs: all) }
        output.print(summary, command: "gaps")
        KeptUntilExit.keep(loaded, analysis)
    }
}
