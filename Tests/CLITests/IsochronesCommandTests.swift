import Foundation
import GeoHealthTestSupport
import Testing

/// `geohealth isochrones` end to end, and its isochrone layer read by `coverage --territories`
/// as polygon territories (each feature `site_id@minutes`): the population within T minutes
/// of the emergency sites.
@Suite struct IsochronesCommandTests {
    @Test func coverageOfTheIsochroneLayerIsThePopulationWithinT() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("u.geojson").path
            let iso = try CommandRunner.run([
                "isochrones", "geodata", "--roads", "geodata/roads.geojson", "--site-kind", "emergency", "--thresholds", "30", "--out", out, "--format", "json",
            ])
            #expect(iso.status == 0, "\(iso.stderr)")
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(iso.stdout.utf8)) as? [String: Any])
            let rows = try #require(summary["isochrones"] as? [[String: Any]])
            let within = try #require(rows.first?["population_within"] as? Int)
            let layer = dir.appendingPathComponent("u-isochrones.geojson").path
            let coverage = try CommandRunner.run(["coverage", "geodata", "--territories", layer, "--format", "json"])
            #expect(coverage.status == 0, "\(coverage.stderr)")
            let covered = try #require(try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any])
            let territories = try #require(covered["territories"] as? [String: Any])
            // Coverage reads the polygons back from GeoJSON (6 decimals, about 0.1 m), so its
            // area-proportional sums may round to one person more or less.
            let covered30 = try #require(territories["population_covered"] as? Int)
            #expect(abs(covered30 - within) <= 1, "the union of the 30-minute isochrones, counted once: \(covered30) vs \(within)")
            let each = try #require(territories["each_territory"] as? [[String: Any]])
            #expect(each.compactMap { $0["territory"] as? String } == ["U1@30", "U2@30", "U3@30"])
            let features = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: layer))) as? [String: Any])["features"] as? [[String: Any]]
            let populations = try #require(features).compactMap { ($0["properties"] as? [String: Any])?["population"] as? Int }
            let counted = each.compactMap { $0["population"] as? Int }
            #expect(counted.count == populations.count && zip(counted, populations).allSatisfy { abs($0 - $1) <= 1 },
                    "the layer's population is coverage's, territory by territory: \(counted) vs \(populations)")
        }
    }

    @Test func isochronesNeedRoadsAndAKnownFormat() throws {
        let noRoads = try CommandRunner.run(["isochrones", "geodata"])
        #expect(noRoads.status == 64 && noRoads.stderr.contains("--roads"), "\(noRoads.stderr)")
        let csv = try CommandRunner.run(["isochrones", "geodata", "--roads", "geodata/roads.geojson", "--out", "/tmp/x.csv"])
        #expect(csv.status == 64 && csv.stderr.contains(".gpkg"), "\(csv.stderr)")
    }
}
