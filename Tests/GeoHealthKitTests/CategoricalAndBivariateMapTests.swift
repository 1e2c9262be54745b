import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// `geohealth map --categorical` and `--bivariate` on a small hand-made layer: golden SVG files,
/// the legend's counts, and bad fields.
@Suite struct CategoricalAndBivariateMapTests {
    /// A 3 × 3 grid of 1 km squares near Bourges (metropolitan France) with a LISA cluster, a
    /// travel time and an access value; one square lacks its time, one is unreachable.
    static func layer(_ dir: URL) throws -> URL {
        let clusters = ["high-high", "high-high", "not significant", "low-low", "not significant", "zone A", "low-high", "high-low", "low-low"]
        let minutes = ["5", "12", "null", "30", "\"unreachable\"", "8", "21", "14", "40"]
        let access = [120, 95, 80, 20, 55, 60, 75, 40, 10]
        let features = (0..<9).map { k -> String in
            let (x, y) = (2.39 + Double(k % 3) * 0.013, 47.08 + Double(k / 3) * 0.009)
            let ring = [(x, y), (x + 0.013, y), (x + 0.013, y + 0.009), (x, y + 0.009), (x, y)].map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
            return """
                {"type":"Feature","properties":{"code":"1803\(k)","name":"C\(k)","population":\(100 * (k + 1)),"cluster":"\(clusters[k])",\
                "minutes":\(minutes[k]),"access":\(access[k])},"geometry":{"type":"Polygon","coordinates":[[\(ring)]]}}
                """
        }
        let url = dir.appendingPathComponent("grid.geojson")
        try Data("{\"type\":\"FeatureCollection\",\"features\":[\n\(features.joined(separator: ",\n"))\n]}\n".utf8).write(to: url)
        return url
    }

    /// The units of the summary's classes, the unreachable and the no data.
    static func counts(_ summary: Summary) -> (classes: [Int], unreachable: Int, noData: Int) {
        guard case .array(let rows) = summary["classes"] else { return ([], -1, -1) }
        let units = rows.compactMap { row -> Int? in
            guard case .object(let p) = row else { return nil }
            return p["units"]?.doubleValue.map { Int($0) }
        }
        return (units, Int(summary["unreachable"]?.doubleValue ?? -1), Int(summary["no_data"]?.doubleValue ?? -1))
    }

    @Test func categoricalGoldenAndCounts() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("clusters.svg")
            var o = MapMaker.Options(field: "cluster")
            o.mode = .categorical
            o.source = "Source : GeoHealth, grille de test"
            let summary = try MapMaker.make(try Self.layer(dir), options: o, output: out, inputs: [])
            let text = try String(contentsOf: out, encoding: .utf8)
            try assertGolden(text, "map-categorical-lisa.svg")
            let (classes, unreachable, noData) = Self.counts(summary)
            #expect(classes == [2, 2, 1, 1, 2, 1])
            #expect(classes.reduce(0, +) + unreachable + noData == 9)
            #expect(text.contains("fill=\"#d7191c\"") && text.contains("fill=\"#2c7bb6\"") && text.contains("fill=\"#eeeeee\"") && text.contains("fill=\"#66c2a5\""))
            #expect(text.contains("high-high  (2)") && text.contains("zone A  (1)"))
        }
    }

    @Test func bivariateGoldenAndCounts() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("bivariate.svg")
            var o = MapMaker.Options(field: "access")
            o.mode = .bivariate(x: "access", y: "minutes")
            o.source = "Source : GeoHealth, grille de test"
            let summary = try MapMaker.make(try Self.layer(dir), options: o, output: out, inputs: [])
            let text = try String(contentsOf: out, encoding: .utf8)
            try assertGolden(text, "map-bivariate.svg")
            let (classes, unreachable, noData) = Self.counts(summary)
            #expect(classes.count == 9 && unreachable == 1 && noData == 1)
            #expect(classes.reduce(0, +) + unreachable + noData == 9)
            #expect(text.contains("id=\"bivariate-legend\"") && text.contains("access →") && text.contains("minutes →"))
            #expect(text.contains("class=\"missing\"") && text.contains("class=\"unreachable\""))
        }
    }

    /// A field that no feature has, and a text field in a bivariate map, are usage errors
    /// naming the file, the feature and the field.
    @Test func badFieldsAreUsageErrors() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let layer = try Self.layer(dir), out = dir.appendingPathComponent("x.svg")
            var o = MapMaker.Options(field: "nothing")
            o.mode = .categorical
            #expect { try MapMaker.make(layer, options: o, output: out, inputs: []) } throws: { error in
                (error as? ParameterError).map { $0.isUsageError && $0.description.contains("no field 'nothing'") && $0.description.contains("cluster") } ?? false
            }
            o.mode = .bivariate(x: "access", y: "cluster")
            #expect { try MapMaker.make(layer, options: o, output: out, inputs: []) } throws: { error in
                (error as? ParameterError).map { $0.isUsageError && $0.description.contains("grid.geojson, feature 0, field 'cluster'") } ?? false
            }
        }
    }
}
