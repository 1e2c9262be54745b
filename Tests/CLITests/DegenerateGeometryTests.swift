import Foundation
import GeoHealthTestSupport
import Testing

/// Communes whose polygon has no area (docs/formats.md, "Degenerate geometry"): dropped and
/// reported by every command, an error when none is left, never a signal (they crashed
/// coverage, distance, access, gaps, site and run with NaN → Int in the metric-CRS choice).
@Suite struct DegenerateGeometryTests {
    static let square = "[[[2.50,46.45],[2.55,46.45],[2.55,46.50],[2.50,46.50],[2.50,46.45]]]"
    static let neighbour = "[[[2.55,46.45],[2.60,46.45],[2.60,46.50],[2.55,46.50],[2.55,46.45]]]"
    static let third = "[[[2.50,46.50],[2.55,46.50],[2.55,46.55],[2.50,46.55],[2.50,46.50]]]"

    /// The bad geometries, by name.
    static let cases: [(name: String, geometry: String)] = [
        ("collinear", #"{"type":"Polygon","coordinates":[[[2.6,46.4],[2.7,46.5],[2.8,46.6],[2.6,46.4]]]}"#),
        ("identical", #"{"type":"Polygon","coordinates":[[[2.6,46.4],[2.6,46.4],[2.6,46.4],[2.6,46.4]]]}"#),
        ("empty-ring", #"{"type":"Polygon","coordinates":[[]]}"#),
        ("empty-polygon", #"{"type":"Polygon","coordinates":[]}"#),
        ("empty-multipolygon", #"{"type":"MultiPolygon","coordinates":[]}"#),
    ]

    static let commands: [[String]] = [
        ["study"], ["distance"], ["coverage", "--catchment-minutes", "20"], ["access"],
        ["gaps", "--site-kind", "msp", "--minutes-above", "10"], ["site", "--site-kind", "msp", "--k", "1"],
    ]

    static func feature(_ code: String, _ geometry: String) -> String {
        #"{"type":"Feature","properties":{"code":"\#(code)","nom":"C\#(code)"},"geometry":\#(geometry)}"#
    }

    /// A study folder: three good communes and, with `bad`, a fourth one with that geometry.
    static func writeStudy(in dir: URL, bad: String?, good: Bool = true) throws {
        var features = good ? [feature("00001", #"{"type":"Polygon","coordinates":\#(square)}"#),
                               feature("00002", #"{"type":"Polygon","coordinates":\#(neighbour)}"#),
                               feature("00003", #"{"type":"Polygon","coordinates":\#(third)}"#)] : []
        if let bad { features.append(feature("00004", bad)) }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ",\n"))]}"#
            .write(to: dir.appendingPathComponent("communes.geojson"), atomically: true, encoding: .utf8)
        try "COM;PMUN\n00001;100\n00002;200\n00003;300\n00004;50\n"
            .write(to: dir.appendingPathComponent("population.csv"), atomically: true, encoding: .utf8)
        try "id,name,kind,lon,lat,capacity\nS1,Site,msp,2.52,46.47,2\n"
            .write(to: dir.appendingPathComponent("sites.csv"), atomically: true, encoding: .utf8)
    }

    @Test(arguments: cases.map(\.name))
    func aCommuneWithNoAreaIsDroppedAndReportedByEveryCommand(_ name: String) throws {
        let geometry = try #require(Self.cases.first { $0.name == name }).geometry
        try Fixtures.withTemporaryDirectory { dir in
            try Self.writeStudy(in: dir, bad: geometry)
            for command in Self.commands {
                let r = try CommandRunner.run([command[0], dir.path] + command.dropFirst())
                #expect(r.status == 0, "\(name) \(command[0]): exit \(r.status)\n\(r.stderr)")
                #expect(r.stderr.contains("warning: commune '00004' dropped: \(dir.path)/communes.geojson: feature 3"), "\(name) \(command[0]): \(r.stderr)")
            }
            let json = try CommandRunner.run(["study", dir.path, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let areas = try #require(object["areas"] as? [String: Any])
            let dropped = try #require(areas["dropped"] as? [[String: Any]])
            #expect(dropped.count == 1 && dropped.first?["id"] as? String == "00004")
            #expect(areas["features"] as? Int == 3)
        }
    }

    @Test(arguments: cases.map(\.name))
    func aStudyWithNoCommuneLeftIsAClearError(_ name: String) throws {
        let geometry = try #require(Self.cases.first { $0.name == name }).geometry
        try Fixtures.withTemporaryDirectory { dir in
            try Self.writeStudy(in: dir, bad: geometry, good: false)
            for command in Self.commands {
                let r = try CommandRunner.run([command[0], dir.path] + command.dropFirst())
                #expect(r.status == 1, "\(name) \(command[0]): exit \(r.status)\n\(r.stderr)")
                #expect(r.stderr.contains("Error: \(dir.path)/communes.geojson: no commune is left: every polygon has no area (dropped: 00004)"), "\(r.stderr)")
            }
        }
    }

    @Test func aStudyFileRunsWithTheDegenerateCommuneDropped() throws {
        try Fixtures.withTemporaryDirectory { dir in
            try Self.writeStudy(in: dir, bad: #"{"type":"MultiPolygon","coordinates":[]}"#)
            try "inputs:\n  folder: .\nanalyses:\n  - study\n  - distance: {site_kind: msp}\n  - coverage: {catchment_minutes: 15, site_kind: msp}\n"
                .write(to: dir.appendingPathComponent("study.yaml"), atomically: true, encoding: .utf8)
            let r = try CommandRunner.run(["run", dir.appendingPathComponent("study.yaml").path, "--out", dir.appendingPathComponent("out").path])
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    /// A table (a command's GeoJSON output) with an empty MultiPolygon: map leaves it out and
    /// says so; inequality with spatial weights leaves it out and counts it (it crashed map
    /// and inequality).
    @Test func tableFeaturesWithAnEmptyGeometryHaveNoPolygon() throws {
        try Fixtures.withTemporaryDirectory { dir in
            try Self.writeStudy(in: dir, bad: nil)
            let table = dir.appendingPathComponent("t.geojson")
            #expect(try CommandRunner.run(["distance", dir.path, "--out", table.path]).status == 0)
            var text = try String(contentsOf: table, encoding: .utf8)
            let empty = #"{"type":"Feature","properties":{"code":"00009","population":10,"msp_minutes":3},"geometry":{"type":"MultiPolygon","coordinates":[]}}"#
            text = text.replacingOccurrences(of: "\n]}", with: ",\n\(empty)\n]}")
            try text.write(to: table, atomically: true, encoding: .utf8)

            let map = try CommandRunner.run(["map", table.path, "--field", "msp_minutes", "--out", dir.appendingPathComponent("m.svg").path])
            #expect(map.status == 0, "\(map.stderr)")
            #expect(map.stdout.contains("polygons drawn: 3"), "\(map.stdout)")
            #expect(map.stdout.contains("1 feature(s) without a polygon (null, empty or not polygonal), not drawn"), "\(map.stdout)")

            let ineq = try CommandRunner.run(["inequality", table.path, "--value", "msp_minutes", "--spatial-weights", "queen", "--format", "json"])
            #expect(ineq.status == 0, "\(ineq.stderr)")
            #expect(ineq.stdout.contains("\"no polygon\""), "\(ineq.stdout)")
            let plain = try CommandRunner.run(["inequality", table.path, "--value", "msp_minutes"])
            #expect(plain.status == 0 && plain.stdout.contains("units: 4"), "\(plain.stdout)\(plain.stderr)")
        }
    }
}
