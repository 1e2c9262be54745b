import Foundation
import GeoCore
import GeoHealthTestSupport
import GeoIO
import GeoPackage
import Testing

/// Issue 20: the same table written twice gives the same bytes; `gpkg_contents.last_change` is
/// `SOURCE_DATE_EPOCH` or 1970-01-01, never the time of writing (it made identical runs differ).
@Suite struct GeoPackageDeterminismTests {
    func write(to url: URL, lastChange: Date = GeoPackageWriter.defaultLastChange) throws {
        let writer = try GeoPackageWriter(url, table: "t", columns: [("code", .text), ("minutes", .real)], geometryType: "MULTIPOLYGON", lastChange: lastChange)
        try writer.write(GeoPackageFileTests.square, [.string("00001"), .number(12.5)])
        try writer.finish()
    }

    @Test func theSameTableGivesTheSameBytes() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let a = dir.appendingPathComponent("a.gpkg"), b = dir.appendingPathComponent("b.gpkg")
            try write(to: a)
            Thread.sleep(forTimeInterval: 0.01)  // another millisecond: the old last_change differed
            try write(to: b)
            #expect(try Data(contentsOf: a) == Data(contentsOf: b))
            let db = try SQLiteDatabase(path: a.path, readOnly: true)
            let expected = SourceDateEpoch.date() == nil ? "1970-01-01T00:00:00.000Z" : nil
            if let expected { #expect(try db.column("SELECT last_change FROM gpkg_contents") { $0.text(0)! } == [expected]) }
        }
    }

    @Test func lastChangeIsTheDateGiven() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("t.gpkg")
            try write(to: url, lastChange: try #require(SourceDateEpoch.date(["SOURCE_DATE_EPOCH": "1700000000"])))
            let db = try SQLiteDatabase(path: url.path, readOnly: true)
            #expect(try db.column("SELECT last_change FROM gpkg_contents") { $0.text(0)! } == ["2023-11-14T22:13:20.000Z"])
        }
    }

    @Test func sourceDateEpochIsAWholeNumberOfSeconds() {
        #expect(SourceDateEpoch.date([:]) == nil)
        #expect(SourceDateEpoch.date(["SOURCE_DATE_EPOCH": "0"]) == Date(timeIntervalSince1970: 0))
        #expect(SourceDateEpoch.date(["SOURCE_DATE_EPOCH": "2024-01-01"]) == nil && SourceDateEpoch.date(["SOURCE_DATE_EPOCH": "-5"]) == nil)
    }
}
