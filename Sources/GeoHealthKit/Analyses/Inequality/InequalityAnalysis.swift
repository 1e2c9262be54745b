import Foundation
import GeoCore
import GeoIO
import Inequality

/// `geohealth inequality`: the indices planners report, for one value per unit (a commune's
/// access or travel time, from the table another command wrote), weighted by population.
///
/// Reads a CSV, or a GeoJSON of polygons (then spatial autocorrelation is available too).
/// Units whose weight is 0 do not count in the weighted indices; they keep their place in the
/// spatial statistics, which are unweighted (Moran's I is defined on units).
public struct InequalityAnalysis: Sendable {
    /// Which columns to read and which indices to add (study file keys and CLI flags: ``Parameter``).
    public struct Options: Sendable {
        /// The column of the value measured, e.g. `access` or `minutes_msp` (a column `access` or
        /// `distance` wrote).
        public var value: String
        /// The column of the weights (default `population`); `nil`: every unit weighs 1.
        public var weight: String? = InequalityAnalysis.defaultWeight
        /// A column whose labels group the units for the Theil decomposition (e.g. `departement`).
        public var groupBy: String?
        /// A column that ranks the units for the concentration index (e.g. a deprivation index).
        public var rank: String?
        /// When given, the summary adds the share of the weight whose value is strictly below it (e.g. 2.5
        /// for the APL).
        public var below: Double?
        package var spatialWeights: SpatialWeightsBuilder.Kind?
        package var k = SpatialWeightsBuilder.defaultNeighbours
        package var permutations = InequalityAnalysis.defaultPermutations
        package var seed = InequalityAnalysis.defaultSeed
        package var alpha = InequalityAnalysis.defaultAlpha
        /// Read empty or null values as NaN instead of failing (charts: unreachable communes).
        public var allowMissing = false
        /// The options for the value column `value`, weighted by `population`.
        ///
        /// ```swift
        /// let options = InequalityAnalysis.Options(value: "access")
        /// let table = try InequalityAnalysis.read(URL(fileURLWithPath: "access.csv"), options: options)
        /// let result = try InequalityAnalysis.run(table, options: options)
        /// print(result.summary.text())  // Gini, Theil T and L, Atkinson, Palma…
        /// ```
        public init(value: String) { self.value = value }
    }

    /// The weight column when none is given: the population.
    package static let defaultWeight = "population"
    /// Permutations for the pseudo p-values of Moran's I and LISA when none are given: 999
    /// (PySAL esda's default).
    package static let defaultPermutations = 999
    /// The permutations' seed when none is given.
    package static let defaultSeed: UInt64 = 1
    /// Significance level of the LISA clusters when none is given: 0.05.
    package static let defaultAlpha = 0.05

    /// The units read, those with both a value and a weight, in file order.
    public struct Table: Sendable {
        /// Each unit's code: its `code` column or property, else `#` and its row or feature index.
        public var codes: [String]
        /// Each unit's value, from ``Options/value``.
        public var values: [Double]
        /// Each unit's weight, from ``Options/weight`` (1 without a weight column).
        public var weights: [Double]
        /// Each unit's group label (`(none)` where the cell is empty); `nil` without ``Options/groupBy``.
        public var groups: [String]?
        var ranks: [Double]?
        /// Each unit's polygon, when read from a layer in which every kept unit has one; `nil` otherwise.
        public var geometries: [Geometry]?
        /// Rows left out, by reason (`missing population`, `unreachable`, …): a value or a
        /// weight they lack. Counted in the summary, never a failure.
        public var leftOut: [String: Int] = [:]
    }

    /// The units the indices were computed on.
    public var table: Table
    package var lorenz: Lorenz
    package var local: LocalMoran?
    /// The indices (`geohealth inequality`'s summary): weighted mean, Gini, Theil T and L, Atkinson
    /// (ε = 0.5, 1, 2), coefficient of variation, P90/P10, Palma, and the optional parts.
    public var summary: Summary

    /// Reads the units of a CSV or a polygon layer (GeoJSON, GeoPackage, Shapefile): the value, weight,
    /// group and rank columns of `options`. A row without a value or a weight is left out and
    /// counted in ``Table/leftOut`` (`unreachable` is read as such, not as a number).
    /// - Throws: `InputError` when the file has no rows, a column is missing, a cell is text that
    ///   is not a number, or no row has both a value and a weight.
    public static func read(_ url: URL, options: Options) throws -> Table {
        var rows: [(code: String, fields: [String: PropertyValue], line: String, geometry: Geometry?)] = []
        if LayerReader.isLayer(url) {
            _ = try LayerReader.read(url) { i, f in
                var fields: [String: PropertyValue] = [:]
                for (k, v) in f.properties { fields[k] = v }
                // An empty polygon is no polygon (docs/formats.md, "Degenerate geometry").
                rows.append((f.value(of: "code")?.stringValue ?? "#\(i)", fields, "feature \(i)", f.geometry?.withoutEmptyPolygons))
            }
        } else {
            let t = try CSVTable.read(contentsOf: url)
            for (r, row) in t.rows.enumerated() {
                var properties = Properties(t.header.indices.map { c in (t.header[c], t.number(row[c]).map { .number($0) } ?? .string(row[c])) })
                UnreachableFlags.fold(&properties)
                var fields: [String: PropertyValue] = [:]
                for (name, value) in properties { fields[name] = value }
                rows.append((fields["code"]?.stringValue ?? "#\(r)", fields, "line \(t.lineNumbers[r])", nil))
            }
        }
        guard !rows.isEmpty else { throw InputError(file: url.relativePath, message: "the table has no rows") }
        let columns = Set(rows.flatMap(\.fields.keys))
        for field in [options.value] + [options.weight, options.rank, options.groupBy].compactMap({ $0 }) where !columns.contains(field) {
            throw InputError(file: url.relativePath, field: field, message: "no such column; the columns are: \(columns.sorted().joined(separator: ", "))")
        }
        var kept: [Int] = [], values: [Double] = [], weights: [Double] = [], ranks: [Double] = []
        var leftOut: [String: Int] = [:]
        // With spatial weights, a layer's rows without a polygon have no neighbours: left out.
        let needsPolygons = options.spatialWeights != nil && rows.contains { $0.geometry != nil }
        for (r, row) in rows.enumerated() {
            let value = try cell(row.fields[options.value], url: url, field: options.value, where: "\(row.line) (\(row.code))")
            let weight = try options.weight.map { try cell(row.fields[$0], url: url, field: $0, where: "\(row.line) (\(row.code))") } ?? .number(1)
            let rank = try options.rank.map { try cell(row.fields[$0], url: url, field: $0, where: "\(row.line) (\(row.code))") } ?? .number(0)
            guard case .number(let w) = weight else { leftOut["missing \(options.weight!)", default: 0] += 1; continue }
            guard case .number(let k) = rank else { leftOut["missing \(options.rank!)", default: 0] += 1; continue }
            if needsPolygons && row.geometry == nil {
                leftOut["no polygon", default: 0] += 1  // no neighbours without one
                continue
            }
            let v: Double
            switch value {
            case .number(let d): v = d
            case .unreachable where options.allowMissing: v = .nan
            case .unreachable: leftOut["unreachable", default: 0] += 1; continue
            case .missing: leftOut["missing \(options.value)", default: 0] += 1; continue
            }
            kept.append(r)
            values.append(v)
            weights.append(w)
            ranks.append(k)
        }
        guard !kept.isEmpty else {
            throw InputError(
                file: url.relativePath, field: options.value,
                message: "no row has both a value and a weight (\(leftOut.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ")))")
        }
        return Table(
            codes: kept.map { rows[$0].code },
            values: values,
            weights: weights,
            groups: options.groupBy.map { g in kept.map { rows[$0].fields[g]?.stringValue ?? "(none)" } },
            ranks: options.rank == nil ? nil : ranks,
            geometries: kept.allSatisfy { rows[$0].geometry != nil } ? kept.map { rows[$0].geometry! } : nil,
            leftOut: leftOut)
    }

    /// A table cell as a number, or why it has none: empty or null is missing, the word
    /// `unreachable` (what `distance` writes beyond --max-minutes) is unreachable; any other
    /// text is an error naming the row.
    enum Cell { case number(Double), missing, unreachable }

    static func cell(_ v: PropertyValue?, url: URL, field: String, where place: String) throws -> Cell {
        guard let v else { return .missing }
        if let d = v.doubleValue, d.isFinite { return .number(d) }
        switch v {
        case .null: return .missing
        case .string(let s) where s.isEmpty: return .missing
        case .unreachable: return .unreachable
        default: throw InputError(file: url.relativePath, field: field, message: "\(place): '\(v.stringValue ?? v.typeName)' is not a number")
        }
    }

    /// Computes the population-weighted indices of `table` (``WeightedValues``, ``Theil``,
    /// ``TheilDecomposition``) and the parts `options` asks for (share below, concentration index,
    /// decomposition by group).
    /// - Throws: `InequalityError` when every value is zero or a weight is invalid;
    ///   ``ParameterError`` for an option the table cannot serve.
    public static func run(_ table: Table, options: Options) throws -> InequalityAnalysis {
        let data = try WeightedValues(table.values, weights: table.weights)
        let lorenz = try Lorenz(data)
        var s = Summary([
            ("units", .int(table.values.count)),
            ("units_left_out", .rows(table.leftOut.sorted { $0.key < $1.key }) { [("reason", .string($0.key)), ("units", .int($0.value))] }),
            ("weight", options.weight.map { .string($0) } ?? .null),
            ("total_weight", .fixed(data.totalWeight, 2)),
            ("units_with_zero_weight", .int(table.weights.filter { $0 == 0 }.count)),
            ("weighted_mean", .fixed(data.mean, 6)),
            ("gini", .fixed(lorenz.gini, 6)),
            ("theil_t", .fixed(try Theil.t(data), 6)),
            ("theil_l", value(try Theil.l(data))),
            ("atkinson", .rows(try [0.5, 1, 2].map { ($0, try data.atkinson($0)) }) { [("epsilon", .number($0.0)), ("index", value($0.1))] }),
            ("coefficient_of_variation", .fixed(try data.coefficientOfVariation(), 6)),
            ("p90_p10_ratio", value(data.quantileRatio(0.9, 0.1))),
            ("palma", value(try data.palma())),
        ])
        if let below = options.below {
            s["below"] = .object(Properties([("threshold", .number(below)), ("weight_share", .fixed(data.shareBelow(below), 6))]))
        }
        if let ranks = table.ranks, let r = options.rank {
            s["concentration_index"] = .object(Properties([("rank", .string(r)), ("index", .fixed(try data.concentrationIndex(rankedBy: ranks), 6))]))
        }
        if let groups = table.groups, let g = options.groupBy {
            let d = try TheilDecomposition(data, groups: groups)
            s["theil_decomposition"] = .object(Properties([
                ("group_by", .string(g)),
                ("t_within", .fixed(d.tWithin, 6)), ("t_between", .fixed(d.tBetween, 6)),
                ("t_between_share", .fixed(d.t > 0 ? d.tBetween / d.t : 0, 6)),
                ("l_within", value(d.lWithin)), ("l_between", value(d.lBetween)),
                ("groups", .int(d.groups.count)),
                ("groups_of_one_unit", .int(Dictionary(grouping: groups, by: { $0 }).values.filter { $0.count == 1 }.count)),
            ]))
        }
        var local: LocalMoran?
        if let kind = options.spatialWeights {
            guard let geometries = table.geometries else {
                throw ParameterError(.contradicted, "spatial statistics need polygons: give the GeoJSON table (\(.table) x.geojson of access or distance)")
            }
            let projected = try ProjectedStudy(Study(areas: zip(table.codes, geometries).map { Area(id: $0, name: $0, geometry: $1) }))
            let weights = try SpatialWeightsBuilder.build(kind, projected: projected, k: options.k).rowStandardized()
            var rng = SeededGenerator(seed: options.seed)
            let moran = try MoranGlobal(table.values, weights: weights, permutations: options.permutations, using: &rng)
            let lisa = try LocalMoran(table.values, weights: weights, permutations: options.permutations, using: &rng)
            let clusters = lisa.significantClusters(alpha: options.alpha)
            s["moran"] = .object(Properties([
                ("weights", .string(kind.rawValue)),
                ("neighbours_k", kind == .knn ? .int(options.k) : .null),
                ("standardisation", .string("row")),
                ("units_without_neighbour", .int(weights.islands.count)),
                ("i", .fixed(moran.i, 6)), ("expected_i", .fixed(moran.expected, 6)), ("z_normality", .fixed(moran.zNormal, 4)),
                ("p_value_pseudo", moran.pSimulated.map { .fixed($0, 4) } ?? .null),
                ("permutations", .int(options.permutations)), ("seed", .int(Int(options.seed))),
            ]))
            s["lisa"] = .object(Properties([
                ("alpha", .number(options.alpha)),
                ("clusters", .rows(LocalMoran.Quadrant.allCases.map { ($0.label, clusters.filter { [q = $0] c in c == q }.count) }
                    + [("not significant", clusters.filter { $0 == nil }.count)]) { [("cluster", .string($0.0)), ("units", .int($0.1))] }),
            ]))
            local = lisa
        }
        return InequalityAnalysis(table: table, lorenz: lorenz, local: local, summary: s)
    }

    /// An index, or `null` where it is not finite (Theil L, Atkinson ε ≥ 1 and P90/P10 with
    /// zero values; docs/json.md).
    static func value(_ d: Double) -> PropertyValue { d.isFinite ? .fixed(d, 6) : .null }

    /// The Lorenz curve as CSV: population share, value share.
    package func writeLorenz(to url: URL, inputs: [URL], dialect: CSVDialect = .standard) throws {
        try CSVWriter.write(header: ["population_share", "value_share"], rows: lorenz.points.map {
            [dialect.number(NumberFormatting.string($0.population, precision: 8)), dialect.number(NumberFormatting.string($0.value, precision: 8))]
        }, to: url, inputs: inputs, dialect: dialect)
    }

    /// Per unit: code, value, and with spatial weights the LISA value, quadrant, p and cluster.
    public func unitTable(alpha: Double) -> CommuneTable {
        var columns = ["code", "value"]
        if local != nil { columns += ["lisa", "quadrant", "p", "cluster"] }
        let clusters = local?.significantClusters(alpha: alpha)
        let rows = table.codes.indices.map { i -> [PropertyValue] in
            var row: [PropertyValue] = [.string(table.codes[i]), .rounded(table.values[i], 8)]
            if let local, let clusters {
                row += [.rounded(local.values[i], 8), local.quadrants[i].map { .string($0.label) } ?? .null,
                        .rounded(local.pSimulated[i], 4), clusters[i].map { .string($0.label) } ?? .string("not significant")]
            }
            return row
        }
        return CommuneTable(columns: columns, rows: rows, geometries: table.geometries)
    }
}
