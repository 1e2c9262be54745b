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
    func site(_ id: String, _ delay: PropertyValue?) -> Site {
        Site(id: id, kind: .sas, location: Coordinate(x: 2, y: 48), attributes: delay.map { Properties([("delai", $0)]) } ?? Properties())
    }

    @Test func startupDelaysComeFromTheColumnWithTheValueForBlanks() throws {
        var o = CostModelOptions()
        o.startupField = "delai"
        let sites = [site("a", .string("12,5")), site("b", .number(3)), site("c", .string(" "))]
        let blank = try #require(throws: InputError.self) { try o.startupDelays(of: sites) }
        #expect(blank.description == "sites: feature 2, field 'delai': site 'c' has no start-up delay: write 0 for none, or give startup_minutes for the blanks")
        o.startupMinutes = 10
        #expect(try o.startupDelays(of: sites) == ["a": 12.5, "b": 3, "c": 10])
        let bad = try #require(throws: InputError.self) { try o.startupDelays(of: [site("a", .string("-1"))]) }
        #expect(bad.message == "site 'a': start-up delay '-1' is not a number of minutes ≥ 0")
        o.startupField = "depart"
        let missing = try #require(throws: ParameterError.self) { try o.startupDelays(of: sites) }
        #expect(missing.description.hasPrefix("startup_field 'depart' is not a column of the sites"))
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
            #expect(try o.roadsAtTimeOfDay([RoadNetwork.Road(coordinates: line, kmh: 50)], urban: [true]).map(\.kmh) == [35])
        }
    }
}
