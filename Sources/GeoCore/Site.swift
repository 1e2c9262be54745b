/// What a care site is. Well-known kinds have constants; any other label is allowed.
public struct SiteKind: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String

    /// The kind named `rawValue`, lowercased (`"MSP"` and `"msp"` are one kind).
    public init(rawValue: String) {
        self.rawValue = rawValue.lowercased()
    }

    /// The kind named `raw`, lowercased: `SiteKind("MSP") == .msp`.
    public init(_ raw: String) {
        self.init(rawValue: raw)
    }

    /// Maison de santé pluriprofessionnelle.
    public static let msp = SiteKind("msp")
    /// Communauté professionnelle territoriale de santé (its seat, when given as a site).
    public static let cpts = SiteKind("cpts")
    /// Service d'accès aux soins.
    public static let sas = SiteKind("sas")
    /// Hospital (établissement de santé, e.g. a centre hospitalier).
    public static let hospital = SiteKind("hospital")
    /// Emergency department (structure des urgences).
    public static let emergency = SiteKind("emergency")
    /// Centre de santé.
    public static let healthCentre = SiteKind("centre")

    public var description: String { rawValue }
    /// Orders kinds by their names, alphabetically (the order of per-kind tables and summaries).
    public static func < (a: SiteKind, b: SiteKind) -> Bool { a.rawValue < b.rawValue }
}

/// A place that offers care: where it is, what it is, and how much it offers.
public struct Site: Hashable, Sendable {
    /// The site's identifier, unique in its table (its `id`, `site_id`, `code` or FINESS number column).
    public var id: String
    /// The site's name as in the source table; empty when the table has none.
    public var name: String
    /// What the site is: its kind column's value, or the kind given for the whole file.
    public var kind: SiteKind
    /// Position in the study's CRS.
    public var location: Coordinate
    /// Supply, e.g. practitioners in full-time equivalents; `nil` when the source has none.
    public var capacity: Double?
    /// The source row's other columns, kept for the outputs.
    public var attributes: Properties
    /// Minutes before a vehicle or a team leaves (SAS, emergency), added to every travel cost
    /// towards the site; `nil` when the source gives none.
    public var startupMinutes: Double?

    /// A site at `location` (in the study's CRS); `capacity` `nil` when the source gives no
    /// supply, `startupMinutes` `nil` when it gives no start-up delay.
    public init(
        id: String, name: String = "", kind: SiteKind, location: Coordinate, capacity: Double? = nil,
        attributes: Properties = Properties(), startupMinutes: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.location = location
        self.capacity = capacity
        self.attributes = attributes
        self.startupMinutes = startupMinutes
    }
}
