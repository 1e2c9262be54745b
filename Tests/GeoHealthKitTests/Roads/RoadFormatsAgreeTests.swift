import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// Metamorphic: the sample's roads as GeoJSON lines (read by our GeoJSON scanner) and as
/// OpenStreetMap data (`roads.osm.pbf`, read by libosmium; written by `synth`) are the same roads,
/// so the whole `distance` job gives the same figures, up to the coordinates' rounding (GeoJSON
/// 1e-6°, about 0.1 m; OSM 1e-7°): at 20 km/h of snap leg or 30 km/h of street, 0.1 m is
/// 3e-4 minute, so 1e-3 minute bounds every difference; lengths, summed over a route's vertices,
/// differ by 0.2 m at most on the sample, within 1 m.
@Suite struct RoadFormatsAgreeTests {
    func travel(_ roads: String) throws -> TravelAnalysis {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        var options = TravelAnalysis.Options()
        options.cost.kind = .network
        options.cost.roads = Fixtures.sample.appendingPathComponent(roads)
        options.kinds = [.hospital, .emergency]
        return try TravelAnalysis.run(study, options: options)
    }

    @Test func geoJSONAndOpenStreetMapRoadsGiveTheSameTimes() throws {
        let lines = try travel("roads.geojson"), osm = try travel("roads.osm.pbf")
        var compared = 0
        for (a, b) in zip(lines.kinds, osm.kinds) {
            for (x, y) in zip(a.nearest, b.nearest) {
                #expect((x == nil) == (y == nil))
                guard let x, let y else { continue }
                #expect(x.destination == y.destination && abs(x.minutes - y.minutes) < 1e-3 && abs(x.kilometres - y.kilometres) < 1e-3, "\(x) vs \(y)")
                compared += 1
            }
            #expect(a.within == b.within)
        }
        #expect(compared > 400)
    }
}
