import GeoCore
import OpenStreetMap
import Testing

/// Cutting a way where its nodes are missing (docs/roads.md §1 rule 5).
@Suite struct OSMWayTests {
    func way(_ present: [Bool]) -> OSMWay {
        OSMWay(id: 1, tags: [:], nodeIDs: present.indices.map { Int64($0 + 10) },
               coordinates: present.enumerated().map { $0.element ? Coordinate(Double($0.offset), 0) : nil })
    }

    @Test func aFullyLocatedWayIsOnePart() {
        let parts = way([true, true, true]).locatedParts
        #expect(parts.map(\.nodeIDs) == [[10, 11, 12]])
        #expect(way([true, true, true]).missingNodeCount == 0)
    }

    @Test func aGapSplitsAndLoneNodesAreDropped() {
        let w = way([false, true, true, false, true, false, true, true, true])
        #expect(w.locatedParts.map(\.nodeIDs) == [[11, 12], [16, 17, 18]])
        #expect(w.locatedParts[1].coordinates == [Coordinate(6, 0), Coordinate(7, 0), Coordinate(8, 0)])
        #expect(w.missingNodeCount == 3)
    }

    @Test func nothingLocatedGivesNoPart() {
        #expect(way([false, true, false]).locatedParts.isEmpty)
        #expect(way([]).locatedParts.isEmpty)
    }
}
