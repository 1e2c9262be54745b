import Foundation
import GeoCore
import GeoHealthTestSupport
import OpenStreetMap
import Testing

/// The writer's PBF read back by the reader: what goes in comes out.
@Suite struct OSMWriterTests {
    @Test func writtenWaysReadBack() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("round.osm.pbf")
            let writer = try OSMWriter(url)
            let positions: [Int64: Coordinate] = [1: Coordinate(2.35, 48.85), 2: Coordinate(2.36, 48.86), 3: Coordinate(-4.5, 41.3), 5: Coordinate(9.6, 51.1)]
            for id in positions.keys.sorted() { try writer.addNode(id: id, longitude: positions[id]!.x, latitude: positions[id]!.y) }
            try writer.addWay(id: 7, nodeIDs: [1, 2, 3], tags: [("highway", "primary"), ("oneway", "yes"), ("name", "Rue d’Été")])
            try writer.addWay(id: 9, nodeIDs: [3, 4, 5], tags: [("highway", "residential")])
            try writer.addWay(id: 11, nodeIDs: [1, 5], tags: [("building", "yes")])
            try writer.close()

            var ways: [OSMWay] = []
            let counts = try OSMReader.readWays(url, keep: { $0["highway"] != nil }) { ways.append($0) }
            #expect(counts == OSMReader.Counts(waysRead: 3, waysAsked: 2, waysKept: 2, nodesNeeded: 5, nodesMissing: 1))
            #expect(ways.map(\.id) == [7, 9])
            #expect(ways[0].tags == ["highway": "primary", "oneway": "yes", "name": "Rue d’Été"])
            #expect(ways[0].nodeIDs == [1, 2, 3] && ways[1].nodeIDs == [3, 4, 5])
            for (id, c) in zip(ways[0].nodeIDs + ways[1].nodeIDs, ways[0].coordinates + ways[1].coordinates) {
                guard let expected = positions[id] else { #expect(c == nil); continue }
                // OSM stores 7 decimals of a degree.
                #expect(abs(c!.x - expected.x) < 1e-7 && abs(c!.y - expected.y) < 1e-7)
            }
            #expect(ways[1].locatedParts.isEmpty, "node 4 is missing: two lone nodes")
        }
    }

    @Test func outOfOrderObjectsAreRefused() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let writer = try OSMWriter(dir.appendingPathComponent("bad.osm.pbf"))
            try writer.addNode(id: 5, longitude: 1, latitude: 1)
            #expect(throws: OSMError.self) { try writer.addNode(id: 5, longitude: 1, latitude: 1) }
            #expect(throws: OSMError.self) { try writer.addNode(id: 6, longitude: 200, latitude: 1) }
            try writer.addWay(id: 1, nodeIDs: [5], tags: [])
            #expect(throws: OSMError.self) { try writer.addNode(id: 7, longitude: 1, latitude: 1) }
            #expect(throws: OSMError.self) { try writer.addWay(id: 1, nodeIDs: [5], tags: []) }
            try writer.close()
            #expect(throws: OSMError.self) { try writer.close() }
        }
    }

    @Test func anUnwritableFolderIsNamed() {
        let url = URL(fileURLWithPath: "/nonexistent-folder/x.osm.pbf")
        #expect { try OSMWriter(url) } throws: { error in
            (error as? OSMError)?.file.contains("x.osm.pbf") == true
        }
    }
}
