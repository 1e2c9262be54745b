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

@Suite struct CoversAndSearchTests {
    let square = Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0), Coordinate(x: 4, y: 4), Coordinate(x: 0, y: 4), Coordinate(x: 0, y: 0)],
                         holes: [[Coordinate(x: 1, y: 1), Coordinate(x: 2, y: 1), Coordinate(x: 2, y: 2), Coordinate(x: 1, y: 2), Coordinate(x: 1, y: 1)]])

    @Test func coversIncludesEveryBoundaryAndExcludesTheHole() {
        #expect(square.covers(Coordinate(x: 3, y: 3)))
        #expect(square.covers(Coordinate(x: 4, y: 2)))  // right edge: `contains` alone may say no
        #expect(square.covers(Coordinate(x: 0, y: 0)))  // a vertex
        #expect(square.covers(Coordinate(x: 1.5, y: 1)))  // the hole's edge
        #expect(!square.covers(Coordinate(x: 1.5, y: 1.5)))  // inside the hole
        #expect(!square.covers(Coordinate(x: 5, y: 2)))
        #expect(!Geometry.lineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)]).covers(Coordinate(x: 0.5, y: 0.5)))
    }

    @Test func firstIndexNotBelowIsTheLowerBound() {
        let xs = [1.0, 2, 2, 2, 5, 8]
        #expect(xs.firstIndex(notBelow: 0) == 0)
        #expect(xs.firstIndex(notBelow: 2) == 1)
        #expect(xs.firstIndex(notBelow: 3) == 4)
        #expect(xs.firstIndex(notBelow: 9) == 6)
        #expect([Double]().firstIndex(notBelow: 1) == 0)
    }
}
