/// What a care site is. Well-known kinds have constants; any other label is allowed.
public struct SiteKind: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue.lowercased()
    }

    public init(_ raw: String) {
        self.init(rawValue: raw)
    }

    /// Maison de santé pluriprofessionnelle.
    public static let msp = SiteKind("msp")
    /// Communauté professionnelle territoriale de santé (its seat, when given as a site).
    public static let cpts = SiteKind("cpts")
    /// Service d'accès aux soins.
    public static let sas = SiteKind("sas")
    public static let hospital = SiteKind("hospital")
    public static let emergency = SiteKind("emergency")
    /// Centre de santé.
    public static let healthCentre = SiteKind("centre")

    public var description: String { rawValue }
    public static func < (a: SiteKind, b: SiteKind) -> Bool { a.rawValue < b.rawValue }
}

/// A place that offers care: where it is, what it is, and how much it offers.
public struct Site: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: SiteKind
    /// Position in the study's CRS.
    public var location: Coordinate
    /// Supply, e.g. practitioners in full-time equivalents; `nil` when the source has none.
    public var capacity: Double?
    public var attributes: Properties

    public init(
        id: String, name: String = "", kind: SiteKind, location: Coordinate, capacity: Double? = nil,
        attributes: Properties = Properties()
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.location = location
        self.capacity = capacity
        self.attributes = attributes
    }
}
