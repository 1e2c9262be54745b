import Cartography
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// `map` with the layers of `isochrones`: isochrones drawn over a choropleth (golden SVG), and
/// the catchment layer mapped as the polygon layer itself.
@Suite(.serialized) struct IsochroneMapTests {
    /// The sample's hospitals: isochrones of 10 and 20 minutes and the catchments, as GeoJSON.
    static func layers(_ dir: URL) throws -> (isochrones: URL, catchments: URL) {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        var options = IsochroneAnalysis.Options()
        options.cost.roads = Fixtures.sample.appendingPathComponent("roads.geojson")
        options.kinds = [.hospital]
        options.thresholds = [10, 20]
        try IsochroneAnalysis.run(study, options: options).write(to: dir.appendingPathComponent("h.geojson"), inputs: [])
        return (dir.appendingPathComponent("h-isochrones.geojson"), dir.appendingPathComponent("h-catchments.geojson"))
    }

    @Test func isochronesOverTheChoroplethGolden() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (isochrones, catchments) = try Self.layers(dir)
            let out = dir.appendingPathComponent("map.svg")
            var o = MapMaker.Options(field: "population")
            o.title = "Hôpitaux : isochrones par la route"
            o.isochrones = isochrones
            let summary = try MapMaker.make(catchments, options: o, output: out, inputs: [])
            let text = try String(contentsOf: out, encoding: .utf8)
            try assertGolden(text, "map-isochrones.svg")
            #expect(text.contains("id=\"isochrones\""))
            #expect(text.components(separatedBy: "class=\"isochrone\"").count - 1 == 2, "one path per threshold")
            #expect(text.contains("≤ 10 min par la route") && text.contains("≤ 20 min par la route"))
            #expect(!"\(summary["notes"] ?? .null)".contains("outside every frame"), "every isochrone drawn")
            if let bytes = try SVGRenderer.render(out) { #expect(bytes > 10_000) }
        }
    }

    @Test func theCatchmentLayerIsAMappablePolygonLayer() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (_, catchments) = try Self.layers(dir)
            let summary = try MapMaker.make(catchments, options: MapMaker.Options(field: "population"), output: dir.appendingPathComponent("c.svg"), inputs: [])
            #expect(summary["polygons_drawn"] == .number(4), "three hospitals and the communes reaching none")
        }
    }

    @Test func anIsochroneWithoutMinutesIsNamed() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (isochrones, catchments) = try Self.layers(dir)
            let broken = dir.appendingPathComponent("broken.geojson")
            try String(contentsOf: isochrones, encoding: .utf8).replacingOccurrences(of: "\"minutes\":", with: "\"minutos\":").write(to: broken, atomically: true, encoding: .utf8)
            var o = MapMaker.Options(field: "population")
            o.isochrones = broken
            #expect {
                try MapMaker.make(catchments, options: o, output: dir.appendingPathComponent("x.svg"), inputs: [])
            } throws: { "\($0)".contains("broken.geojson") && "\($0)".contains("minutes") }
        }
    }
}
