import Foundation
import GeoCore
import GeoIO
import GeoHealthTestSupport
import Testing

@Suite struct GeoJSONRoundTripTests {
    static let document = """
        {"type": "FeatureCollection", "name": "test",
         "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
         "features": [
          {"type": "Feature", "id": 7, "properties": {"s": "é\\u00e9\\ud83d\\ude00\\n", "n": -1.5e2, "b": true, "z": null,
             "a": [1, "two", [3]], "o": {"k": {"deep": false}}},
           "geometry": {"type": "Point", "coordinates": [2.35, 48.85, 35.0]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": [[0, 0], [1, 1]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}},
          {"type": "Feature", "properties": null, "geometry": {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [5, 5]}]}},
          {"geometry": null, "properties": {"first": "geometry before type"}, "type": "Feature"}
         ]}
        """

    @Test func readsEveryGeometryAndPropertyType() throws {
        let (features, summary) = try GeoJSONReader.features(data: Data(Self.document.utf8), file: "t")
        #expect(summary.type == "FeatureCollection" && summary.featureCount == 8)
        #expect(summary.crsName == "urn:ogc:def:crs:OGC:1.3:CRS84")
        #expect(features.map { $0.geometry?.typeName ?? "null" } == ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection", "null"])
        let p = features[0].properties
        #expect(p["s"] == .string("éé😀\n"))
        #expect(p["n"] == .number(-150))
        #expect(p["b"] == .bool(true) && p["z"] == .null)
        #expect(p["a"] == .array([.number(1), .string("two"), .array([.number(3)])]))
        #expect(p["o"] == .object(Properties([("k", .object(Properties([("deep", .bool(false))])))])))
        #expect(features[0].id == .number(7))
        #expect(features[0].geometry == .point(Coordinate(x: 2.35, y: 48.85)), "z is dropped (docs/decisions.md)")
        #expect(keysInOrder(p) == ["s", "n", "b", "z", "a", "o"])
    }

    func keysInOrder(_ p: Properties) -> [String] { p.keys }

    @Test func writerFollowsRFC7946WindingAndPrecision() throws {
        // Exterior given clockwise, hole counter-clockwise: the writer flips both.
        let exterior = [Coordinate(x: 0, y: 0), Coordinate(x: 0, y: 10), Coordinate(x: 10, y: 10), Coordinate(x: 10, y: 0), Coordinate(x: 0, y: 0)]
        let hole = [Coordinate(x: 2, y: 2), Coordinate(x: 4, y: 2), Coordinate(x: 4, y: 4), Coordinate(x: 2, y: 4), Coordinate(x: 2, y: 2)]
        let f = Feature(geometry: .polygon(Polygon(exterior: exterior, holes: [hole])), properties: Properties([("v", .number(1.0 / 3))]))
        let text = GeoJSONWriter.string([f], precision: 3)
        #expect(text == #"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"v":0.3333333333333333},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]}}
            ]}

            """#, "coordinates at the given precision, property numbers in full")
        let back = try GeoJSONReader.features(data: Data(text.utf8), file: "w").features
        guard case .polygon(let p) = back[0].geometry else { Issue.record("not a polygon"); return }
        #expect(Ring.signedArea(p.exterior) > 0 && Ring.signedArea(p.rings[1]) < 0)
    }

    @Test func roundTripKeepsEverythingAtFullPrecision() throws {
        let (features, _) = try GeoJSONReader.features(data: Data(Self.document.utf8), file: "t")
        let text = GeoJSONWriter.string(features, precision: 15)
        let (again, _) = try GeoJSONReader.features(data: Data(text.utf8), file: "t2")
        #expect(again.map(\.properties) == features.map(\.properties))
        #expect(again.map(\.geometry?.boundingBox) == features.map(\.geometry?.boundingBox))
    }

    @Test func singleFeatureAndBareGeometryDocuments() throws {
        let single = try GeoJSONReader.features(data: Data(#"{"type":"Feature","properties":{"a":1},"geometry":{"type":"Point","coordinates":[1,2]}}"#.utf8), file: "f")
        #expect(single.summary.type == "Feature" && single.features.count == 1)
        let bare = try GeoJSONReader.features(data: Data("\u{FEFF}{\"coordinates\":[[1,2],[3,4]],\"type\":\"LineString\"}".utf8), file: "g")
        #expect(bare.summary.type == "LineString")
        #expect(bare.features[0].geometry == .lineString([Coordinate(x: 1, y: 2), Coordinate(x: 3, y: 4)]))
    }

    @Test func outputsAreAtomicAndNeverOverwriteInputs() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let input = dir.appendingPathComponent("in.geojson")
            try Data("keep me".utf8).write(to: input)
            let error = try #require(throws: InputError.self) {
                try GeoJSONWriter.write([], to: input, inputs: [URL(fileURLWithPath: dir.path + "/./in.geojson")])
            }
            #expect(error.message == "refusing to overwrite an input file; choose another output path")
            #expect(try String(contentsOf: input, encoding: .utf8) == "keep me")
            let out = dir.appendingPathComponent("out.geojson")
            try GeoJSONWriter.write([Feature(geometry: nil)], to: out, inputs: [input])
            #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix(#"{"type":"FeatureCollection""#))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["in.geojson", "out.geojson"], "no temporary file left")
        }
    }
}
