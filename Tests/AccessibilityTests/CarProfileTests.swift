import Accessibility
import GeoCore
import Testing

/// docs/roads.md §1–3 and §5's snappable rule, one hand case per bullet.
@Suite struct CarProfileTests {
    let profile = CarProfile()

    func decide(_ tags: [String: String], _ profile: CarProfile = CarProfile(), anyClass: Bool = false) -> CarProfile.Decision {
        profile.decide({ tags[$0] }, anyClass: anyClass)
    }

    func road(_ tags: [String: String], _ profile: CarProfile = CarProfile()) -> CarProfile.Road? {
        if case .kept(let road) = decide(tags, profile) { return road }
        return nil
    }

    func refusal(_ tags: [String: String], _ profile: CarProfile = CarProfile()) -> CarProfile.Refusal? {
        if case .refused(let reason) = decide(tags, profile) { return reason }
        return nil
    }

    // §1 rule 1: kept classes, speed-file classes, ferries.
    @Test(arguments: ["motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
                      "tertiary", "tertiary_link", "unclassified", "residential", "living_street", "service", "road"])
    func everyCarClassIsKept(_ highway: String) {
        #expect(road(["highway": highway])?.roadClass == highway)
    }

    @Test(arguments: ["footway", "cycleway", "track", "path", "steps", "pedestrian", "bus_stop", "proposed", "", "MOTORWAY"])
    func otherClassesAreRefused(_ highway: String) {
        #expect(refusal(["highway": highway]) == .notACarClass)
    }

    @Test func aSpeedFileClassIsKept() {
        var speeds = SpeedTable()
        speeds.classes["track"] = SpeedTable.Speeds(15)
        let track = road(["highway": "track"], CarProfile(speeds: speeds))
        #expect(track?.classSpeeds == SpeedTable.Speeds(15) && track?.kmh(urban: true) == 15)
    }

    @Test func ferriesOnlyWhenAsked() {
        let ferry = ["route": "ferry"]
        #expect(refusal(ferry) == .ferryNotAsked)
        let kept = road(ferry, CarProfile(ferries: true))
        #expect(kept?.roadClass == "ferry" && kept?.kmh(urban: false) == 20 && kept?.kmh(urban: true) == 20)
        #expect(kept?.snappable == false && kept?.direction == .both)
        #expect(refusal(["route": "bus"]) == .notACarClass)
        #expect(refusal(["highway": "ferry"], CarProfile(ferries: true)) == .notACarClass, "ferry is a route, not a highway class")
    }

    // §1 rules 2–3.
    @Test func areasAndReversibleWaysAreRefused() {
        #expect(refusal(["highway": "service", "area": "yes"]) == .area)
        #expect(road(["highway": "service", "area": "no"]) != nil)
        #expect(refusal(["highway": "primary", "oneway": "reversible"]) == .reversible)
        #expect(refusal(["highway": "primary", "oneway": "alternating"]) == .reversible)
        #expect(refusal(["highway": "primary", "oneway": "Reversible"]) == .reversible, "oneway values are compared in lower case")
    }

    // §1 rule 4: the most specific access tag present decides.
    @Test func accessPrecedence() {
        #expect(refusal(["highway": "residential", "access": "no"]) == .noCarAccess)
        #expect(road(["highway": "residential", "access": "no", "motor_vehicle": "yes"]) != nil)
        #expect(refusal(["highway": "residential", "access": "yes", "motor_vehicle": "no"]) == .noCarAccess)
        #expect(road(["highway": "residential", "motor_vehicle": "no", "motorcar": "destination"]) != nil)
        #expect(refusal(["highway": "residential", "vehicle": "private", "access": "yes"]) == .noCarAccess)
        #expect(road(["highway": "residential", "vehicle": "yes", "access": "private"]) != nil)
        #expect(refusal(["highway": "service", "motorcar": "no", "motor_vehicle": "yes", "vehicle": "yes", "access": "yes"]) == .noCarAccess)
    }

    @Test(arguments: ["no", "private", "agricultural", "forestry", "delivery", "emergency", "bus", "psv", "permit", "No"])
    func refusingAccessValues(_ value: String) {
        #expect(refusal(["highway": "tertiary", "access": value]) == .noCarAccess)
    }

    @Test(arguments: ["yes", "destination", "permissive", "designated", "customers", "no;yes", "unknown", ""])
    func allowingAccessValues(_ value: String) {
        #expect(road(["highway": "tertiary", "access": value]) != nil)
    }

    // §2.
    @Test func onewayVariants() {
        for v in ["yes", "true", "1", "YES"] { #expect(road(["highway": "primary", "oneway": v])?.direction == .forward, "\(v)") }
        for v in ["-1", "reverse"] { #expect(road(["highway": "primary", "oneway": v])?.direction == .backward, "\(v)") }
        for v in ["no", "false", "0"] { #expect(road(["highway": "primary", "oneway": v])?.direction == .both, "\(v)") }
        #expect(road(["highway": "primary"])?.direction == .both)
        #expect(road(["highway": "primary", "oneway": "maybe"])?.direction == .both)
    }

    @Test func impliedOneway() {
        #expect(road(["highway": "primary", "junction": "roundabout"])?.direction == .forward)
        #expect(road(["highway": "tertiary", "junction": "circular"])?.direction == .forward)
        #expect(road(["highway": "motorway"])?.direction == .forward)
        #expect(road(["highway": "motorway_link"])?.direction == .forward)
        #expect(road(["highway": "trunk"])?.direction == .both)
        #expect(road(["highway": "motorway", "oneway": "no"])?.direction == .both, "an explicit no wins")
        #expect(road(["highway": "primary", "junction": "roundabout", "oneway": "-1"])?.direction == .backward)
    }

    // §3 rule 1 and the class speeds.
    @Test func postedSpeedThenClassSpeed() {
        let posted = road(["highway": "primary", "maxspeed": "70"])
        #expect(posted?.postedKmh == 70 && posted?.kmh(urban: true) == 70 && posted?.kmh(urban: false) == 70)
        let unposted = road(["highway": "primary", "maxspeed": "signals"])
        #expect(unposted?.postedKmh == nil && unposted?.kmh(urban: false) == 75 && unposted?.kmh(urban: true) == 45)
        #expect(road(["highway": "residential", "maxspeed": "FR:zone30"])?.postedKmh == 30)
    }

    // §5.
    @Test func snappable() {
        #expect(road(["highway": "motorway"])?.snappable == false)
        #expect(road(["highway": "motorway_link"])?.snappable == false)
        #expect(road(["highway": "trunk"])?.snappable == true)
        #expect(road(["highway": "service"])?.snappable == true)
    }

    // docs/roads.md §1's historic rule for line layers without classes.
    @Test func anyClassKeepsUnclassifiedLines() {
        if case .kept(let r) = decide([:], anyClass: true) { #expect(r.roadClass == "" && r.kmh(urban: true) == 40) } else { Issue.record("refused") }
        if case .kept(let r) = decide(["highway": "Route à 1 chaussée"], anyClass: true) { #expect(r.kmh(urban: false) == 40) } else { Issue.record("refused") }
        #expect(decide(["access": "no"], anyClass: true) == .refused(.noCarAccess))
        #expect(decide([:]) == .refused(.notACarClass))
    }

    /// Odd tag values never crash and always decide.
    @Test func oddTagsAreDecided() {
        let odd = ["", " ", "∞", "-", "1e308", "-1e308", "nan", "NaN km/h", "99999999999999999999", "0", "-50", "50;30", "50 mph mph",
                   ".", "..", "5.5.5", "\u{0}", "🚗", "FR:", "fr:urban", "80 knots", String(repeating: "9", count: 400), "٣٠"]
        var generator = SeededGenerator(seed: 22)
        for _ in 0..<400 {
            var tags: [String: String] = [:]
            for key in ["highway", "route", "area", "oneway", "junction", "motorcar", "motor_vehicle", "vehicle", "access", "maxspeed"] where Bool.random(using: &generator) {
                tags[key] = Bool.random(using: &generator) ? odd.randomElement(using: &generator)! : ["primary", "ferry", "yes", "no", "-1", "roundabout"].randomElement(using: &generator)!
            }
            if case .kept(let r) = decide(tags, CarProfile(ferries: true)) {
                #expect(r.kmh(urban: false).isFinite && r.kmh(urban: false) > 0, "\(tags)")
            }
        }
    }
}
