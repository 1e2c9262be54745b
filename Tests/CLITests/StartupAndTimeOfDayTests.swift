import Foundation
import GeoHealthTestSupport
import Testing

/// `--startup-minutes`, `--startup-field` and `--time-of-day` from the command line: the delay
/// changes the figures and is recorded in the summary; a time of day without roads is refused.
@Suite struct StartupAndTimeOfDayTests {
    @Test func aStartupDelayIsAddedAndRecorded() throws {
        let plain = try CommandRunner.run(["distance", "geodata", "--site-kind", "emergency", "--format", "json"])
        let delayed = try CommandRunner.run(["distance", "geodata", "--site-kind", "emergency", "--startup-minutes", "10", "--format", "json"])
        #expect(plain.status == 0 && delayed.status == 0)
        func object(_ text: String) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) }
        let cost = try #require(try object(delayed.stdout)["cost"] as? [String: Any])
        #expect(cost["startup_minutes"] as? Double == 10)
        #expect(try object(plain.stdout)["cost"].map { ($0 as? [String: Any])?["startup_minutes"] == nil } == true)
        #expect(plain.stdout != delayed.stdout)
    }

    @Test func aBlankDelayNamesFileLineAndField() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let sites = dir.appendingPathComponent("sas.csv")
            try Data("id,kind,lon,lat,delai\nS1,sas,2.53,46.45,5\nS2,sas,2.6,46.5,\n".utf8).write(to: sites)
            let r = try CommandRunner.run(["distance", "--areas", "geodata/communes.geojson", "--sites", sites.path, "--startup-field", "delai"])
            #expect(r.status == 1 && r.stderr.hasSuffix("sas.csv: line 3, field 'delai': empty start-up delay: write the minutes before departure (0 for none)\n"), "\(r.stderr)")
        }
    }

    @Test func aTimeOfDayNeedsRoads() throws {
        let r = try CommandRunner.run(["distance", "geodata", "--time-of-day", "18:00"])
        #expect(r.status == 64 && r.stderr.contains("--time-of-day changes road speeds: it needs --cost network (--cost straight has no roads)"))
        let form = try CommandRunner.run(["distance", "geodata", "--cost", "network", "--roads", "geodata/roads.geojson", "--time-of-day", "6pm"])
        #expect(form.status == 64 && form.stderr.contains("write a time of day HH:MM from 00:00 to 23:59"))
    }
}
