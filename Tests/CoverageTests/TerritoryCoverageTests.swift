import Coverage
import GEOSBridge
import GeoCore
import Testing

@Suite struct TerritoryCoverageTests {
    let context = GEOSContext.current
    func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) throws -> NativeGeometry {
        try context.rectangle(BoundingBox(minX: x0, minY: y0, maxX: x1, maxY: y1))
    }

    @Test func squareHalfInsideATerritory() throws {
        // Commune 0: 10 × 10 square; territory: x ≥ 5. Commune 1 wholly inside, 2 wholly outside.
        let communes = [try box(0, 0, 10, 10), try box(20, 0, 30, 10), try box(-50, 0, -40, 10)]
        let points = [Coordinate(x: 2, y: 5), Coordinate(x: 25, y: 5), Coordinate(x: -45, y: 5)]
        let c = try TerritoryCoverage.compute(areas: communes, points: points, territories: [try box(5, -5, 40, 15)])
        #expect(c.shares[0] == [.init(territory: 0, share: 0.5)])
        #expect(c.shareInAny == [0.5, 1, 0])
        #expect(c.pointIn == [[], [0], []], "commune 0's point (x = 2) lies outside")
        let s = CoverageSummary(population: [1000, 300, 50], coveredShare: c.shareInAny)
        #expect(s.overall.populationCovered == 800 && s.overall.communesCovered == 2 && s.overall.population == 1350)
        let byPoint = CoverageSummary(population: [1000, 300, 50], coveredShare: c.pointIn.map { $0.isEmpty ? 0 : 1 })
        #expect(byPoint.overall.populationCovered == 300)
    }

    @Test func overlappingTerritoriesAreNotCountedTwice() throws {
        // Two territories over x ∈ [0, 6] and [4, 8] of a 10 × 10 commune: union covers 8/10.
        let commune = try box(0, 0, 10, 10)
        let c = try TerritoryCoverage.compute(areas: [commune], points: [Coordinate(x: 5, y: 5)], territories: [try box(-1, -1, 6, 11), try box(4, -1, 8, 11)])
        #expect(c.shares[0].map(\.territory) == [0, 1])
        #expect(abs(c.shares[0][0].share - 0.6) < 1e-12 && abs(c.shares[0][1].share - 0.4) < 1e-12)
        #expect(abs(c.shareInAny[0] - 0.8) < 1e-12)
        #expect(c.pointIn[0] == [0, 1])
    }

    @Test func groupsAreSummedSeparately() {
        let s = CoverageSummary(population: [10, 20, 30, 40], coveredShare: [1, 0, 0.5, 0], groups: ["b", "a", "b", "a"])
        #expect(s.groups.map(\.group) == ["a", "b"])
        #expect(s.groups[0].populationCovered == 0 && s.groups[1].populationCovered == 25)
        #expect(s.groups[1].communesCovered == 2 && abs(s.groups[1].populationCovered / s.groups[1].population - 25.0 / 40) < 1e-12)
    }

    /// A member list is its members: commune 1 overlaps member 0 by a 0.1-wide sliver and is not
    /// counted, with or without polygon territories beside; the overlay still sees the sliver.
    @Test func memberListsCoverTheirMembersAndNothingElse() throws {
        func square(_ x0: Double, _ x1: Double) -> Geometry {
            .polygon(Polygon(exterior: [Coordinate(x: x0, y: 0), Coordinate(x: x1, y: 0), Coordinate(x: x1, y: 10), Coordinate(x: x0, y: 10), Coordinate(x: x0, y: 0)]))
        }
        let communes = [square(0, 10), square(9.9, 20), square(20, 30)]
        let points = [Coordinate(x: 5, y: 5), Coordinate(x: 15, y: 5), Coordinate(x: 25, y: 5)]
        let alone = TerritoryCoverage.ofMembers([.members([0]), .members([0, 2])], areaCount: 3)
        #expect(alone.shareInAny == [1, 0, 1])
        #expect(alone.pointIn == [[0, 1], [], [1]])
        #expect(alone.shares[2] == [.init(territory: 1, share: 1)])
        let mixed = try TerritoryCoverage.compute(areas: communes, points: points, territories: [.members([0]), .geometry(square(0, 10))])
        #expect(mixed.shares[0] == [.init(territory: 0, share: 1), .init(territory: 1, share: 1)])
        #expect(mixed.shares[1].map(\.territory) == [1], "the polygon territory cuts commune 1 by the sliver; the member list does not")
        #expect(abs(mixed.shares[1][0].share - 1.0 / 101) < 1e-9, "the sliver: 0.1 × 10 of 10.1 × 10")
        #expect(mixed.pointIn == [[0, 1], [], []])
    }
}
