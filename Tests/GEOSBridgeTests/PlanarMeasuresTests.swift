import Foundation
import GEOSBridge
import GeoCore
import GeoHealthTestSupport
import GeoIO
import Testing

/// ``PlanarMeasures`` (pure Swift) against GEOS's `GEOSArea` and `GEOSPointOnSurface`: the same
/// numbers, bit for bit, on hand-made shapes and on every sample commune.
@Suite struct PlanarMeasuresTests {
    let context = GEOSContext.current

    func agree(_ g: Geometry, _ label: String) throws {
        let native = try context.geometry(g)
        let area = try native.area(), point = try native.pointOnSurface()
        #expect(PlanarMeasures.area(g) == area, "\(label): area \(PlanarMeasures.area(g)) vs GEOS \(area)")
        #expect(PlanarMeasures.interiorPoint(g) == point, "\(label): interior point")
    }

    @Test func handMadeShapesAgreeWithGEOS() throws {
        // A thin C (the widest section is chosen), a square with a hole on the scan line, a
        // multipolygon whose second part is wider, a ring with vertices on the centre line.
        let c = Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 1), Coordinate(x: 1, y: 1), Coordinate(x: 1, y: 9), Coordinate(x: 10, y: 9), Coordinate(x: 10, y: 10), Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 0)])
        let holed = Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10), Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 0)],
                            holes: [[Coordinate(x: 2, y: 4), Coordinate(x: 2, y: 6), Coordinate(x: 7, y: 6), Coordinate(x: 7, y: 4), Coordinate(x: 2, y: 4)]])
        let small = Polygon(exterior: [Coordinate(x: 20, y: 0), Coordinate(x: 21, y: 0), Coordinate(x: 21, y: 1), Coordinate(x: 20, y: 1), Coordinate(x: 20, y: 0)])
        let diamond = Polygon(exterior: [Coordinate(x: 0, y: 5), Coordinate(x: 5, y: 0), Coordinate(x: 10, y: 5), Coordinate(x: 5, y: 10), Coordinate(x: 0, y: 5)])
        try agree(.polygon(c), "C")
        try agree(.polygon(holed), "holed square")
        try agree(.multiPolygon([small, holed]), "multipolygon")
        try agree(.polygon(diamond), "diamond")
        #expect(PlanarMeasures.area(.polygon(holed)) == 90)
        #expect(PlanarMeasures.interiorPoint(.polygon(c)) == Coordinate(x: 0.5, y: 5))
    }

    @Test func everySampleCommuneAgreesWithGEOS() throws {
        var geometries: [Geometry] = []
        _ = try GeoJSONReader.read(contentsOf: Fixtures.sample.appendingPathComponent("communes.geojson")) { _, feature in
            if let g = feature.geometry { geometries.append(g) }
        }
        #expect(geometries.count > 200)
        for (i, g) in geometries.enumerated() {
            // Scaled to projected magnitudes (hundreds of kilometres), where the order of
            // operations matters most.
            var scaled = g
            scaled.mutateCoordinateArrays { ring in ring = ring.map { Coordinate(x: 700_000 + $0.x * 75_000, y: 6_600_000 + $0.y * 111_000) } }
            try agree(g, "sample commune \(i) (lon/lat)")
            try agree(scaled, "sample commune \(i) (scaled)")
        }
    }
}
