import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import Projection
import Testing

/// Line layers through the car profile, speed files in both forms, and odd values.
@Suite struct RoadLayerLinesTests {
    func layer(_ features: [String], speeds: SpeedTable = SpeedTable()) throws -> RoadLayer.Result {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("roads.geojson")
            try Data(("{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}").utf8).write(to: url)
            return try RoadLayer.read(url, crs: .lambert93, speeds: speeds)
        }
    }

    func line(_ properties: String, from: Double = 2.0) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[\(from),46.0],[\(from + 0.01),46.0]]}}"
    }

    @Test func theProfileAppliesToLayersWithHighway() throws {
        let result = try layer([
            line("\"highway\":\"primary\""), line("\"highway\":\"footway\""), line("\"highway\":\"service\",\"access\":\"private\""),
            line("\"highway\":\"motorway\""), line("\"highway\":\"secondary\",\"vitesse\":70"),
        ])
        #expect(result.roads.count == 3)
        #expect(result.refused == [.notACarClass: 1, .noCarAccess: 1])
        #expect(result.roads[1].direction == .forward && !result.roads[1].snappable && result.roads[1].kmh == 120)
        #expect(result.roads[2].kmh == 70)
        #expect(result.roads.allSatisfy { $0.nodeIDs == nil })
    }

    @Test func layersWithoutClassesKeepTheHistoricRule() throws {
        let result = try layer([line("\"name\":\"a\""), line("\"oneway\":\"yes\""), line("\"nature\":\"Route à 1 chaussée\"")])
        #expect(result.roads.map(\.kmh) == [40, 40, 40])
        #expect(result.roads.map(\.direction) == [.both, .forward, .both])
        #expect(result.byClass == ["unknown": 2, "Route à 1 chaussée": 1])
    }

    @Test func aDenseGridIsUrbanAndItsRoadsAreCut() throws {
        // In Lambert-93: 20 residential streets of 800 m, 40 m apart, all in the cell x 700–701 km,
        // y 6,600–6,601 km (16 km of road), and a primary road across whose middle segment has its
        // midpoint there (docs/roads.md §3).
        let toDegrees = try CoordinateTransformer(from: .lambert93, to: .wgs84)
        func feature(_ highway: String, _ metric: [Coordinate]) throws -> String {
            var c = metric
            try toDegrees.transform(&c)
            let coordinates = c.map { "[\($0.x),\($0.y)]" }.joined(separator: ",")
            return "{\"type\":\"Feature\",\"properties\":{\"highway\":\"\(highway)\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[\(coordinates)]}}"
        }
        var features = try (0..<20).map { k in
            try feature("residential", [Coordinate(700_100, 6_600_050 + Double(k) * 40), Coordinate(700_900, 6_600_050 + Double(k) * 40)])
        }
        let y = 6_600_470.0
        features.append(try feature("primary", [Coordinate(699_000, y), Coordinate(700_200, y), Coordinate(700_800, y), Coordinate(712_000, y)]))
        let result = try layer(features)
        #expect(result.urbanSegments == 21 && result.ruralSegments == 2)
        #expect(result.roads.count == 23)
        let primary = Array(result.roads.suffix(3))
        #expect(primary.map(\.kmh) == [75, 45, 75])
        #expect(primary.map(\.coordinates.count) == [2, 2, 2])
        #expect(abs(primary[1].coordinates[0].x - 700_200) < 1e-3 && abs(primary[2].coordinates[0].x - 700_800) < 1e-3, "pieces share their end vertex")
        #expect(result.roads.prefix(20).allSatisfy { $0.kmh == 25 })
    }

    @Test func oddValuesNeverCrash() throws {
        let odd = ["\"\"", "\"∞\"", "-1", "0", "1e308", "\"NaN\"", "null", "true", "[1,2]", "{\"a\":1}", "\"50;30\"", "\"none\"", "\"-1\"", "99999999999999999999"]
        var features: [String] = []
        for (k, value) in odd.enumerated() {
            for key in ["maxspeed", "speed", "oneway", "access", "highway", "junction", "area"] {
                features.append(line("\"highway\":\"primary\",\"\(key)\":\(value)", from: 2.0 + Double(k) * 0.02))
            }
        }
        let result = try layer(features)
        #expect(!result.roads.isEmpty)
        #expect(result.roads.allSatisfy { $0.kmh > 0 && $0.kmh.isFinite })
    }

    @Test func speedFilesInBothForms() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let one = dir.appendingPathComponent("one.csv"), two = dir.appendingPathComponent("two.csv")
            try Data("highway,kmh\ntrack,15\nprimary,70\n".utf8).write(to: one)
            try Data("highway,rural_kmh,urban_kmh\nprimary,80,40\nferry,12,12\n".utf8).write(to: two)
            let a = try RoadLayer.speeds(from: one), b = try RoadLayer.speeds(from: two)
            #expect(a.speeds(forClass: "track") == SpeedTable.Speeds(15) && a.speeds(forClass: "primary") == SpeedTable.Speeds(70))
            #expect(a.lists("track") && a.speeds(forClass: "motorway") == SpeedTable.Speeds(rural: 120, urban: 90))
            #expect(b.speeds(forClass: "primary") == SpeedTable.Speeds(rural: 80, urban: 40) && b.speeds(forClass: "ferry") == SpeedTable.Speeds(12))
            let tracks = try layer([line("\"highway\":\"track\"")], speeds: a)
            #expect(tracks.roads.map(\.kmh) == [15])
        }
    }

    @Test func badSpeedFilesNameLineAndField() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let cases = [("highway,kmh\nprimary,fast\n", "kmh"), ("highway,rural_kmh,urban_kmh\nprimary,80,-4\n", "urban_kmh"),
                         ("highway,speed\nprimary,80\n", "rural_kmh"), ("highway,kmh\n,80\n", "highway")]
            for (k, (text, field)) in cases.enumerated() {
                let url = dir.appendingPathComponent("bad\(k).csv")
                try Data(text.utf8).write(to: url)
                #expect { try RoadLayer.speeds(from: url) } throws: { error in
                    (error as? InputError)?.field == field && (error as? InputError)?.file.hasSuffix("bad\(k).csv") == true
                }
            }
        }
    }
}
