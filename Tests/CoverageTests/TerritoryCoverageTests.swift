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
        #expect(s.groups[1].communesCovered == 2 && abs(s.groups[1].shareCovered - 25.0 / 40) < 1e-12)
    }
}
