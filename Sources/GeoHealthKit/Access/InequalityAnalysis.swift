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
    public struct Options: Sendable {
        public var value: String
        public var weight: String? = "population"
        public var groupBy: String?
        public var rank: String?
        public var below: Double?
        public var spatialWeights: SpatialWeightsBuilder.Kind?
        public var k = 6
        public var permutations = 999
        public var seed: UInt64 = 1
        public var alpha = 0.05
        /// Read empty or null values as NaN instead of failing (charts: unreachable communes).
        public var allowMissing = false
        public init(value: String) { self.value = value }
    }

    public struct Table: Sendable {
        public var codes: [String]
        public var values: [Double]
        public var weights: [Double]
        public var groups: [String]?
        public var ranks: [Double]?
        public var geometries: [Geometry]?
    }

    public var table: Table
    public var lorenz: Lorenz
    public var local: LocalMoran?
    public var summary: Summary

    public static func read(_ url: URL, options: Options) throws -> Table {
        var rows: [(code: String, fields: [String: PropertyValue], line: String, geometry: Geometry?)] = []
        let ext = url.pathExtension.lowercased()
        if ext == "geojson" || ext == "json" {
            _ = try GeoJSONReader.read(contentsOf: url) { i, f in
                var fields: [String: PropertyValue] = [:]
                for (k, v) in f.properties { fields[k] = v }
                rows.append((f.value(of: "code")?.stringValue ?? "#\(i)", fields, "feature \(i)", f.geometry))
            }
        } else {
            let t = try CSVTable.read(contentsOf: url)
            for (r, row) in t.rows.enumerated() {
                var fields: [String: PropertyValue] = [:]
                for (c, name) in t.header.enumerated() { fields[name] = .string(row[c]) }
                rows.append((fields["code"]?.stringValue ?? "#\(r)", fields, "line \(t.lineNumbers[r])", nil))
            }
        }
        guard !rows.isEmpty else { throw InputError(file: url.relativePath, message: "the table has no rows") }
        func number(_ row: (code: String, fields: [String: PropertyValue], line: String, geometry: Geometry?), _ field: String) throws -> Double {
            guard let v = row.fields[field] else {
                throw InputError(file: url.relativePath, field: field, message: "no such column; the columns are: \(rows[0].fields.keys.sorted().joined(separator: ", "))")
            }
            guard let d = v.doubleValue, d.isFinite else {
                let empty: Bool = switch v { case .null: true; case .string(let s): s.isEmpty || s == "unreachable"; default: false }
                if empty && options.allowMissing && field == options.value { return .nan }
                throw InputError(file: url.relativePath, field: field, message: "\(row.line) (\(row.code)): '\(v.stringValue ?? v.typeName)' is not a number" + (empty ? " (a missing value: an unreachable commune, say; filter it out, or raise --max-minutes when the table is made)" : ""))
            }
            return d
        }
        return Table(
            codes: rows.map(\.code),
            values: try rows.map { try number($0, options.value) },
            weights: try options.weight.map { w in try rows.map { try number($0, w) } } ?? Array(repeating: 1, count: rows.count),
            groups: options.groupBy.map { g in rows.map { $0.fields[g]?.stringValue ?? "(none)" } },
            ranks: try options.rank.map { r in try rows.map { try number($0, r) } },
            geometries: rows.allSatisfy { $0.geometry?.isPolygonal == true } ? rows.map { $0.geometry! } : nil)
    }

    public static func run(_ table: Table, options: Options) throws -> InequalityAnalysis {
        let data = try WeightedValues(table.values, weights: table.weights)
        let lorenz = try Lorenz(data)
        var s = Summary([
            ("units", .int(table.values.count)),
            ("weight", .string(options.weight ?? "none (every unit counts 1)")),
            ("total weight", .fixed(data.totalWeight, 2)),
            ("units with zero weight", .int(table.weights.filter { $0 == 0 }.count)),
            ("weighted mean", .fixed(data.mean, 6)),
            ("gini", .fixed(lorenz.gini, 6)),
            ("theil T", .fixed(try Theil.t(data), 6)),
            ("theil L", value(try Theil.l(data))),
            ("atkinson", .object(Properties(try [0.5, 1, 2].map { ("ε = \(NumberFormatting.string($0, precision: 1))", value(try data.atkinson($0))) }))),
            ("coefficient of variation", .fixed(try data.coefficientOfVariation(), 6)),
            ("P90/P10", value(data.quantileRatio(0.9, 0.1))),
            ("palma", value(try data.palma())),
        ])
        if let below = options.below {
            s["share below \(NumberFormatting.string(below, precision: 3))"] = .fixed(data.shareBelow(below), 6)
        }
        if let ranks = table.ranks, let r = options.rank {
            s["concentration index by \(r)"] = .fixed(try data.concentrationIndex(rankedBy: ranks), 6)
        }
        if let groups = table.groups, let g = options.groupBy {
            let d = try TheilDecomposition(data, groups: groups)
            s["theil by \(g)"] = .object(Properties([
                ("T within", .fixed(d.tWithin, 6)), ("T between", .fixed(d.tBetween, 6)),
                ("T between share", .fixed(d.t > 0 ? d.tBetween / d.t : 0, 6)),
                ("L within", value(d.lWithin)), ("L between", value(d.lBetween)),
                ("groups", .int(d.groups.count)),
                ("groups of one unit", .int(Dictionary(grouping: groups, by: { $0 }).values.filter { $0.count == 1 }.count)),
            ]))
        }
        var local: LocalMoran?
        if let kind = options.spatialWeights {
            guard let geometries = table.geometries else {
                throw OptionError("spatial statistics need polygons: give the GeoJSON table (--out x.geojson of access or distance)")
            }
            let projected = try ProjectedStudy(Study(areas: zip(table.codes, geometries).map { Area(id: $0, name: $0, geometry: $1) }))
            let weights = try SpatialWeightsBuilder.build(kind, geometries: projected.geometries, points: projected.points, k: options.k).rowStandardized()
            var rng = SeededGenerator(seed: options.seed)
            let moran = try MoranGlobal(table.values, weights: weights, permutations: options.permutations, using: &rng)
            let lisa = try LocalMoran(table.values, weights: weights, permutations: options.permutations, using: &rng)
            let clusters = lisa.significantClusters(alpha: options.alpha)
            s["moran"] = .object(Properties([
                ("weights", .string(kind == .knn ? "\(options.k) nearest neighbours, row-standardised" : "\(kind.rawValue) contiguity, row-standardised")),
                ("units without neighbour", .int(weights.islands.count)),
                ("I", .fixed(moran.i, 6)), ("E[I]", .fixed(moran.expected, 6)), ("z (normality)", .fixed(moran.zNormal, 4)),
                ("pseudo p-value", moran.pSimulated.map { .fixed($0, 4) } ?? .null),
                ("permutations", .int(options.permutations)), ("seed", .int(Int(options.seed))),
            ]))
            s["lisa clusters (p ≤ \(NumberFormatting.string(options.alpha, precision: 3)))"] = .object(Properties(LocalMoran.Quadrant.allCases.map { q in
                (q.label, .int(clusters.filter { $0 == q }.count))
            } + [("not significant", .int(clusters.filter { $0 == nil }.count))]))
            local = lisa
        }
        return InequalityAnalysis(table: table, lorenz: lorenz, local: local, summary: s)
    }

    static func value(_ d: Double) -> PropertyValue { d.isFinite ? .fixed(d, 6) : .string(d > 0 ? "infinite" : "-infinite") }

    /// The Lorenz curve as CSV: population share, value share.
    public func writeLorenz(to url: URL, inputs: [URL]) throws {
        try CSVWriter.write(header: ["population_share", "value_share"], rows: lorenz.points.map {
            [NumberFormatting.string($0.population, precision: 8), NumberFormatting.string($0.value, precision: 8)]
        }, to: url, inputs: inputs)
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
        return CommuneTable(columns: columns, rows: rows)
    }
}
