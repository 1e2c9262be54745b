import GeoCore
import Testing

@Suite struct RingTests {
    let square = [Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0), Coordinate(x: 4, y: 4), Coordinate(x: 0, y: 4), Coordinate(x: 0, y: 0)]

    @Test func shoelaceAreaIsSignedByOrientation() {
        #expect(Ring.signedArea(square) == 16)
        #expect(Ring.signedArea(square.reversed()) == -16)
    }

    @Test func orientingReversesOnlyWhenNeeded() {
        #expect(Ring.oriented(square, counterClockwise: true) == square)
        #expect(Ring.oriented(square, counterClockwise: false) == square.reversed())
    }

    @Test func pointInPolygonWithHole() {
        let hole = [Coordinate(x: 1, y: 1), Coordinate(x: 1, y: 3), Coordinate(x: 3, y: 3), Coordinate(x: 3, y: 1), Coordinate(x: 1, y: 1)]
        let polygon = Polygon(exterior: square, holes: [hole])
        #expect(polygon.contains(Coordinate(x: 0.5, y: 0.5)))
        #expect(!polygon.contains(Coordinate(x: 2, y: 2)))
        #expect(!polygon.contains(Coordinate(x: 5, y: 2)))
        #expect(Geometry.multiPolygon([polygon]).contains(Coordinate(x: 3.5, y: 3.5)))
        #expect(!Geometry.point(Coordinate(x: 0.5, y: 0.5)).contains(Coordinate(x: 0.5, y: 0.5)))
    }

    @Test func boundingBoxAndCounts() {
        let g = Geometry.multiPolygon([Polygon(exterior: square), Polygon(exterior: square.map { Coordinate(x: $0.x + 10, y: $0.y - 2) })])
        #expect(g.boundingBox == BoundingBox(minX: 0, minY: -2, maxX: 14, maxY: 4))
        #expect(g.coordinateCount == 10)
        #expect(!g.isEmpty)
        #expect(Geometry.geometryCollection([]).isEmpty)
    }
}
