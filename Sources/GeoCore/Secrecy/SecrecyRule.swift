/// A statistical-secrecy rule for tables, maps and reports meant for publication: which
/// published counts are too small to show.
///
/// A count of people is secret when it is positive and under ``minimumPeople`` (default 11: a
/// cell of 1 to 10 people is never published, 0 is); a count of practitioners or sites
/// (``Unit/contributors``) is secret when positive and under ``minimumContributors``
/// (default 3: one or two practitioners are never shown alone). The rule applies to the value as
/// published (rounded as the table writes it), so that no published cell is under a threshold.
///
/// Sources of the defaults:
/// - people: the "règle des 11" of French health data — no published result on 1 to 10
///   people — the publication rule of the SNDS (*Système national des données de santé*: its
///   users' charter and the CNIL's decisions on it), which the DREES and the ATIH apply to their
///   tables;
/// - practitioners and sites: INSEE's *secret statistique* for units of activity (a cell must
///   gather at least 3 units, the "règle des 3", with the 85 % dominance rule — not implemented
///   here: GeoHealth has no activity share per unit to weigh), INSEE, "Le secret statistique",
///   insee.fr, and the loi n° 51-711 du 7 juin 1951, art. 6.
///
/// Both thresholds are the planner's to choose (``init(minimumPeople:minimumContributors:)``).
///
/// ```swift
/// let rule = SecrecyRule()
/// rule.isSecret(10, unit: .people)   // true
/// rule.isSecret(11, unit: .people)   // false
/// rule.isSecret(2, unit: .contributors)  // true
/// ```
public struct SecrecyRule: Sendable, Equatable {
    /// What a count counts: people (residents, patients) or contributors (practitioners, sites).
    public enum Unit: String, Sendable, CaseIterable {
        /// Residents or patients: secret under ``SecrecyRule/minimumPeople``.
        case people
        /// Practitioners or sites: secret under ``SecrecyRule/minimumContributors``.
        case contributors
    }

    /// The smallest count of people that may be published (the "règle des 11": 11).
    public static let defaultMinimumPeople = 11
    /// The smallest count of practitioners or sites that may be published (INSEE's rule of 3: 3).
    public static let defaultMinimumContributors = 3

    /// A positive count of people under this is secret.
    public var minimumPeople: Int
    /// A positive count of practitioners or sites under this is secret.
    public var minimumContributors: Int

    /// The rule with the given thresholds (by default the documented ones).
    /// - Precondition: both thresholds are at least 1 (the CLI refuses others first).
    public init(minimumPeople: Int = defaultMinimumPeople, minimumContributors: Int = defaultMinimumContributors) {
        precondition(minimumPeople >= 1 && minimumContributors >= 1, "secrecy thresholds are at least 1")
        self.minimumPeople = minimumPeople
        self.minimumContributors = minimumContributors
    }

    /// The threshold of `unit`.
    public func minimum(_ unit: Unit) -> Int {
        unit == .people ? minimumPeople : minimumContributors
    }

    /// Whether a published count is secret: `0 < count < minimum(unit)`. Zero is published
    /// (nobody is not a person to protect).
    public func isSecret(_ count: Double, unit: Unit) -> Bool {
        count > 0 && count < Double(minimum(unit))
    }
}
