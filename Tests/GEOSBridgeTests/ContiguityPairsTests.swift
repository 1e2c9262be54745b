import GEOSBridge
import GeoCore
import Testing

@Suite struct ContiguityPairsTests {
    /// A 3 × 3 grid of 1 km squares, row-major: the centre (4) touches all eight, four by an edge.
    static let squares: [Geometry] = (0..<9).map { i in
        let x = Double(i % 3) * 1000, y = Double(i / 3) * 1000
        return .polygon(Polygon(exterior: [Coordinate(x: x, y: y), Coordinate(x: x + 1000, y: y), Coordinate(x: x + 1000, y: y + 1000), Coordinate(x: x, y: y + 1000), Coordinate(x: x, y: y)]))
    }

    @Test func queenCountsCornersRookOnlyEdges() throws {
        let queen = try ContiguityPairs.pairs(Self.squares, rule: .queen)
        let rook = try ContiguityPairs.pairs(Self.squares, rule: .rook)
        #expect(queen.count == 20 && rook.count == 12)
        #expect(queen.allSatisfy { $0.0 < $0.1 } && queen.map { $0.0 * 9 + $0.1 } == queen.map { $0.0 * 9 + $0.1 }.sorted())
        #expect(queen.filter { $0.0 == 4 }.map(\.1) == [5, 6, 7, 8] && rook.filter { $0.0 == 4 }.map(\.1) == [5, 7])
        #expect(queen.filter { $0.0 == 0 }.map(\.1) == [1, 3, 4] && rook.filter { $0.0 == 0 }.map(\.1) == [1, 3])
    }
}
