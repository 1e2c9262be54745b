import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

@Suite struct SpatialWeightsBuilderTests {
    /// A 3 × 3 grid of 1 km squares, row-major: the centre (4) has 8 queen and 4 rook neighbours.
    static let squares: [Geometry] = (0..<9).map { i in
        let x = Double(i % 3) * 1000, y = Double(i / 3) * 1000
        return .polygon(Polygon(exterior: [Coordinate(x: x, y: y), Coordinate(x: x + 1000, y: y), Coordinate(x: x + 1000, y: y + 1000), Coordinate(x: x, y: y + 1000), Coordinate(x: x, y: y)]))
    }
    static let centres = (0..<9).map { Coordinate(x: Double($0 % 3) * 1000 + 500, y: Double($0 / 3) * 1000 + 500) }

    @Test func queenRookAndKnn() throws {
        let queen = try SpatialWeightsBuilder.build(.queen, geometries: Self.squares, points: Self.centres)
        let rook = try SpatialWeightsBuilder.build(.rook, geometries: Self.squares, points: Self.centres)
        #expect(queen.neighbours[4] == [0, 1, 2, 3, 5, 6, 7, 8])
        #expect(rook.neighbours[4] == [1, 3, 5, 7])
        #expect(queen.neighbours[0] == [1, 3, 4] && rook.neighbours[0] == [1, 3])
        let knn = try SpatialWeightsBuilder.build(.knn, geometries: Self.squares, points: Self.centres, k: 2)
        // Corner 0's two nearest are 1 and 3 (1 km away); edges pick the centre among theirs, so it has neighbours.
        #expect(knn.neighbours[0] == [1, 3])
        #expect(knn.rowStandardized().weights[4].reduce(0, +) == 1)
    }

    /// Contiguity among a subset (what the gap zones use) is the whole contiguity restricted to
    /// the subset: the same pairs among the selected communes, none for the others; random
    /// subsets of the sample, seed printed.
    @Test(arguments: [21, 22, 23]) func contiguityAmongASubsetIsTheRestriction(seed: UInt64) throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let projected = try ProjectedStudy(study)
        let whole = try SpatialWeightsBuilder.build(.queen, projected: projected)
        var rng = SeededGenerator(seed: seed)
        let share = Double.random(in: 0.1...0.9, using: &rng)
        let selected = study.areas.indices.map { _ in Double.random(in: 0..<1, using: &rng) < share }
        let subset = try SpatialWeightsBuilder.contiguity(.queen, projected: projected, among: selected)
        for i in study.areas.indices {
            let expected = selected[i] ? whole.neighbours[i].filter { selected[$0] } : []
            #expect(subset.neighbours[i] == expected, "seed \(seed): commune \(i)")
        }
    }
}
