import GEOSBridge
import GeoCore
import Testing

@Suite struct ValidityTests {
    let context = GEOSContext.current

    @Test func bowTieIsInvalidWithReasonAndMakeValidSplitsIt() throws {
        let bowTie = try context.geometry(wkt: "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))")
        #expect(try !bowTie.isValid())
        #expect(try bowTie.validityReason() == "Self-intersection[1 1]")
        let fixed = try bowTie.makeValid()
        #expect(try fixed.isValid())
        #expect(fixed.typeName == "MultiPolygon")
        #expect(try fixed.area() == 2)
    }

    @Test func validGeometryHasTheStandardReason() throws {
        #expect(try context.geometry(wkt: "POINT(1 2)").validityReason() == "Valid Geometry")
    }

    @Test func parseErrorsArriveAsSwiftErrorsWithTheGEOSMessage() throws {
        let error = try #require(throws: GEOSError.self) { try context.geometry(wkt: "POLYGON((0 0, 1 0") }
        #expect(error.operation == "GEOSWKTReader_read")
        #expect(error.message.contains("ParseException"), "\(error.message)")
        // The context stays usable after an error.
        #expect(try context.geometry(wkt: "POINT(0 0)").isEmpty() == false)
    }

    @Test func openRingsAreRefusedByGEOS() throws {
        let open = Geometry.polygon(Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 1)]))
        let error = try #require(throws: GEOSError.self) { try context.geometry(open) }
        #expect(error.message.contains("closed"), "\(error.message)")
    }

    @Test func wkbAndWktRoundTrip() throws {
        let text = "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1)), ((10 10, 11 10, 11 11, 10 10)))"
        let g = try context.geometry(wkt: text)
        let back = try context.geometry(wkb: g.wkb())
        #expect(try back.wkt() == g.wkt())
        #expect(try back.geometry() == g.geometry())
        #expect(try g.geometry().typeName == "MultiPolygon")
        #expect(throws: GEOSError.self) { try context.geometry(wkb: [1, 2, 3]) }
    }

    @Test func conversionRoundTripKeepsEveryType() throws {
        let samples: [Geometry] = [
            .point(Coordinate(x: 1, y: 2)),
            .multiPoint([Coordinate(x: 1, y: 2), Coordinate(x: 3, y: 4)]),
            .lineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)]),
            .multiLineString([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)], [Coordinate(x: 2, y: 2), Coordinate(x: 3, y: 2)]]),
            .polygon(Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)])),
            .geometryCollection([.point(Coordinate(x: 5, y: 5)), .lineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)])]),
        ]
        for g in samples { #expect(try context.geometry(g).geometry() == g) }
    }
}
