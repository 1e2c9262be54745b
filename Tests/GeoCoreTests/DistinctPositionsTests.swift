import Foundation
import GeoCore
import Testing

@Suite struct DistinctPositionsTests {
    /// Two unit squares sharing the edge x = 1: 10 stored positions, 6 distinct; the indices
    /// follow storage order and the first appearance.
    @Test func twoSquaresSharingAnEdge() {
        let a = Geometry.polygon(Polygon(exterior: [Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1), Coordinate(0, 0)]))
        let b = Geometry.polygon(Polygon(exterior: [Coordinate(1, 0), Coordinate(2, 0), Coordinate(2, 1), Coordinate(1, 1), Coordinate(1, 0)]))
        let d = DistinctPositions([a, b])
        #expect(d.positions == [Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1), Coordinate(2, 0), Coordinate(2, 1)])
        #expect(d.indices == [0, 1, 2, 3, 0, 1, 4, 5, 2, 1])
        #expect(d.rebuild([a, b], from: d.positions) == [a, b])
    }

    /// Positions are equal by bit pattern: 0 and -0 stay apart (an operation may treat them
    /// differently); one NaN pattern is one position.
    @Test func positionsAreEqualByBitPattern() {
        let g = Geometry.lineString([Coordinate(0, 0), Coordinate(-0.0, 0), Coordinate(.nan, 1), Coordinate(.nan, 1), Coordinate(0, 0)])
        let d = DistinctPositions([g])
        #expect(d.positions.count == 3)
        #expect(d.indices == [0, 1, 2, 2, 0])
        #expect(d.positions[1].x.sign == .minus)
    }

    /// Property: applying a function to the distinct positions and rebuilding equals applying it
    /// to every stored position, on seeded geometries of every type drawn from a small grid (many
    /// repeats); the seed is in the message.
    @Test func rebuildEqualsApplyingToEveryPosition() {
        let seed = UInt64(ProcessInfo.processInfo.environment["GEOHEALTH_SEED"] ?? "") ?? 20261123
        var rng = SeededGenerator(seed: seed)
        func f(_ c: Coordinate) -> Coordinate { Coordinate(sin(c.x) * 1e5 + c.y, c.x * c.y - 3) }
        for trial in 0..<200 {
            func point() -> Coordinate { Coordinate(Double(Int.random(in: 0...6, using: &rng)) * 0.5, Double(Int.random(in: 0...6, using: &rng)) * 0.25) }
            func array(_ n: Int) -> [Coordinate] { (0..<n).map { _ in point() } }
            let geometries: [Geometry] = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                switch Int.random(in: 0...6, using: &rng) {
                case 0: .point(point())
                case 1: .multiPoint(array(Int.random(in: 0...5, using: &rng)))
                case 2: .lineString(array(Int.random(in: 2...9, using: &rng)))
                case 3: .multiLineString((0..<3).map { _ in array(Int.random(in: 2...5, using: &rng)) })
                case 4: .polygon(Polygon(rings: (0..<2).map { _ in array(Int.random(in: 4...9, using: &rng)) }))
                case 5: .multiPolygon((0..<2).map { _ in Polygon(rings: [array(Int.random(in: 4...7, using: &rng))]) })
                default: .geometryCollection([.point(point()), .lineString(array(3))])
                }
            }
            let d = DistinctPositions(geometries)
            var expected = geometries
            for i in expected.indices { expected[i].mutateCoordinateArrays { $0 = $0.map(f) } }
            let label = "trial \(trial) (seed \(seed); rerun with GEOHEALTH_SEED=\(seed))"
            #expect(d.rebuild(geometries, from: d.positions.map(f)) == expected, "\(label)")
            #expect(d.indices.count == geometries.reduce(0) { $0 + $1.coordinateCount }, "\(label)")
            #expect(Set(d.positions).count == d.positions.count, "\(label)")
        }
    }
}
