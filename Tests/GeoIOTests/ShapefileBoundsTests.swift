import Foundation
import GeoHealthTestSupport
import GeoIO
import Testing

/// Shapefiles whose headers lie: every length, offset and count read from the file is bounded
/// by the bytes that remain, so each ends in an `InputError` naming the file, the record and
/// the field — never a crash or a 34 GB allocation. The files are built byte by byte here.
@Suite struct ShapefileBoundsTests {
    /// A .dbf: header (count, header length, record length), descriptors (name, type, length),
    /// the 0x0D terminator, then `body`.
    static func dbf(count: UInt32, headerLength: Int? = nil, recordLength: Int, fields: [(String, Character, UInt8)], body: [UInt8]) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 32)
        b[0] = 3
        withUnsafeBytes(of: count.littleEndian) { b.replaceSubrange(4..<8, with: $0) }
        let length = headerLength ?? 32 + 32 * fields.count + 1
        b[8] = UInt8(length & 0xFF); b[9] = UInt8(length >> 8)
        b[10] = UInt8(recordLength & 0xFF); b[11] = UInt8(recordLength >> 8)
        for (name, type, size) in fields {
            var d = [UInt8](repeating: 0, count: 32)
            d.replaceSubrange(0..<name.utf8.count, with: Array(name.utf8))
            d[11] = type.asciiValue!
            d[16] = size
            b += d
        }
        return b + [0x0D] + body
    }

    /// A .shp holding one record of `content` (type first), file length set from the bytes.
    static func shp(_ content: [UInt8]) -> [UInt8] {
        func be(_ v: Int32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }
        var b = be(9994) + [UInt8](repeating: 0, count: 20)
        let total = 100 + 8 + content.count
        b += be(Int32(total / 2)) + [UInt8](repeating: 0, count: 100 - 28)
        return b + be(1) + be(Int32(content.count / 2)) + content
    }

    static func le(_ v: Int32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }

    /// Writes the pair and reads it through the public reader; the error, with the folder removed.
    static func error(shp: [UInt8], dbf: [UInt8]) throws -> String {
        try Fixtures.withTemporaryDirectory { dir in
            try Data(shp).write(to: dir.appendingPathComponent("bad.shp"))
            try Data(dbf).write(to: dir.appendingPathComponent("bad.dbf"))
            let error = try #require(throws: InputError.self) { _ = try Shapefile.read(dir.appendingPathComponent("bad.shp")) }
            return error.description.replacingOccurrences(of: dir.path + "/", with: "")
        }
    }

    static let point = shp([1, 0, 0, 0] + [UInt8](repeating: 0, count: 16))

    @Test func fieldLongerThanTheRecord() throws {
        let bad = Self.dbf(count: 1, recordLength: 5, fields: [("NAME", "C", 10)], body: [0x20] + Array("abcd".utf8))
        #expect(try Self.error(shp: Self.point, dbf: bad)
            == "bad.dbf: field 'NAME': field ends at byte 11 of a 5-byte record (the header's field lengths exceed its record length)")
    }

    @Test func headerLengthEqualToTheFileSize() throws {
        var bad = Self.dbf(count: 1, recordLength: 5, fields: [("NAME", "C", 4)], body: [0x20] + Array("abcd".utf8))
        bad[8] = UInt8(bad.count & 0xFF); bad[9] = UInt8(bad.count >> 8)
        #expect(try Self.error(shp: Self.point, dbf: bad)
            == "bad.dbf: the .dbf says 1 records of 5 bytes, more than the file holds (0 bytes after the header)")
    }

    @Test func fourBillionEmptyRecords() throws {
        let bad = Self.dbf(count: UInt32.max, recordLength: 0, fields: [], body: [])
        #expect(try Self.error(shp: Self.point, dbf: bad)
            == "bad.dbf: the .dbf says 4294967295 records of 0 bytes (a record holds at least its deletion flag)")
    }

    @Test func moreRecordsThanTheFileHolds() throws {
        let bad = Self.dbf(count: 1_000_000, recordLength: 5, fields: [("NAME", "C", 4)], body: [0x20] + Array("abcd".utf8))
        #expect(try Self.error(shp: Self.point, dbf: bad)
            == "bad.dbf: the .dbf says 1000000 records of 5 bytes, more than the file holds (5 bytes after the header)")
    }

    @Test func multiPointWithANegativeCount() throws {
        let good = Self.dbf(count: 1, recordLength: 5, fields: [("NAME", "C", 4)], body: [0x20] + Array("abcd".utf8))
        let multiPoint = Self.le(8) + [UInt8](repeating: 0, count: 32) + Self.le(-1)
        #expect(try Self.error(shp: Self.shp(multiPoint), dbf: good) == "bad.shp: feature 0: record 1: negative point count -1")
    }

    @Test func polygonCountsBeyondTheRecord() throws {
        let good = Self.dbf(count: 1, recordLength: 5, fields: [("NAME", "C", 4)], body: [0x20] + Array("abcd".utf8))
        let polygon = Self.le(5) + [UInt8](repeating: 0, count: 32) + Self.le(1) + Self.le(Int32.max) + Self.le(0)
        #expect(try Self.error(shp: Self.shp(polygon), dbf: good)
            == "bad.shp: feature 0: record 1: shape data shorter than its counts say (34359738400 bytes needed, 48 in the record)")
    }

    @Test func wellFormedPairStillReads() throws {
        let good = Self.dbf(count: 1, recordLength: 5, fields: [("NAME", "C", 4)], body: [0x20] + Array("abcd".utf8) + [0x1A])
        try Fixtures.withTemporaryDirectory { dir in
            try Data(Self.point).write(to: dir.appendingPathComponent("ok.shp"))
            try Data(good).write(to: dir.appendingPathComponent("ok.dbf"))
            let layer = try Shapefile.read(dir.appendingPathComponent("ok.shp"))
            #expect(layer.features.count == 1 && layer.features[0].properties["NAME"] == .string("abcd"))
        }
    }
}
