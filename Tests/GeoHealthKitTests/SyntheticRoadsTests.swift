import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import OpenStreetMap
import Testing

/// `geohealth synth-roads`: a valid, deterministic PBF with the documented mix, read back.
@Suite struct SyntheticRoadsTests {
    func options(nodes: Int, seed: UInt64) -> SyntheticRoads.Options {
        var o = SyntheticRoads.Options()
        o.nodes = nodes
        o.seed = seed
        return o
    }

    @Test func aSmallNetworkReadsBackWithTheDocumentedMix() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("roads.osm.pbf")
            let written = try SyntheticRoads.write(to: url, options: options(nodes: 40_000, seed: 3))
            // "About" n: a small network is dominated by the long roads between its few towns.
            #expect((28_000...56_000).contains(written.nodes), "\(written.nodes) nodes for 40,000 asked")
            var degree: [Int64: Int] = [:]
            var tags: [[String: String]] = []
            var outside = 0
            let counts = try OSMReader.readWays(url, keep: { _ in true }) { way in
                tags.append(way.tags)
                for (k, id) in way.nodeIDs.enumerated() {
                    degree[id, default: 0] += (k == 0 || k == way.nodeIDs.count - 1) ? 1 : 2
                }
                outside += way.coordinates.filter { c in !(c.map { (-5.2...9.8).contains($0.x) && (41.1...51.3).contains($0.y) } ?? false) }.count
            }
            #expect(counts.waysRead == written.ways && counts.waysKept == written.ways)
            #expect(counts.nodesMissing == 0 && outside == 0)
            #expect(counts.nodesNeeded <= written.nodes && Double(counts.nodesNeeded) > 0.98 * Double(written.nodes))
            let byDegree = Dictionary(grouping: degree.values, by: { min($0, 5) }).mapValues(\.count)
            #expect(Double(byDegree[2] ?? 0) > 0.7 * Double(degree.count), "mostly shape nodes: \(byDegree)")
            #expect((byDegree[3] ?? 0) > 0 && (byDegree[4] ?? 0) > 0, "\(byDegree)")
            let classes = Set(tags.compactMap { $0["highway"] })
            #expect(classes.isSuperset(of: ["motorway", "motorway_link", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "service", "living_street", "track"]))
            #expect(tags.contains { $0["junction"] == "roundabout" } && tags.contains { $0["oneway"] == "yes" && $0["highway"] == "residential" })
            #expect(written.waysByClass.values.reduce(0, +) == written.ways)
        }
    }

    @Test func theSameSeedGivesTheSameFile() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let a = dir.appendingPathComponent("a.osm.pbf"), b = dir.appendingPathComponent("b.osm.pbf"), c = dir.appendingPathComponent("c.osm.pbf")
            _ = try SyntheticRoads.write(to: a, options: options(nodes: 5_000, seed: 9))
            _ = try SyntheticRoads.write(to: b, options: options(nodes: 5_000, seed: 9))
            _ = try SyntheticRoads.write(to: c, options: options(nodes: 5_000, seed: 10))
            #expect(try Data(contentsOf: a) == Data(contentsOf: b))
            #expect(try Data(contentsOf: a) != Data(contentsOf: c))
        }
    }

    @Test func sizesOutOfRangeAndFoldersAreRefused() throws {
        #expect(throws: ParameterError.self) { try SyntheticRoads.check(options(nodes: 10, seed: 1)) }
        try Fixtures.withTemporaryDirectory { dir in
            #expect(throws: (any Error).self) { try SyntheticRoads.write(to: dir, options: options(nodes: 5_000, seed: 1)) }
        }
    }
}
