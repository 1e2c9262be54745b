/// Speeds (km/h) by OSM `highway` class, rural and urban, used for a road without a readable
/// `maxspeed` of its own (docs/roads.md §3).
///
/// Defaults are typical free-flow speeds on French roads, below the legal limits (130 on
/// motorways, 110 on expressways, 80 on two-lane rural roads since 2018, 50 in towns) to allow
/// for bends, junctions and villages: close to the profiles of OSRM's car profile and of the
/// speed tables used in French accessibility studies; the urban column applies where the road
/// network is dense (``UrbanCells``). Any class can be overridden or added
/// (`geohealth distance --speeds FILE`, a CSV `highway,kmh` or `highway,rural_kmh,urban_kmh`);
/// a class the table lists is a class a car may use (``CarProfile``).
public struct SpeedTable: Sendable, Equatable {
    /// A class's speeds in km/h, outside and inside urban cells.
    public struct Speeds: Sendable, Equatable {
        /// Speed in km/h outside urban cells.
        public var rural: Double
        /// Speed in km/h inside urban cells (``UrbanCells``).
        public var urban: Double

        /// `rural` and `urban` km/h.
        public init(rural: Double, urban: Double) {
            self.rural = rural
            self.urban = urban
        }

        /// The same speed in both settings.
        public init(_ kmh: Double) { self.init(rural: kmh, urban: kmh) }

        /// The speed in the setting asked for.
        public func kmh(urban isUrban: Bool) -> Double { isUrban ? urban : rural }
    }

    /// Speeds by OSM `highway` value (`"motorway"`, `"residential"`, …), plus ``ferryClass``.
    public var classes: [String: Speeds]
    /// Used for a class the table does not list (a line layer without road classes), km/h.
    public var fallback: Speeds

    /// The key of ferries' speeds (`route=ferry` ways, kept with `--ferries`): 20 km/h.
    public static let ferryClass = "ferry"

    /// The table of docs/roads.md §3, km/h by `highway` class, rural then urban: 120/90 on
    /// motorways, 65/40 on secondary roads, 30/25 in residential streets, …, and ferries 20.
    public static let defaultClasses: [String: Speeds] = [
        "motorway": Speeds(rural: 120, urban: 90), "motorway_link": Speeds(rural: 60, urban: 45),
        "trunk": Speeds(rural: 95, urban: 60), "trunk_link": Speeds(rural: 50, urban: 40),
        "primary": Speeds(rural: 75, urban: 45), "primary_link": Speeds(rural: 45, urban: 35),
        "secondary": Speeds(rural: 65, urban: 40), "secondary_link": Speeds(rural: 40, urban: 30),
        "tertiary": Speeds(rural: 55, urban: 35), "tertiary_link": Speeds(rural: 35, urban: 25),
        "unclassified": Speeds(rural: 45, urban: 30), "residential": Speeds(rural: 30, urban: 25),
        "living_street": Speeds(10), "service": Speeds(rural: 20, urban: 15), "road": Speeds(rural: 40, urban: 30),
        ferryClass: Speeds(20),
    ]

    /// The speeds of any class neither the defaults nor a speed file list: 40 km/h.
    public static let defaultFallback = Speeds(40)

    /// A table of `classes` (the defaults unless given), with `fallback` for a class it does not list.
    public init(classes: [String: Speeds] = SpeedTable.defaultClasses, fallback: Speeds = SpeedTable.defaultFallback) {
        self.classes = classes
        self.fallback = fallback
    }

    /// The speeds of class `highway`: the table's, or the fallback for an unknown or missing class.
    public func speeds(forClass highway: String?) -> Speeds {
        highway.flatMap { classes[$0] } ?? fallback
    }

    /// Whether the table lists `highway` as a road class (ferries aside): a class a car may use.
    public func lists(_ highway: String) -> Bool {
        highway != Self.ferryClass && classes[highway] != nil
    }
}
