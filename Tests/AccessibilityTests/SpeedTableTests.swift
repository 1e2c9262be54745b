import Accessibility
import Testing

/// The speed table of docs/roads.md §3 and `maxspeed`'s forms.
@Suite struct SpeedTableTests {
    @Test func theDocumentedTable() {
        let t = SpeedTable()
        let expected: [String: (Double, Double)] = [
            "motorway": (120, 90), "motorway_link": (60, 45), "trunk": (95, 60), "trunk_link": (50, 40), "primary": (75, 45),
            "primary_link": (45, 35), "secondary": (65, 40), "secondary_link": (40, 30), "tertiary": (55, 35), "tertiary_link": (35, 25),
            "unclassified": (45, 30), "residential": (30, 25), "living_street": (10, 10), "service": (20, 15), "road": (40, 30), "ferry": (20, 20),
        ]
        #expect(t.classes.count == expected.count)
        for (cls, (rural, urban)) in expected {
            #expect(t.speeds(forClass: cls) == SpeedTable.Speeds(rural: rural, urban: urban), "\(cls)")
        }
        #expect(t.speeds(forClass: "track") == SpeedTable.Speeds(40) && t.speeds(forClass: nil) == SpeedTable.Speeds(40))
        #expect(t.lists("service") && !t.lists("track") && !t.lists("ferry"))
    }

    @Test func maxspeedForms() {
        let cases: [(String, Double?)] = [
            ("90", 90), ("90 km/h", 90), ("50 mph", 50 * 1.609344), ("50mph", 50 * 1.609344), ("FR:urban", 50), ("FR:rural", 80),
            ("FR:motorway", 130), ("FR:zone30", 30), ("fr:zone30", 30), ("FR:walk", 6), ("none", nil), ("signals", nil), ("variable", nil),
            ("", nil), ("0", nil), ("-30", nil), ("fast", nil), ("50;30", 50), ("7.5", 7.5), ("٣٠", nil), ("1e3", 1), ("99999999999", nil),
        ]
        for (text, kmh) in cases { #expect(SpeedTable.parseMaxspeed(text) == kmh, "'\(text)'") }
    }
}
