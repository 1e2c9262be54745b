import GEOSBridge
import GeoCore
import Testing

@Suite struct IndexTests {
    let context = GEOSContext.current

    /// A 10 × 10 grid of unit squares, indexed row-major (index = 10·y + x).
    func grid() throws -> [NativeGeometry] {
        try (0..<100).map { i in
            let x = Double(i % 10), y = Double(i / 10)
            return try context.rectangle(BoundingBox(minX: x, minY: y, maxX: x + 1, maxY: y + 1))
        }
    }

    @Test func envelopeQueryReturnsSortedIndices() throws {
        let index = try SpatialIndex(try grid())
        #expect(try index.query(BoundingBox(minX: 2.5, minY: 3.5, maxX: 3.5, maxY: 3.6)) == [32, 33])
        #expect(try index.query(BoundingBox(minX: 20, minY: 20, maxX: 21, maxY: 21)) == [])
        #expect(try index.query(BoundingBox(minX: 0.5, minY: 0.5, maxX: 1.5, maxY: 1.5)) == [0, 1, 10, 11])
    }

    @Test func nearestMatchesBruteForceOnRandomPoints() throws {
        var rng = SeededGenerator(seed: 2024)
        let points = (0..<300).map { _ in Coordinate(x: rng.nextUnit() * 1000, y: rng.nextUnit() * 1000) }
        let natives = try points.map { try context.point($0) }
        let index = try SpatialIndex(natives)
        for _ in 0..<50 {
            let q = Coordinate(x: rng.nextUnit() * 1200 - 100, y: rng.nextUnit() * 1200 - 100)
            let found = try #require(try index.nearest(to: context.point(q)))
            let best = points.map { $0.distance(to: q) }.min()!
            #expect(points[found].distance(to: q) == best, "seed 2024, query \(q)")
        }
    }

    @Test func emptyIndexHasNoNearest() throws {
        let index = try SpatialIndex([])
        #expect(try index.nearest(to: context.point(Coordinate(x: 0, y: 0))) == nil)
    }

    @Test func preparedPredicatesAgreeWithPlainOnes() throws {
        let shape = try context.geometry(wkt: "POLYGON((0 0, 10 0, 10 1, 1 1, 1 9, 10 9, 10 10, 0 10, 0 0))")
        let prepared = try PreparedGeometry(shape)
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let p = Coordinate(x: rng.nextUnit() * 12 - 1, y: rng.nextUnit() * 12 - 1)
            let point = try context.point(p)
            #expect(try prepared.covers(p) == shape.covers(point), "seed 11, \(p)")
            #expect(try prepared.contains(point) == shape.contains(point))
            #expect(try prepared.intersects(point) == shape.intersects(point))
        }
    }

    @Test func voronoiOfFourPointsHasFourCellsAndDelaunayTwoTriangles() throws {
        let pts = try context.geometry(.multiPoint([Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10), Coordinate(x: 0, y: 11)]))
        guard case .geometryCollection(let cells) = try pts.voronoiDiagram().geometry() else { Issue.record("not a collection"); return }
        #expect(cells.count == 4)
        guard case .geometryCollection(let triangles) = try pts.delaunayTriangulation().geometry() else { Issue.record("not a collection"); return }
        #expect(triangles.count == 2)
        let area = try pts.delaunayTriangulation().area()
        #expect(area == 105)  // the convex hull: trapezoid (10 + 11)/2 · 10
        guard case .multiLineString(let edges) = try pts.delaunayTriangulation(onlyEdges: true).geometry() else { Issue.record("not lines"); return }
        #expect(edges.count == 5)
    }
}
