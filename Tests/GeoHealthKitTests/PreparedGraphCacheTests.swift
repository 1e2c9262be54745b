import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// docs/roads.md §6: a prepared graph is reused while its key holds, rebuilt otherwise, and a
/// damaged file is rebuilt, never trusted.
@Suite struct PreparedGraphCacheTests {
    static func network() -> RoadNetwork {
        let p = { (x: Double, y: Double) in Coordinate(x: x, y: y) }
        return RoadNetwork(roads: [
            RoadNetwork.Road(coordinates: [p(0, 0), p(1000, 0), p(2000, 500)], kmh: 50, nodeIDs: [5, 6, 9]),
            RoadNetwork.Road(coordinates: [p(1000, 0), p(1000, 800)], kmh: 30, direction: .forward, snappable: false, nodeIDs: [6, 2]),
        ])
    }

    /// Loads `roads` with `key`, counting the builds; the graph and notes must come back whole.
    func load(_ roads: URL, key: String, builds: inout Int) throws -> PreparedGraphCache.Prepared {
        var count = 0
        let prepared = try PreparedGraphCache.load(roads: roads, key: key, environment: ["XDG_CACHE_HOME": roads.deletingLastPathComponent().path]) {
            count += 1
            return (Self.network(), ["class\tresidential\t2"])
        }
        builds += count
        let n = prepared.contents.network, expected = Self.network()
        #expect(n.nodes == expected.nodes && n.nodeIDs == expected.nodeIDs && n.segmentSnappable == expected.segmentSnappable)
        #expect(n.edgeTarget == expected.edgeTarget && n.edgeMinutes == expected.edgeMinutes)
        #expect(prepared.contents.hierarchy.nodeToNode(from: n.node(osmID: 5)!, to: n.node(osmID: 6)!).map { abs($0.minutes - 1.2) < 1e-12 } == true)
        #expect(prepared.contents.notes == ["class\tresidential\t2"])
        return prepared
    }

    @Test func reusedWhileTheKeyHoldsRebuiltOtherwise() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let roads = dir.appendingPathComponent("roads.geojson")
            try Data("first".utf8).write(to: roads)
            let key = { try PreparedGraphCache.key(roads: roads, speeds: nil, crs: .lambert93, options: []) }
            var builds = 0
            #expect(try load(roads, key: key(), builds: &builds).reused == false)
            #expect(FileManager.default.fileExists(atPath: roads.path + ".geohealth-graph"), "saved beside the input")
            #expect(try load(roads, key: key(), builds: &builds).reused == true)
            #expect(builds == 1)
            try Data("second".utf8).write(to: roads)
            #expect(try load(roads, key: key(), builds: &builds).reused == false, "the input changed")
            let withFerries = try PreparedGraphCache.key(roads: roads, speeds: nil, crs: .lambert93, options: ["ferries yes"])
            #expect(try load(roads, key: withFerries, builds: &builds).reused == false, "an option changed")
            #expect(try load(roads, key: withFerries, builds: &builds).reused == true)
            #expect(try String(contentsOf: roads, encoding: .utf8) == "second", "the input is never written")
            #expect(builds == 3)
        }
    }

    @Test func aDamagedFileIsRebuilt() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let roads = dir.appendingPathComponent("roads.geojson")
            try Data("roads".utf8).write(to: roads)
            let key = try PreparedGraphCache.key(roads: roads, speeds: nil, crs: .lambert93, options: [])
            let graph = URL(fileURLWithPath: roads.path + ".geohealth-graph")
            var builds = 0
            _ = try load(roads, key: key, builds: &builds)
            let whole = try Data(contentsOf: graph)
            // The note count just after the key, made absurd: refused before anything is allocated for it.
            let notesAt = 8 + 8 + 16 + Array(key.utf8).count
            let absurdCount = { var d = whole; d.replaceSubrange(notesAt..<(notesAt + 8), with: [UInt8](repeating: 0xFF, count: 8)); return d }()
            for damaged in [whole.prefix(whole.count / 2), whole.prefix(10), Data(), { var d = whole; d[d.count / 3] ^= 0x40; return d }(), absurdCount, whole + Data([0])] {
                try damaged.write(to: graph)
                #expect(try load(roads, key: key, builds: &builds).reused == false)
            }
            #expect(builds == 7)
            #expect(try Data(contentsOf: graph) == whole, "rewritten whole")
        }
    }

    @Test func theCacheFolderIsTheFallback() {
        let places = PreparedGraphCache.locations(for: URL(fileURLWithPath: "/data/fr.osm.pbf"), environment: ["XDG_CACHE_HOME": "/c"])
        #expect(places[0].path == "/data/fr.osm.pbf.geohealth-graph")
        #expect(places[1].path.hasPrefix("/c/geohealth/fr.osm.pbf-") && places[1].pathExtension == "geohealth-graph")
    }

    @Test func checksumsSeeEveryByte() {
        let a = Array("0123456789abcdefXYZ".utf8)
        var b = a
        b[17] ^= 1
        let sum = { (bytes: [UInt8]) in bytes.withUnsafeBytes { FileChecksum.of($0) } }
        #expect(sum(a) != sum(b) && sum(a) != sum(Array(a.dropLast())) && sum(a) == sum(a))
    }

    /// A roads file that is not there is an input error naming it, before any graph is read.
    @Test func aMissingRoadsFileIsNamed() {
        let missing = URL(fileURLWithPath: "/nonexistent/roads.osm.pbf")
        #expect { _ = try PreparedGraphCache.key(roads: missing, speeds: nil, crs: .lambert93, options: []) } throws: {
            "\($0)".contains("/nonexistent/roads.osm.pbf") && "\($0)".contains("no such file")
        }
    }
}
