import GeoCore
import Projection
import Testing

/// PROJ's own message reaches the error (it was "Unknown error (code 4096)": the log, where
/// PROJ says what went wrong, was off and its errno was reset on the wrong context).
@Suite struct PROJMessageTests {
    @Test func anUnknownCRSSaysWhatPROJSaid() throws {
        let error = try #require(throws: ProjectionError.self) { try CoordinateTransformer(from: CRS(epsg: 999_999), to: .wgs84) }
        #expect(error.description.contains("crs not found"), "\(error)")
        #expect(!error.description.contains("Unknown error"), "\(error)")
        // The context is clean afterwards: a valid transformation still works on this thread.
        let t = try CoordinateTransformer(from: .wgs84, to: .lambert93)
        #expect(try t.transform(Coordinate(x: 2.35, y: 48.85)).x > 600_000)
    }
}
