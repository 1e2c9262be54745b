import Foundation
import GeoCore
import GeoHealthTestSupport
import GeoIO
import Testing

/// The corpus of broken files in Tests/fixtures/bad: each gives exactly this message (the file
/// path shortened to its name), and nothing crashes, hangs or grows without bound.
@Suite struct BadInputCorpusTests {
    static let folder = Fixtures.url("Tests/fixtures/bad")

    static let expected: [(file: String, message: String)] = [
        ("truncated.geojson", "truncated.geojson: line 1, column 136 (byte 135), feature 0: expected ',' or ']' in position, found the end of the file"),
        ("wrong-type-coordinates.geojson", "wrong-type-coordinates.geojson: line 2, column 88 (byte 211), feature 1: expected an array of linear rings or lines, found a string"),
        ("nan-coordinate.geojson", "nan-coordinate.geojson: line 2, column 43 (byte 127), feature 0: expected a coordinate (a number), found 'NaN' (JSON has no NaN or Infinity)"),
        ("huge-number.geojson", "huge-number.geojson: line 1, column 127 (byte 126), feature 0: number is out of the range of a double"),
        ("short-ring.geojson", "short-ring.geojson: line 1, column 128 (byte 127), feature 0: ring 0 has 3 positions; a linear ring needs at least 4 (RFC 7946 §3.1.6)"),
        ("unknown-type.geojson", "unknown-type.geojson: line 1, column 97 (byte 96), feature 0: unknown geometry type 'Circle'"),
        ("one-coordinate.geojson", "one-coordinate.geojson: line 1, column 128 (byte 127), feature 0: expected ',' between the coordinates of a position (a position needs two numbers), found ']'"),
        ("trailing-comma.geojson", "trailing-comma.geojson: line 1, column 102 (byte 101), feature 1: expected a Feature (a JSON object), found ']'"),
        ("features-not-array.geojson", "features-not-array.geojson: line 1, column 40 (byte 39): expected the 'features' array, found '{'"),
        ("deep-nesting.geojson", "deep-nesting.geojson: line 1, column 333 (byte 332), feature 0: nesting deeper than 256 levels"),
        ("invalid-utf8.geojson", "invalid-utf8.geojson: line 1, column 43 (byte 42), feature 0: invalid UTF-8 in a string (GeoJSON must be UTF-8, RFC 8259 §8.1; convert a Latin-1 file with: iconv -f latin1 -t utf-8)"),
    ]

    static func message(of error: Any) -> String {
        String(describing: error).replacingOccurrences(of: folder.path + "/", with: "")
    }

    @Test(arguments: expected.map(\.file))
    func brokenGeoJSONGivesItsExactMessage(file: String) throws {
        let want = Self.expected.first { $0.file == file }!.message
        let error = try #require(throws: InputError.self) {
            _ = try GeoJSONReader.read(contentsOf: Self.folder.appendingPathComponent(file)) { _, _ in }
        }
        #expect(Self.message(of: error) == want)
    }

    @Test func unclosedRingIsClosedWithAWarning() throws {
        let url = Self.folder.appendingPathComponent("unclosed-ring.geojson")
        let (features, summary) = try GeoJSONReader.features(contentsOf: url)
        #expect(summary.warnings.map { Self.message(of: $0) } == ["unclosed-ring.geojson: feature 0: ring 0 was not closed; closed it"])
        guard case .polygon(let p) = features[0].geometry else { Issue.record("not a polygon"); return }
        #expect(p.exterior.count == 5 && p.exterior.first == p.exterior.last)
    }

    @Test func emptyCollectionReadsAsZeroFeatures() throws {
        let (features, summary) = try GeoJSONReader.features(contentsOf: Self.folder.appendingPathComponent("empty-collection.geojson"))
        #expect(features.isEmpty && summary.featureCount == 0 && summary.type == "FeatureCollection")
    }

    @Test func selfIntersectingPolygonIsReadAsIs() throws {
        // Reading keeps it; validity is judged (and repaired) by GEOS in the layers above.
        let (features, _) = try GeoJSONReader.features(contentsOf: Self.folder.appendingPathComponent("self-intersecting.geojson"))
        #expect(features[0].geometry?.coordinateCount == 5)
    }

    @Test func tenMegabyteStrings() throws {
        let big = String(repeating: "x", count: 10_000_000)
        let valid = #"{"type":"Feature","properties":{"s":""# + big + #""},"geometry":null}"#
        let (features, _) = try GeoJSONReader.features(data: Data(valid.utf8), file: "big.geojson")
        #expect(features[0].properties["s"]?.stringValue?.utf8.count == 10_000_000)

        let unterminated = #"{"type":"Feature","properties":{"s":""# + big
        let e1 = try #require(throws: InputError.self) { try GeoJSONReader.features(data: Data(unterminated.utf8), file: "big.geojson") }
        #expect(e1.description == "big.geojson: line 1, column 10000038 (byte 10000037), feature 0: unterminated string (opened at byte 36)")

        let asCoordinates = #"{"type":"Point","coordinates":""# + big + #""}"#
        let e2 = try #require(throws: InputError.self) { try GeoJSONReader.features(data: Data(asCoordinates.utf8), file: "big.geojson") }
        #expect(e2.description == "big.geojson: line 1, column 31 (byte 30), feature 0: expected a position [longitude, latitude], found a string")
    }

    @Test func hugeNumberLiteralIsRefusedWithoutReadingItAll() throws {
        let digits = String(repeating: "9", count: 5_000)
        let text = #"{"type":"Point","coordinates":["# + digits + ",1]}"
        let e = try #require(throws: InputError.self) { try GeoJSONReader.features(data: Data(text.utf8), file: "n.geojson") }
        #expect(e.message.contains("number"), "\(e)")
    }
}
