/// Which ways a car may use, in which direction, at what posted speed, and whether places may
/// be snapped to them: docs/roads.md §1 (rules 1–4), §2, §3 rule 1 and §5, from a way's tags.
///
/// - Class: the `highway` value when ``SpeedTable/lists(_:)`` it (the 15 car classes of the
///   default table, plus any class a speed file adds); else a ferry (`route=ferry`) when
///   ``ferries`` is on; else refused.
/// - `area=yes` is refused; so is `oneway=reversible`/`alternating`.
/// - Access: the most specific tag present among `motorcar`, `motor_vehicle`, `vehicle`,
///   `access` decides; `no`, `private`, `agricultural`, `forestry`, `delivery`, `emergency`,
///   `bus`, `psv`, `permit` refuse, any other value allows; no tag allows.
/// - Direction: `oneway` yes/true/1 along, -1/reverse against, no/false/0 both; otherwise
///   roundabouts (`junction=roundabout`/`circular`), motorways and their links along; else both.
/// - Posted speed: `maxspeed` read by ``SpeedTable/parseMaxspeed(_:)``.
/// - Snappable: not `motorway`, `motorway_link` or a ferry.
///
/// Tags are read through a lookup function, so that a caller can answer from libosmium's
/// tag list or a feature's properties without building a dictionary for every way.
package struct CarProfile: Sendable {
    /// The speeds by class; the classes it lists are the classes kept.
    package var speeds: SpeedTable
    /// Whether ferries (`route=ferry`) are kept, at the ferry speed (default off: crossings wait).
    package var ferries: Bool

    /// Ferries are left out unless asked for (docs/roads.md §1: their waits are in no table).
    package static let defaultFerries = false

    /// The profile with `speeds` (the defaults unless given) and ferries as asked.
    package init(speeds: SpeedTable = SpeedTable(), ferries: Bool = CarProfile.defaultFerries) {
        self.speeds = speeds
        self.ferries = ferries
    }

    /// Why a way is not a road (counted by reason in a reading's summary).
    package enum Refusal: String, Sendable, CaseIterable, Comparable {
        /// Its `highway` class is not a car class (footway, cycleway, track… unless the speed file adds it), or it has none.
        case notACarClass = "not_a_car_class"
        /// A ferry, and ferries were not asked for.
        case ferryNotAsked = "ferry_not_asked"
        /// `area=yes`.
        case area
        /// `oneway=reversible` or `alternating`.
        case reversible
        /// Its access tags refuse cars.
        case noCarAccess = "no_car_access"
        /// Fewer than two of its nodes are located (docs/roads.md §1 rule 5; the reader decides it).
        case tooFewNodes = "fewer_than_two_located_nodes"

        /// Ordered by their names, for stable summaries.
        package static func < (a: Refusal, b: Refusal) -> Bool { a.rawValue < b.rawValue }
    }

    /// What the profile says of a kept way.
    package struct Road: Sendable, Equatable {
        /// Its class: the `highway` value, ``SpeedTable/ferryClass`` for a ferry.
        package var roadClass: String
        /// Which ways it may be driven.
        package var direction: RoadNetwork.Direction
        /// Its readable `maxspeed` in km/h, nil when it has none.
        package var postedKmh: Double?
        /// Its class's speeds, for the segments without a posted speed.
        package var classSpeeds: SpeedTable.Speeds
        /// Whether places may be snapped to it.
        package var snappable: Bool

        /// The speed of a segment in km/h: the posted speed, else the class speed of the
        /// segment's setting (docs/roads.md §3).
        package func kmh(urban: Bool) -> Double { postedKmh ?? classSpeeds.kmh(urban: urban) }
    }

    /// The access values that refuse cars (docs/roads.md §1 rule 4).
    package static let refusingAccess: Set<String> = ["no", "private", "agricultural", "forestry", "delivery", "emergency", "bus", "psv", "permit"]
    /// The access tags, most specific first.
    package static let accessKeys = ["motorcar", "motor_vehicle", "vehicle", "access"]

    /// The way's class when it is one a car may use (or a ferry, when asked for), else why not.
    /// With `anyClass` (a line layer without road classes: docs/roads.md §1's historic rule),
    /// every non-ferry line is a road of its `highway` value, listed or not.
    package func refusal(_ tag: (String) -> String?, anyClass: Bool = false) -> Refusal? {
        if roadClass(tag, anyClass: anyClass) == nil { return tag("route") == "ferry" ? .ferryNotAsked : .notACarClass }
        if tag("area") == "yes" { return .area }
        if let oneway = tag("oneway")?.lowercased(), oneway == "reversible" || oneway == "alternating" { return .reversible }
        for key in Self.accessKeys {
            guard let value = tag(key) else { continue }
            return Self.refusingAccess.contains(value.lowercased()) ? .noCarAccess : nil
        }
        return nil
    }

    /// The decision about a way: refused with its reason, or kept with its direction, posted
    /// speed, class speeds and snappability.
    package func decide(_ tag: (String) -> String?, anyClass: Bool = false) -> Decision {
        if let refused = refusal(tag, anyClass: anyClass) { return .refused(refused) }
        let cls = roadClass(tag, anyClass: anyClass) ?? ""
        let posted = tag("maxspeed").flatMap(SpeedTable.parseMaxspeed)
        let snappable = cls != "motorway" && cls != "motorway_link" && cls != SpeedTable.ferryClass
        return .kept(Road(roadClass: cls, direction: Self.direction(tag), postedKmh: posted, classSpeeds: speeds.speeds(forClass: cls), snappable: snappable))
    }

    /// A way refused, or kept as a road.
    package enum Decision: Sendable, Equatable {
        /// Not a road, for this reason.
        case refused(Refusal)
        /// A road, as the profile reads it.
        case kept(Road)
    }

    /// docs/roads.md §2.
    static func direction(_ tag: (String) -> String?) -> RoadNetwork.Direction {
        switch tag("oneway")?.lowercased() {
        case "yes", "true", "1": return .forward
        case "-1", "reverse": return .backward
        case "no", "false", "0": return .both
        default: break
        }
        if let junction = tag("junction"), junction == "roundabout" || junction == "circular" { return .forward }
        if let highway = tag("highway"), highway == "motorway" || highway == "motorway_link" { return .forward }
        return .both
    }

    func roadClass(_ tag: (String) -> String?, anyClass: Bool) -> String? {
        let highway = tag("highway")
        if let highway, speeds.lists(highway) || (anyClass && highway != SpeedTable.ferryClass) { return highway }
        if ferries && tag("route") == "ferry" { return SpeedTable.ferryClass }
        if anyClass && highway == nil && tag("route") != "ferry" { return "" }
        return nil
    }
}
