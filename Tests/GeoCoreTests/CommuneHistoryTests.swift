import GeoCore
import Testing

@Suite struct CommuneHistoryTests {
    @Test func followsChainsOfFusionsToAnExistingCode() {
        let history = CommuneHistory(events: [
            .init(kind: 32, date: "2019-01-01", from: "A", to: "B"),
            .init(kind: 32, date: "2023-01-01", from: "B", to: "C"),
        ])
        #expect(history.currentCode(of: "A", exists: { $0 == "C" }) == "C")
        #expect(history.currentCode(of: "A", exists: { $0 == "B" }) == "B")
        #expect(history.currentCode(of: "Z", exists: { $0 == "C" }) == nil)
        #expect(history.currentCode(of: "C", exists: { $0 == "C" }) == "C")
    }

    @Test func stopsOnLoopsAndIgnoresOldEventsAndSelfRows() {
        let history = CommuneHistory(events: [
            .init(kind: 32, date: "2019-01-01", from: "A", to: "B"),
            .init(kind: 41, date: "2020-01-01", from: "B", to: "A"),
            .init(kind: 32, date: "2010-01-01", from: "X", to: "Y"),
            .init(kind: 32, date: "2019-01-01", from: "D", to: "D"),
        ], since: "2018-01-01")
        #expect(history.currentCode(of: "A", exists: { _ in false }) == nil)
        #expect(history.currentCode(of: "X", exists: { $0 == "Y" }) == nil)
        #expect(history.events.count == 2)
    }

    @Test func latestEventWinsAndRestorationsAreKnown() {
        let history = CommuneHistory(events: [
            .init(kind: 32, date: "2019-01-01", from: "A", to: "B"),
            .init(kind: 32, date: "2024-01-01", from: "A", to: "C"),
            .init(kind: 21, date: "2025-01-01", from: "C", to: "R"),
            .init(kind: 30, date: "2025-01-01", from: "Q", to: "S"),
        ])
        #expect(history.currentCode(of: "A", exists: { $0 == "B" || $0 == "C" }) == "C")
        #expect(history.restorationParent(of: "R") == "C")
        #expect(history.restorationParent(of: "C") == nil)
        #expect(history.currentCode(of: "Q", exists: { $0 == "S" }) == nil, "MOD 30 (commune deleted) does not carry a code")
    }

    @Test(arguments: [("75101", "75056"), ("75120", "75056"), ("13216", "13055"), ("69389", "69123")])
    func arrondissementsBelongToTheirCommune(code: String, commune: String) {
        #expect(CommuneHistory.municipalArrondissementParent(of: code) == commune)
    }

    @Test func otherCodesAreNotArrondissements() {
        for code in ["75056", "75121", "13217", "69380", "2A004", ""] {
            #expect(CommuneHistory.municipalArrondissementParent(of: code) == nil)
        }
    }
}
