import Foundation
import GeoCore
import GeoIO
import GeoHealthTestSupport
import Testing

/// What a reader gets back from the writer, known without writing (`GeoJSONWriter+RoundTrip`):
/// the report draws its maps from memory on that promise, so it is checked against the
/// written text read back, on random polygons with rounded and unrounded coordinates, both
/// windings, holes and negative values; and the chunked writer writes the bytes of the
/// one-by-one writer.
@Suite struct GeoJSONReadBackTests {
    /// A random polygon around (x, y): exterior of `n` points, maybe a hole, maybe clockwise;
    /// coordinates with 5 decimals (kept) or full precision (rounded), and `-0` sometimes.
    static func polygon(_ g: inout SeededGenerator, x: Double, y: Double) -> Polygon {
        let decimals = Bool.random(using: &g)
        func c(_ v: Double) -> Double { decimals ? (v * 1e5).rounded() / 1e5 : v }
        func ring(_ r: Double, _ n: Int, clockwise: Bool) -> [Coordinate] {
            var points = (0..<n).map { k -> Coordinate in
                let a = Double(k) / Double(n) * 2 * .pi * (clockwise ? -1 : 1)
                return Coordinate(x: c(x + r * cos(a) * Double.random(in: 0.8...1, using: &g)), y: c(y + r * sin(a)))
            }
            points.append(points[0])
            return points
        }
        var rings = [ring(1, Int.random(in: 3...12, using: &g), clockwise: Bool.random(using: &g))]
        if Bool.random(using: &g) { rings.append(ring(0.2, 4, clockwise: Bool.random(using: &g))) }
        return Polygon(rings: rings)
    }

    @Test func readBackIsWhatTheReaderGets() throws {
        var g = SeededGenerator(seed: 24)
        var geometries: [Geometry] = [.polygon(Polygon(exterior: [
            Coordinate(x: -0.0, y: 0), Coordinate(x: 0, y: 1), Coordinate(x: 1, y: 1), Coordinate(x: -0.0, y: 0),
        ]))]
        for k in 0..<200 {
            let parts = (0..<Int.random(in: 1...3, using: &g)).map { p in Self.polygon(&g, x: Double(k % 20) - 10.123, y: Double(p) * 3 - 45.5) }
            geometries.append(parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(parts))
        }
        let text = GeoJSONWriter.string(geometries.map { Feature(geometry: $0, properties: Properties()) })
        let back = try GeoJSONReader.features(data: Data(text.utf8), file: "t").features.map(\.geometry)
        var exact = 0, reversedOnly = 0
        for (geometry, read) in zip(geometries, back) {
            let expected = try #require(GeoJSONWriter.readBack(geometry))
            #expect(read == expected)
            #expect(expected.polygons.flatMap(\.rings).flatMap { $0 }.map(\.x.bitPattern)
                    == read!.polygons.flatMap(\.rings).flatMap { $0 }.map(\.x.bitPattern), "the very doubles, -0 included")
            guard let reversed = GeoJSONWriter.reversedRings(geometry) else { continue }
            // Coordinates kept: the geometry read back is the one in memory, the flagged rings reversed.
            let flipped = zip(geometry.polygons, reversed).map { p, flags in
                Polygon(rings: zip(p.rings, flags).map { $1 ? $0.reversed() : $0 })
            }
            #expect(read!.polygons == flipped)
            if reversed.allSatisfy({ !$0.contains(true) }) { exact += 1 } else { reversedOnly += 1 }
        }
        #expect(exact > 10 && reversedOnly > 10, "both cases met: \(exact) exact, \(reversedOnly) with rings reversed")
        #expect(GeoJSONWriter.reversedRings(geometries[0]) == nil, "-0 is written 0")
    }

    @Test func chunkedWritingWritesTheSameBytes() throws {
        var g = SeededGenerator(seed: 7)
        let features = (0..<2_600).map { k in
            Feature(geometry: .polygon(Self.polygon(&g, x: Double(k % 50), y: Double(k / 50))), properties: Properties([("k", .number(Double(k)))]))
        }
        let text = GeoJSONWriter.string(features)
        try Fixtures.withTemporaryDirectory { dir in
            for count in [0, 1, 1024, 1025, 2600] {
                let url = dir.appendingPathComponent("c\(count).geojson")
                try GeoJSONWriter.write(Array(features.prefix(count)), to: url)
                #expect(try String(contentsOf: url, encoding: .utf8) == GeoJSONWriter.string(Array(features.prefix(count))), "\(count) features")
            }
        }
        #expect(text.hasSuffix("\n]}\n"))
    }
}
