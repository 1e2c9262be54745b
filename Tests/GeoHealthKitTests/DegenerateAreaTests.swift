import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import GeoPackage
import Testing

/// The degenerate-geometry rule in the layer path every format passes through
/// (``AreaLayer``): a GeoPackage commune whose MultiPolygon is empty is dropped and named,
/// like a GeoJSON one; a population above a billion is a data error naming its line.
@Suite struct DegenerateAreaTests {
    static let square = Polygon(exterior: [Coordinate(2.50, 46.45), Coordinate(2.55, 46.45), Coordinate(2.55, 46.50), Coordinate(2.50, 46.50), Coordinate(2.50, 46.45)])
    static let line = Polygon(exterior: [Coordinate(2.6, 46.4), Coordinate(2.7, 46.5), Coordinate(2.8, 46.6), Coordinate(2.6, 46.4)])

    @Test func aGeoPackageCommuneWithAnEmptyMultiPolygonIsDropped() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("communes.gpkg")
            let writer = try GeoPackageWriter(url, table: "communes", columns: [("code", .text), ("nom", .text)], geometryType: "MULTIPOLYGON")
            try writer.write(.multiPolygon([Self.square]), [.string("00001"), .string("A")])
            try writer.write(.multiPolygon([]), [.string("00002"), .string("Empty")])
            try writer.write(.multiPolygon([Self.line]), [.string("00003"), .string("Line")])
            try writer.finish()

            let layer = try AreaLayer.read([url], idField: "code", nameField: "nom")
            #expect(layer.areas.map(\.id) == ["00001"])
            #expect(layer.dropped.map(\.id) == ["00002", "00003"])
            #expect(layer.dropped.first?.reason == "\(url.relativePath): feature 1: empty MultiPolygon")
            #expect(layer.dropped.last?.reason.hasPrefix("\(url.relativePath): feature 2: the polygon has no area") == true)
            #expect(layer.repairs.isEmpty, "a dropped commune is not also listed as repaired")

            let loaded = try StudyLoader.load(StudySources(areas: [url]))
            #expect(loaded.study.areas.count == 1)
            _ = try ProjectedStudy(loaded.study)  // no NaN left to choose a CRS from
        }
    }

    @Test func aLayerOfOnlyDegenerateCommunesIsAnError() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("communes.gpkg")
            let writer = try GeoPackageWriter(url, table: "communes", columns: [("code", .text)], geometryType: "MULTIPOLYGON")
            try writer.write(.multiPolygon([]), [.string("00002")])
            try writer.finish()
            let error = try #require(throws: InputError.self) { try AreaLayer.read([url], idField: "code", nameField: "nom") }
            #expect(error.description.contains("no commune is left: every polygon has no area (dropped: 00002)"))
        }
    }

    @Test func populationsAboveABillionAreDataErrors() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("p.csv")
            try "COM;PMUN\n00001;1 000 000 000\n00002;1000000001\n".write(to: url, atomically: true, encoding: .utf8)
            let error = try #require(throws: InputError.self) { try PopulationTable.read(url, key: "COM", field: "PMUN") }
            #expect(error.description.contains("line 3, field 'PMUN': '1000000001' is not a population count"), "\(error)")
        }
    }
}
