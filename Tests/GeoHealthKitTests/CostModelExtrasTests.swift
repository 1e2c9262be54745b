import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO
import GeoHealthTestSupport
import Testing

/// The cost options of issue 22's SAS and emergency work: start-up delays read from the sites,
/// time-of-day options refused where there are no roads, the factor file's errors, and the
/// prepared-graph key parts.
@Suite struct CostModelExtrasTests {
    @Test func startupDelaysAreReadWithTheSitesAndNameLineAndField() throws {
        var schema = SiteSchema()
        schema.startupField = "delai"
        func read(_ text: String) throws -> [Site] {
            try SiteTable.read(table: CSVTable.parse(text, file: "sas.csv"), kind: .sas, crs: nil, schema: schema).sites
        }
        let sites = try read("id;lon;lat;delai\nA;2,1;48;12,5\nB;2,2;48;0\n")
        #expect(sites.map(\.startupMinutes) == [12.5, 0] && sites[0].attributes["delai"] == nil)
        #expect(CostModelOptions().startupDelays(of: sites + [Site(id: "C", kind: .sas, location: Coordinate(x: 2, y: 48))]) == ["A": 12.5, "B": 0])
        let blank = try #require(throws: InputError.self) { try read("id,lon,lat,delai\nA,2.1,48,10\nB,2.2,48, \n") }
        #expect(blank.description == "sas.csv: line 3, field 'delai': empty start-up delay: write the minutes before departure (0 for none)")
        let negative = try #require(throws: InputError.self) { try read("id,lon,lat,delai\nA,2.1,48,-3\n") }
        #expect(negative.description == "sas.csv: line 2, field 'delai': start-up delay '-3' is not a number of minutes ≥ 0")
        let missing = try #require(throws: InputError.self) { try read("id,lon,lat,depart\nA,2.1,48,3\n") }
        #expect(missing.description.hasPrefix("sas.csv: field 'delai': startup_field: no such column"))
    }

    @Test func startupDelaysOfGeoJSONSitesNameTheFeature() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("sas.geojson")
            let feature = { (id: String, delay: String) in
                "{\"type\":\"Feature\",\"properties\":{\"id\":\"\(id)\",\"delai\":\(delay)},\"geometry\":{\"type\":\"Point\",\"coordinates\":[2,48]}}"
            }
            try Data("{\"type\":\"FeatureCollection\",\"features\":[\(feature("A", "7")),\(feature("B", "null"))]}".utf8).write(to: url)
            var schema = SiteSchema()
            schema.startupField = "delai"
            let e = try #require(throws: InputError.self) { try SiteTable.read(url, kind: .sas, schema: schema) }
            #expect(e.description.hasSuffix("sas.geojson: feature 1, field 'delai': no start-up delay: write the minutes before departure (0 for none)"))
        }
    }

    @Test func timeOfDayNeedsRoadsAndFactorsNeedATime() throws {
        var o = CostModelOptions()
        o.timeOfDay = 18 * 60
        let straight = try #require(throws: ParameterError.self) { try o.check() }
        #expect(straight.kind == .ignored && straight.description == "time_of_day changes road speeds: it needs cost network (cost straight has no roads)")
        o.kind = .network
        o.roads = URL(fileURLWithPath: "roads.geojson")
        try o.check()
        o.timeOfDay = nil
        o.speedFactors = URL(fileURLWithPath: "factors.csv")
        #expect(throws: ParameterError.self) { try o.check() }
        o.speedFactors = nil
        o.startupMinutes = -2
        #expect(throws: ParameterError.self) { try o.check() }
    }

    @Test func aFactorFileNamesLineAndFieldAndKeysTheGraph() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("factors.csv")
            var o = CostModelOptions()
            #expect(o.graphKeyParts.isEmpty)
            o.timeOfDay = 3 * 60
            #expect(o.graphKeyParts == ["time_of_day=03:00", "speed_factors=standard"])
            o.speedFactors = url
            try Data("from;to;urban;rural\n21:00;07:00;1;1\n07:00;21:00;vite;0,9\n".utf8).write(to: url)
            let bad = try #require(throws: InputError.self) { try o.speedFactorTable() }
            #expect(bad.description.hasSuffix("factors.csv: line 3, field 'urban': 'vite' is not a positive speed factor (e.g. 0.8)"))
            try Data("from;to;urban;rural\n21:00;07:00;1;1\n07:00;20:00;0,7;0,9\n".utf8).write(to: url)
            let gap = try #require(throws: InputError.self) { try o.speedFactorTable() }
            #expect(gap.description.hasSuffix("factors.csv: the periods must cover the 24 hours once: no factor for 20:00–21:00"))
            try Data("from;to;urban;rural\n21:00;07:00;1;1\n07:00;21:00;0,7;0,9\n".utf8).write(to: url)
            #expect(try o.speedFactorTable().factor(at: 8 * 60, urban: true) == 0.7)
            let parts = o.graphKeyParts
            #expect(parts[0] == "time_of_day=03:00" && parts[1].hasPrefix("speed_factors=sha256:") && parts[1].count == 21 + 64)
            let line = [Coordinate(x: 0, y: 0), Coordinate(x: 1000, y: 0)]
            o.timeOfDay = 8 * 60
            var notes = Properties()
            #expect(try o.roadsAtTimeOfDay([RoadNetwork.Road(coordinates: line, kmh: 50)], urban: [true]).map(\.kmh) == [35])
            try o.recordTimeOfDay(in: &notes)
            #expect(notes["time_of_day"] == .string("08:00") && notes["speed_factor_urban"] == .number(0.7) && notes["speed_factor_rural"] == .number(0.9))
        }
    }
}
