import GEOSBridge
import GeoCore
import Foundation
import Testing

@Suite struct OverlayTests {
    let context = GEOSContext.current
    func wkt(_ text: String) throws -> NativeGeometry { try context.geometry(wkt: text) }

    @Test func intersectionUnionDifferenceOfOverlappingSquares() throws {
        let a = try wkt("POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))")
        let b = try wkt("POLYGON((1 1, 3 1, 3 3, 1 3, 1 1))")
        #expect(try a.intersection(b).area() == 1)
        #expect(try a.union(b).area() == 7)
        #expect(try a.difference(b).area() == 3)
        #expect(try a.intersects(b))
        #expect(try !a.touches(b))
    }

    @Test func predicatesOnNestedAndTouchingShapes() throws {
        let outer = try wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))")
        let inner = try wkt("POLYGON((2 2, 3 2, 3 3, 2 3, 2 2))")
        let beside = try wkt("POLYGON((10 0, 11 0, 11 1, 10 1, 10 0))")
        #expect(try outer.contains(inner))
        #expect(try inner.within(outer))
        #expect(try outer.touches(beside))
        #expect(try !outer.contains(beside))
        // A boundary point is covered but not contained.
        let edge = try context.point(Coordinate(x: 10, y: 5))
        #expect(try outer.covers(edge))
        #expect(try !outer.contains(edge))
    }

    @Test func unionAllDissolvesAGridOfSquares() throws {
        var squares: [NativeGeometry] = []
        for i in 0..<5 { for j in 0..<4 {
            squares.append(try context.rectangle(BoundingBox(minX: Double(i), minY: Double(j), maxX: Double(i + 1), maxY: Double(j + 1))))
        } }
        let union = try context.unionAll(squares)
        #expect(try union.area() == 20)
        #expect(try union.length() == 18)
        #expect(union.typeName == "Polygon")
    }

    @Test func bufferOfAPointApproachesACircle() throws {
        // 8 segments per quadrant: a regular 32-gon of circumradius 10: area = ½·32·r²·sin(2π/32).
        let disc = try context.point(Coordinate(x: 0, y: 0)).buffer(10)
        let expected = 0.5 * 32 * 100 * sin(2 * Double.pi / 32)
        #expect(abs(try disc.area() - expected) < 1e-9)
    }

    @Test func simplifyKeepsTopologyAndDropsNearlyStraightVertices() throws {
        let wiggly = try wkt("POLYGON((0 0, 5 0.01, 10 0, 10 10, 5 9.99, 0 10, 0 0))")
        let simple = try wiggly.simplifyPreservingTopology(tolerance: 0.1)
        #expect(try simple.geometry().coordinateCount == 5)
        #expect(try simple.isValid())
    }
}

@Suite struct DissolveTests {
    let context = GEOSContext.current

    @Test func cleanCoverageAndOverlappingPolygonsBothDissolveCorrectly() throws {
        var squares: [NativeGeometry] = []
        for i in 0..<6 { for j in 0..<3 {
            squares.append(try context.rectangle(BoundingBox(minX: Double(i), minY: Double(j), maxX: Double(i + 1), maxY: Double(j + 1))))
        } }
        let clean = try context.dissolve(squares)
        #expect(try clean.area() == 18 && clean.length() == 18 && clean.typeName == "Polygon")
        // Overlapping squares are not a coverage: the general union gives the right area.
        let overlapping = [try context.rectangle(BoundingBox(minX: 0, minY: 0, maxX: 2, maxY: 2)), try context.rectangle(BoundingBox(minX: 1, minY: 1, maxX: 3, maxY: 3))]
        #expect(try context.dissolve(overlapping).area() == 7)
        #expect(try context.dissolve([squares[0]]).area() == 1)
    }
}
