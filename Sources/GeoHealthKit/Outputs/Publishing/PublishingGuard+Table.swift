import GeoCore

/// What the publishing guard hid, for the summary's `secrecy` section and the report.
public struct SecrecyReport: Sendable, Equatable {
    /// The counts of one column of the table.
    public struct Column: Sendable, Equatable {
        /// The column's name.
        public var name: String
        /// What it counts.
        public var unit: SecrecyRule.Unit
        /// Cells hidden for being under the threshold.
        public var primary: Int
        /// Cells hidden so that the primary ones cannot be recovered (or with their row's population).
        public var secondary: Int

        /// The counts of a column.
        public init(name: String, unit: SecrecyRule.Unit, primary: Int, secondary: Int) {
            self.name = name
            self.unit = unit
            self.primary = primary
            self.secondary = secondary
        }
    }

    /// The rule applied.
    public var rule: SecrecyRule
    /// The count columns of the table, in order.
    public var columns: [Column] = []
    /// The groups (values of `--group-by`) whose population total the summary does not publish.
    public var groupTotalsHidden: [String] = []
    /// The territories whose population total the summary does not publish.
    public var territoryTotalsHidden: [String] = []
    /// Whether the summary's total population is not published.
    public var grandTotalHidden = false
    /// Values of the summary hidden (counts of people under the threshold, their shares).
    public var summaryValuesHidden = 0

    /// Cells hidden for `reason`, in every column.
    public func cells(_ reason: SuppressionReason) -> Int {
        columns.reduce(0) { $0 + (reason == .primary ? $1.primary : $1.secondary) }
    }
}

extension PublishingGuard {
    /// The suffix of the column holding the reason a cell of `NAME` is hidden (`NAME_secret`).
    public static let reasonSuffix = "_secret"

    /// `table` with its count cells under the rule hidden (null), a `NAME_secret` column after
    /// each count column (and after a column listing what it counts) holding `primary` or
    /// `secondary` where a cell is hidden, and what was hidden.
    /// - Parameter groupBy: the column grouping the rows whose totals the summary publishes.
    public func guarded(_ table: CommuneTable, groupBy: String?) -> (table: CommuneTable, report: SecrecyReport) {
        let counted = table.columns.indices.compactMap { c in Self.unit(ofColumn: table.columns[c]).map { (c, $0) } }
        let columns = counted.map { c, unit in
            CountColumn(name: table.columns[c], unit: unit, values: table.rows.map { $0[c].doubleValue },
                        hasPublishedTotals: Self.hasPublishedTotals(table.columns[c]))
        }
        let groups = Self.groups(of: table, groupBy: groupBy)
        let territories = Self.territories(of: table)
        let hidden = rule.suppress(columns, groups: groups?.index, otherTotals: territories.map(\.members))
        var reasons: [Int: [SuppressionReason?]] = [:]
        for (k, (c, _)) in counted.enumerated() {
            reasons[c] = hidden[k].cells
            if let listed = Self.listedBy[table.columns[c]], let l = table.columns.firstIndex(of: listed) { reasons[l] = hidden[k].cells }
        }
        var out = CommuneTable(columns: [], rows: Array(repeating: [], count: table.rows.count), geometries: table.geometries,
                               costColumns: table.costColumns)
        for c in table.columns.indices {
            out.columns.append(table.columns[c])
            for r in table.rows.indices { out.rows[r].append(reasons[c]?[r] == nil ? table.rows[r][c] : .null) }
            guard let why = reasons[c] else { continue }
            out.columns.append(table.columns[c] + Self.reasonSuffix)
            for r in table.rows.indices { out.rows[r].append(why[r].map { .string($0.rawValue) } ?? .null) }
        }
        var report = SecrecyReport(rule: rule)
        report.columns = zip(columns, hidden).map { .init(name: $0.name, unit: $0.unit, primary: $1.count(.primary), secondary: $1.count(.secondary)) }
        if let key = columns.firstIndex(where: { $0.unit == .people && $0.hasPublishedTotals }) {
            report.groupTotalsHidden = hidden[key].groupTotals.keys.sorted().map { groups?.labels[$0] ?? "" }
            report.grandTotalHidden = hidden[key].grandTotal != nil
            report.territoryTotalsHidden = hidden[key].otherTotals.keys.sorted().map { territories[$0].id }
            if groups == nil { report.groupTotalsHidden = [] }
        }
        return (out, report)
    }
}
