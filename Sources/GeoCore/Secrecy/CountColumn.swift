/// One column of counts of a table to publish, as ``SecrecyRule/suppress(_:groups:otherTotals:)`` takes it.
public struct CountColumn: Sendable, Equatable {
    /// The column's name (for the caller's report; the rule does not read it).
    public var name: String
    /// What the column counts.
    public var unit: SecrecyRule.Unit
    /// Per row: the count as published (rounded as written), or nil when the cell is empty.
    public var values: [Double?]
    /// Whether totals of the column are published beside the table (a summary's total population
    /// and population by group): only then can a hidden cell be recovered by subtraction, and
    /// only then is the secondary rule applied.
    public var hasPublishedTotals: Bool

    /// A column of counts.
    public init(name: String, unit: SecrecyRule.Unit, values: [Double?], hasPublishedTotals: Bool) {
        self.name = name
        self.unit = unit
        self.values = values
        self.hasPublishedTotals = hasPublishedTotals
    }
}

/// Why a cell or a total is not published.
public enum SuppressionReason: String, Sendable, CaseIterable {
    /// The value is under the rule's threshold.
    case primary
    /// The value is above it, but hidden so that a primary one cannot be recovered from the
    /// published totals (or because its row's population is hidden).
    case secondary
}

/// What ``SecrecyRule/suppress(_:groups:otherTotals:)`` hides of one column.
public struct ColumnSuppression: Sendable, Equatable {
    /// Per row: why the cell is hidden, or nil when it is published.
    public var cells: [SuppressionReason?]
    /// Per group (index into the groups given): why its total must not be published.
    public var groupTotals: [Int: SuppressionReason] = [:]
    /// Per set of the `otherTotals` given (index into them): why its total must not be published.
    public var otherTotals: [Int: SuppressionReason] = [:]
    /// Why the column's grand total must not be published, or nil.
    public var grandTotal: SuppressionReason?

    /// How many cells are hidden for `reason`.
    public func count(_ reason: SuppressionReason) -> Int {
        cells.reduce(0) { $0 + ($1 == reason ? 1 : 0) }
    }
}
