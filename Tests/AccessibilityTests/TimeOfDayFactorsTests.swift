import Accessibility
import GeoCore
import Testing

/// Time-of-day speed factors: the default table, files that must cover the day once, and
/// their application to roads.
@Suite struct TimeOfDayFactorsTests {
    @Test func theStandardTableByPeriodAndSetting() {
        let t = TimeOfDayFactors.standard
        #expect(t.factor(at: 3 * 60, urban: true) == 1 && t.factor(at: 3 * 60, urban: false) == 1)
        #expect(t.factor(at: 18 * 60, urban: true) == 0.65 && t.factor(at: 18 * 60, urban: false) == 0.85)
        #expect(t.factor(at: 7 * 60, urban: true) == 0.65, "07:00 opens the morning peak")
        #expect(t.factor(at: 9 * 60 + 29, urban: true) == 0.65 && t.factor(at: 9 * 60 + 30, urban: true) == 0.8)
        #expect(t.factor(at: 20 * 60, urban: false) == 0.95 && t.factor(at: 21 * 60, urban: false) == 1)
        #expect(t.factor(at: 24 * 60 + 3 * 60, urban: true) == 1, "taken modulo 24 h")
    }

    @Test func aFileReadsWithWrappingPeriodsAndDecimalCommas() throws {
        let t = try TimeOfDayFactors.parse(rows: [("22:00", "6:00", "1", "1"), ("06:00", "22:00", "0,7", "0.9")])
        #expect(t.factor(at: 23 * 60, urban: true) == 1 && t.factor(at: 5 * 60 + 59, urban: false) == 1)
        #expect(t.factor(at: 12 * 60, urban: true) == 0.7 && t.factor(at: 12 * 60, urban: false) == 0.9)
        #expect(try TimeOfDayFactors.parse(rows: [("00:00", "24:00", "1", "1")]).factor(at: 0, urban: true) == 1)
    }

    @Test func gapsAndOverlapsAreListed() throws {
        let gap = try #require(throws: TimeOfDayFactors.Problem.self) {
            try TimeOfDayFactors.parse(rows: [("21:00", "07:00", "1", "1"), ("07:30", "20:00", "0.8", "0.9")])
        }
        #expect(gap.message == "the periods must cover the 24 hours once: no factor for 07:00–07:30, 20:00–21:00")
        let overlap = try #require(throws: TimeOfDayFactors.Problem.self) {
            try TimeOfDayFactors.parse(rows: [("20:00", "08:00", "1", "1"), ("07:00", "20:00", "0.8", "0.9")])
        }
        #expect(overlap.message == "the periods must cover the 24 hours once: periods overlap at 07:00–08:00")
        let both = try #require(throws: TimeOfDayFactors.Problem.self) {
            try TimeOfDayFactors.parse(rows: [("23:00", "01:00", "1", "1"), ("00:30", "22:00", "0.8", "0.9")])
        }
        #expect(both.message.contains("no factor for 22:00–23:00") && both.message.contains("periods overlap at 00:30–01:00"))
    }

    @Test func badTimesAndFactorsNameRowAndField() throws {
        let time = try #require(throws: TimeOfDayFactors.Problem.self) { try TimeOfDayFactors.parse(rows: [("00:00", "25:00", "1", "1")]) }
        #expect(time.period == 0 && time.field == "to")
        let factor = try #require(throws: TimeOfDayFactors.Problem.self) {
            try TimeOfDayFactors.parse(rows: [("00:00", "12:00", "1", "1"), ("12:00", "00:00", "fast", "1")])
        }
        #expect(factor.period == 1 && factor.field == "urban" && factor.message == "'fast' is not a positive speed factor (e.g. 0.8)")
        #expect(throws: TimeOfDayFactors.Problem.self) { try TimeOfDayFactors.parse(rows: [("00:00", "00:00", "1", "0")]) }
        #expect(throws: TimeOfDayFactors.Problem.self) { try TimeOfDayFactors.parse(rows: []) }
        #expect(TimeOfDayFactors.minutes(of: "7:05") == 425 && TimeOfDayFactors.minutes(of: "07:5") == nil && TimeOfDayFactors.minutes(of: "24:01") == nil)
    }

    @Test func roadSpeedsAreMultipliedByTheirSettingsFactor() {
        let line = [Coordinate(x: 0, y: 0), Coordinate(x: 1000, y: 0)]
        let roads = [RoadNetwork.Road(coordinates: line, kmh: 50), RoadNetwork.Road(coordinates: line, kmh: 80)]
        let peak = TimeOfDayFactors.standard.applying(at: 18 * 60, to: roads, urban: [true, false])
        #expect(peak.map(\.kmh) == [50 * 0.65, 80 * 0.85])
        #expect(TimeOfDayFactors.standard.applying(at: 3 * 60, to: roads, urban: [true, false]).map(\.kmh) == [50, 80])
        #expect(TimeOfDayFactors.standard.digest.hasPrefix("21:00-07:00:1.0/1.0;07:00-09:30:0.65/0.85"))
    }
}
