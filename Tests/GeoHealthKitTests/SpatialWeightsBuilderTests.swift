import GeoCore
import GeoHealthKit
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
}
