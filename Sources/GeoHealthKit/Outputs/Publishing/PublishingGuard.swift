import GeoCore

/// The publishing guard: a per-commune table, its summary and its report made fit for
/// publication under a statistical-secrecy rule (``GeoCore/SecrecyRule``), saying what it hid
/// (docs/publishing.md).
///
/// In a table, every count column (``unit(ofColumn:)``) gets a `NAME_secret` column beside it:
/// a hidden cell is empty (null) and its reason, `primary` or `secondary`, is in that column
/// (the rule of every output: a missing value empty, its reason in its own column). The group
/// totals the summary publishes (population by `--group-by` group, total population) are the
/// totals the secondary rule protects, with each territory's population that `coverage` publishes
/// (``GeoCore/SecrecyRule/suppress(_:groups:otherTotals:)``).
///
/// Only suppression is implemented: merging a small commune into its neighbour or group is not.
public struct PublishingGuard: Sendable {
    /// The thresholds.
    public var rule: SecrecyRule

    /// A guard applying `rule` (by default the documented thresholds: 11 people, 3 practitioners).
    public init(rule: SecrecyRule = SecrecyRule()) {
        self.rule = rule
    }

    /// What a table column counts, by the names GeoHealth's commands give their columns:
    /// `population`, `demand` and `population_…` count people; `sites_in_reach` and
    /// `KIND_within_Nmin` count sites (or practitioners, when the sites are practitioners).
    /// Nil for every other column (times, distances, indices, shares, ids).
    public static func unit(ofColumn name: String) -> SecrecyRule.Unit? {
        if name == "population" || name == "demand" || name.hasPrefix("population_") { return .people }
        if name == "sites_in_reach" || (name.contains("_within_") && name.hasSuffix("min")) { return .contributors }
        return nil
    }

    /// Whether the summary publishes totals of a column (the total and by-group population,
    /// the covered population): only those columns get the secondary rule. `demand` (the
    /// age-standardised population of `access`) has no published total, but is hidden with its
    /// row's population.
    static func hasPublishedTotals(_ name: String) -> Bool {
        name == "population" || name == "population_in_territory"
    }

    /// A text column that names what a count column counts, hidden with it (the ids of the
    /// sites in reach would give their number back).
    static let listedBy = ["sites_in_reach": "site_ids_in_reach"]

    /// The territories of a `coverage` table (its `territories` column: `ID:share` per
    /// territory a commune is in) and their members with a positive share: the summary publishes
    /// each territory's population (the members' populations times their shares, which the
    /// table also publishes), so a lone hidden member could be recovered from it.
    static func territories(of table: CommuneTable) -> [(id: String, members: [Int])] {
        guard let c = table.columns.firstIndex(of: "territories") else { return [] }
        var members: [String: [Int]] = [:]
        for (r, row) in table.rows.enumerated() {
            guard case .array(let items) = row[c] else { continue }
            for item in items {
                guard let text = item.stringValue, let colon = text.lastIndex(of: ":") else { continue }
                guard (Double(text[text.index(after: colon)...]) ?? 1) > 0 else { continue }
                members[String(text[..<colon]), default: []].append(r)
            }
        }
        return members.keys.sorted().map { ($0, members[$0]!) }
    }

    /// The groups of the rows: the index of each row's value of `groupBy` among the sorted
    /// values (a row without one is in the group ""), with the labels; nil without `groupBy`.
    static func groups(of table: CommuneTable, groupBy: String?) -> (index: [Int], labels: [String])? {
        guard let groupBy, let c = table.columns.firstIndex(of: groupBy) else { return nil }
        let keys = table.rows.map { $0[c].stringValue ?? "" }
        let labels = Array(Set(keys)).sorted()
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        return (keys.map { position[$0]! }, labels)
    }
}
