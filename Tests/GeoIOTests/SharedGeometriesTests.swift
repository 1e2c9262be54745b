import Foundation
import GeoCore
import GeoIO
import Testing

/// Tables written together with shared geometries (``GeoJSONWriter/write(_:count:geometry:properties:)``)
/// have the bytes of each table written alone, over several chunks and with missing geometries.
@Suite struct SharedGeometriesTests {
    @Test func theSameBytesAsEachTableAlone() throws {
        var rng = SeededGenerator(seed: 31)
        let count = 2 * 1024 * 8 + 77  // more than one round of chunks in flight
        let geometries: [Geometry?] = (0..<count).map { i in
            guard i % 97 != 0 else { return nil }
            let x = Double.random(in: -5...9, using: &rng), y = Double.random(in: 41...51, using: &rng)
            return .polygon(Polygon(rings: [[Coordinate(x: x, y: y), Coordinate(x: x + 0.01, y: y), Coordinate(x: x, y: y + 0.013), Coordinate(x: x, y: y)]]))
        }
        let first: @Sendable (Int) -> Properties = { Properties([("code", .string("c\($0)")), ("minutes", .number(Double($0) / 7))]) }
        let second: @Sendable (Int) -> Properties = { Properties([("access", $0 % 5 == 0 ? .null : .number(Double($0) * 0.37))]) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shared-geometries-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let together = [folder.appendingPathComponent("a.geojson"), folder.appendingPathComponent("b.geojson")]
        let writers = try together.map { try GeoJSONWriter($0) }
        try GeoJSONWriter.write(writers, count: count, geometry: { geometries[$0] }, properties: [first, second])
        for w in writers { try w.finish() }
        for (k, properties) in [first, second].enumerated() {
            let alone = folder.appendingPathComponent("alone-\(k).geojson")
            let writer = try GeoJSONWriter(alone)
            try writer.write(count: count) { Feature(geometry: geometries[$0], properties: properties($0)) }
            try writer.finish()
            #expect(try Data(contentsOf: together[k]) == (try Data(contentsOf: alone)), "table \(k)")
        }
    }
}
