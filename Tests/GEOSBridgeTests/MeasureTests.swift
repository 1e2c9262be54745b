import GEOSBridge
import GeoCore
import Testing

/// Hand-computed geometry: a 4 × 3 rectangle, a unit square with a hole, an L-shape.
@Suite struct MeasureTests {
    let context = GEOSContext.current

    func wkt(_ text: String) throws -> NativeGeometry { try context.geometry(wkt: text) }

    @Test func areaLengthCentroidOfRectangle() throws {
        let r = try wkt("POLYGON((0 0, 4 0, 4 3, 0 3, 0 0))")
        #expect(try r.area() == 12)
        #expect(try r.length() == 14)
        #expect(try r.centroid() == Coordinate(x: 2, y: 1.5))
        #expect(try r.envelope() == BoundingBox(minX: 0, minY: 0, maxX: 4, maxY: 3))
    }

    @Test func holeIsSubtractedAndCentroidShifts() throws {
        // 10×10 square minus a 2×2 hole at (6..8, 6..8): area 96, centroid x = (100·5 − 4·7)/96.
        let g = try wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (6 6, 8 6, 8 8, 6 8, 6 6))")
        #expect(try g.area() == 96)
        let c = try #require(try g.centroid())
        #expect(abs(c.x - (500.0 - 28) / 96) < 1e-12)
        #expect(abs(c.y - (500.0 - 28) / 96) < 1e-12)
    }

    @Test func pointOnSurfaceIsInsideAConcaveShapeWhereTheCentroidIsNot() throws {
        // A thin C: its centroid falls in the empty middle.
        let c = try wkt("POLYGON((0 0, 10 0, 10 1, 1 1, 1 9, 10 9, 10 10, 0 10, 0 0))")
        let centroid = try #require(try c.centroid())
        #expect(try !c.covers(context.point(centroid)))
        let inside = try #require(try c.pointOnSurface())
        #expect(try c.covers(context.point(inside)))
    }

    @Test func distancesBetweenShapes() throws {
        let square = try wkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")
        #expect(try square.distance(to: context.point(Coordinate(x: 4, y: 5))) == 5)  // to corner (1,1): 3-4-5
        #expect(try square.distance(to: context.point(Coordinate(x: 0.5, y: 0.5))) == 0)
        #expect(try wkt("LINESTRING(0 0, 3 4)").length() == 5)
    }

    @Test func emptyGeometriesHaveNoCentroid() throws {
        let empty = try wkt("POLYGON EMPTY")
        #expect(try empty.isEmpty())
        #expect(try empty.centroid() == nil)
        #expect(try empty.area() == 0)
    }
}
