import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

extension SpatialWeightsBuilder.Kind: ExpressibleByArgument {}

struct InequalityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inequality",
        abstract: "Inequality of a per-commune value: Gini and Lorenz, Theil T/L with a between/within split, Atkinson, Palma, Moran's I and LISA.",
        discussion: """
            Reads the table another command wrote (--out of access or distance): CSV, or GeoJSON polygons for spatial statistics (--spatial-weights \
            queen|rook|knn). Values are weighted by --weight (\(InequalityAnalysis.defaultWeight) by default; --weight none for equal weights). Zero values are valid; where \
            an index is undefined at zero it reports its limit (Theil L infinite, Atkinson 1 for ε ≥ 1). Permutation p-values are seeded (--seed).

            Examples:
              geohealth inequality /tmp/apl.geojson --value access --group-by ZONE --below 2.5
              geohealth inequality /tmp/apl.geojson --value access --spatial-weights queen --out /tmp/lisa.geojson
              geohealth inequality /tmp/travel.csv --value hospital_minutes --lorenz-out /tmp/lorenz.csv
            """)

    @Argument(help: "A per-commune table (CSV or GeoJSON) with a code column.")
    var file: String

    @Option(help: "The column to measure (e.g. access, hospital_minutes).")
    var value: String

    @Option(help: "The weight column, or 'none'.")
    var weight = WeightColumn(InequalityAnalysis.defaultWeight)

    @Option(help: "Split Theil T and L into between and within these groups (a column, e.g. DEP).")
    var groupBy: String?

    @Option(help: "Concentration index of the value against this ranking column (e.g. a deprivation index).")
    var rank: String?

    @Option(help: "Report the weighted share of units strictly below this value (e.g. 2.5 for APL); any finite number.")
    var below: Double?

    @Option(help: "Spatial weights for Moran's I and LISA: queen, rook or knn (GeoJSON input).")
    var spatialWeights: SpatialWeightsBuilder.Kind?

    @Option(help: "Neighbours for knn weights, \(OptionRange.neighbours.helpText) (default: \(SpatialWeightsBuilder.defaultNeighbours)).")
    var neighbours: Int?

    /// `--k`, the former name of `--neighbours` (`site --k` is the number of new sites): still
    /// read, not shown.
    @Option(name: .customLong("k"), help: .hidden)
    var formerNeighbours: Int?

    @Option(help: "Permutations for the pseudo p-values, \(OptionRange.permutations.helpText).")
    var permutations = InequalityAnalysis.defaultPermutations

    @Option(help: "Seed of the permutations (any integer from 0 to 2^64 − 1).")
    var seed = InequalityAnalysis.defaultSeed

    @Option(help: "Significance level of the LISA clusters, \(OptionRange.probability.helpText).")
    var alpha = InequalityAnalysis.defaultAlpha

    @Option(help: "Write per-unit results (value, LISA, quadrant, p, cluster) as .csv, .geojson, .gpkg or .xlsx.")
    var out: String?

    @Option(help: "Write the Lorenz curve points (CSV).")
    var lorenzOut: String?

    @OptionGroup var csvDialect: CSVDialectOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OptionRange.neighbours.check(neighbours, "--neighbours")
        try OptionRange.neighbours.check(formerNeighbours, "--k")
        if formerNeighbours != nil && neighbours != nil {
            throw ValidationError("--k is the former name of --neighbours: give --neighbours alone")
        }
        try OutputExtension.check(out, "--out", OutputExtension.table)
        try OutputExtension.check(lorenzOut, "--lorenz-out", OutputExtension.csv)
        try OptionRange.permutations.check(permutations, "--permutations")
        try OptionRange.probability.check(alpha, "--alpha")
        try OptionRange.finiteValue.check(below, "--below")
    }

    func run() throws {
        output.showProgress()
        let url = URL(fileURLWithPath: file)
        var options = InequalityAnalysis.Options(value: value)
        options.weight = weight.column
        options.groupBy = groupBy
        options.rank = rank
        options.below = below
        options.spatialWeights = spatialWeights
        if let k = neighbours ?? formerNeighbours { options.k = k }
        options.permutations = permutations
        options.seed = seed
        options.alpha = alpha
        let table = try InequalityAnalysis.read(url, options: options)
        let analysis = try InequalityAnalysis.run(table, options: options)
        if let out {
            var units = analysis.unitTable(alpha: alpha)
            units.context = TableContext(command: "inequality", arguments: TableCopies.arguments, summary: analysis.summary)
            try units.write(to: URL(fileURLWithPath: out), inputs: [url], dialect: csvDialect.dialect)
        }
        if let lorenzOut { try analysis.writeLorenz(to: URL(fileURLWithPath: lorenzOut), inputs: [url], dialect: csvDialect.dialect) }
        output.print(analysis.summary, command: "inequality")
    }
}
