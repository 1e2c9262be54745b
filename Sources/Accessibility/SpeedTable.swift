/// Speeds (km/h) by OSM `highway` class, used when a road has no `maxspeed`/`speed` of its own.
///
/// Defaults are typical free-flow speeds on French roads, below the legal limits (130 on
/// motorways, 110 on expressways, 80 on two-lane rural roads since 2018, 50 in towns) to allow
/// for bends, junctions and villages: close to the profiles of OSRM's car profile and of the
/// speed tables used in French accessibility studies. Any class can be overridden
/// (`geohealth distance --speeds FILE`, a CSV `highway,kmh`).
public struct SpeedTable: Sendable, Equatable {
    /// Speed in km/h by OSM `highway` value (`"motorway"`, `"residential"`, …).
    public var kmh: [String: Double]
    /// Used for a class the table does not know.
    var fallback: Double

    /// The default speeds, km/h by `highway` class (see the type's sources): 120 on motorways, 65 on
    /// secondary roads, 30 in residential streets, …
    public static let defaultSpeeds: [String: Double] = [
        "motorway": 120, "motorway_link": 60, "trunk": 95, "trunk_link": 50,
        "primary": 75, "primary_link": 45, "secondary": 65, "secondary_link": 40,
        "tertiary": 55, "tertiary_link": 35, "unclassified": 45, "residential": 30,
        "living_street": 10, "service": 20, "track": 15, "road": 40,
    ]

    /// A table of `kmh` by class (the defaults unless given), with `fallback` km/h (40) for a class it
    /// does not list.
    public init(kmh: [String: Double] = SpeedTable.defaultSpeeds, fallback: Double = 40) {
        self.kmh = kmh
        self.fallback = fallback
    }

    /// The speed in km/h of a road of class `highway` (its OSM `highway` tag): the table's value, or
    /// the fallback for an unknown or missing class.
    public func speed(forClass highway: String?) -> Double {
        highway.flatMap { kmh[$0] } ?? fallback
    }

    /// Parses a `maxspeed` value: `80`, `80 km/h`, `50 mph`, `FR:urban` (50), `FR:rural` (80),
    /// `FR:motorway` (130), `FR:zone30`/`FR:walk`; nil for `none`, `signals` or anything else.
    public static func parseMaxspeed(_ text: String) -> Double? {
        let t = text.lowercased().filter { $0 != " " }
        switch t {
        case "fr:urban": return 50
        case "fr:rural": return 80
        case "fr:motorway": return 130
        case "fr:zone30": return 30
        case "fr:walk": return 6
        default: break
        }
        let digits = t.prefix { $0.isNumber || $0 == "." }
        guard let v = Double(digits), v > 0, v.isFinite else { return nil }
        return t.hasSuffix("mph") ? v * 1.609344 : v
    }
}
