import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO
import GeoHealthTestSupport
import Testing

/// Origin–destination matrices as planners receive them: OSRM `table` JSON (rows and columns
/// in the study's order, locations checked) and INSEE's Metric-OSRM CSV, found from the file.
@Suite struct ODFormatsTests {
    let communes = ODMatrixReader.Places(ids: ["75056", "93048"], lonLat: [Coordinate(x: 2.351, y: 48.852), Coordinate(x: 2.44, y: 48.89)])
    let sites = ODMatrixReader.Places(ids: ["H1", "H2"], lonLat: [Coordinate(x: 2.36, y: 48.86), Coordinate(x: 2.6, y: 48.7)])

    func pairs(_ model: MatrixModel) -> [String] {
        model.pairs.map { "\($0.origin)→\($0.destination) \($0.minutes.map { String($0) } ?? "-") min \($0.kilometres.map { String($0) } ?? "-") km" }
    }

    @Test func osrmTableRowsAreTheCommunesAndColumnsTheSites() throws {
        let model = try ODMatrixReader.read(Fixtures.url("Tests/fixtures/od/osrm-table.json"), origins: communes, destinations: sites)
        // Seconds → minutes, metres → km; the null pair is unreachable (left out).
        #expect(pairs(model) == ["75056→H1 7.0 min 5.21 km", "75056→H2 30.0 min 30.1 km", "93048→H1 15.0 min 11.0 km"])
    }

    @Test func osrmTablesForOtherPlacesAreRefused() throws {
        let url = Fixtures.url("Tests/fixtures/od/osrm-table.json")
        let three = ODMatrixReader.Places(ids: ["a", "b", "c"], lonLat: Array(repeating: Coordinate(x: 2.35, y: 48.85), count: 3))
        let count = try #require(throws: InputError.self) { try ODMatrixReader.read(url, origins: three, destinations: sites) }
        #expect(count.message.hasPrefix("2 sources (rows) but the study has 3 communes"))
        let swapped = ODMatrixReader.Places(ids: ["H2", "H1"], lonLat: sites.lonLat.reversed())
        let far = try #require(throws: InputError.self) { try ODMatrixReader.read(url, origins: communes, destinations: swapped) }
        #expect(far.message.hasPrefix("destination 0 lies "), "\(far.message)")
        #expect(far.message.contains("from site 'H2' (at most 5000 m)"))
        let error = try #require(throws: InputError.self) {
            try ODMatrixReader.read(Fixtures.url("Tests/fixtures/od/osrm-error.json"), origins: communes, destinations: sites)
        }
        #expect(error.message == "OSRM answered 'InvalidQuery': Query string malformed close to position 28")
    }

    @Test func osrmMalformedResponsesNameLineAndRow() throws {
        func read(_ text: String) throws -> OSRMTable { try OSRMTable.read(data: Data(text.utf8), file: "t.json") }
        let ragged = try #require(throws: InputError.self) { try read("{\"code\":\"Ok\",\n\"durations\":[[1,2],[3]]}") }
        #expect(ragged.description.hasPrefix("t.json: line 2") && ragged.message == "row 1 of 'durations' has 1 values, row 0 has 2")
        let negative = try #require(throws: InputError.self) { try read("{\"code\":\"Ok\",\"durations\":[[1,-2]]}") }
        #expect(negative.message == "row 0, column 1 of 'durations': -2.0 is negative")
        let shape = try #require(throws: InputError.self) { try read("{\"code\":\"Ok\",\"durations\":[[1,2]],\"distances\":[[1]]}") }
        #expect(shape.message == "'durations' is 1 × 2 but 'distances' is 1 × 1")
        #expect(throws: InputError.self) { try read("{\"durations\":[[1]]}") }
        let t = try read("{\"code\":\"Ok\",\"distances\":[[1000,null]],\"fallback_speed_cells\":[[0,1]]}")
        #expect(t.rowCount == 1 && t.columnCount == 2 && t.durations.isEmpty && t.distances[0] == 1000 && t.distances[1].isNaN && t.sources == nil)
    }

    @Test func metricOSRMExportsReadAsTheyAre() throws {
        // `;` and decimal commas; duree in minutes, distance in km; NA NA is unreachable.
        let model = try ODMatrixReader.read(Fixtures.url("Tests/fixtures/od/metric-osrm.csv"))
        #expect(pairs(model) == ["75056→H1 7.01 min 5.21 km", "75056→H2 30.0 min 30.1 km", "93048→H1 15.0 min 11.0 km"])
        let e = try #require(throws: InputError.self) { try ODMatrixReader.read(Fixtures.url("Tests/fixtures/od/metric-osrm-negative.csv")) }
        #expect(e.description.hasSuffix("metric-osrm-negative.csv: line 3, field 'duree': '-4' is not a non-negative number"))
    }

    @Test func placesAreInTheOrderOfTheirIds() {
        let p = ODMatrixReader.Places.byID(["97101", "2A004", "01001"], [Coordinate(x: 3, y: 0), Coordinate(x: 2, y: 0), Coordinate(x: 1, y: 0)])
        #expect(p.ids == ["01001", "2A004", "97101"] && p.lonLat.map(\.x) == [1, 2, 3])
    }

    @Test func aJSONFileWithoutTheStudyIsRefusedAndCSVKeepsItsRules() throws {
        #expect(throws: InputError.self) { try ODMatrixReader.read(Fixtures.url("Tests/fixtures/od/osrm-table.json")) }
        try Fixtures.withTemporaryDirectory { dir in
            // A `{` first makes a file JSON whatever its extension.
            let url = dir.appendingPathComponent("table.txt")
            try Data("  {\"code\":\"NoTable\",\"message\":\"One of the sources is not routable\"}".utf8).write(to: url)
            let e = try #require(throws: InputError.self) { try ODMatrixReader.read(url, origins: communes, destinations: sites) }
            #expect(e.message == "OSRM answered 'NoTable': One of the sources is not routable")
            // The generic CSV keeps `distance` in metres.
            let csv = dir.appendingPathComponent("od.csv")
            try Data("origin,destination,duree,distance\n75056,H1,7,5210\n".utf8).write(to: csv)
            #expect(pairs(try ODMatrixReader.read(csv)) == ["75056→H1 7.0 min 5.21 km"])
        }
    }
}
