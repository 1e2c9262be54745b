import Accessibility
import Testing

/// The zonage classes of the arrêté (ZIP below 2.5, ZAC below 4) at and around their bounds,
/// overridden thresholds, and the transition matrix on a hand-counted case.
@Suite struct ZoningStatusTests {
    @Test func boundariesBelongToTheClassAbove() {
        let t = ZoningThresholds.drees
        #expect(t.priorityBelow == 2.5 && t.complementaryBelow == 4)
        #expect(t.status(of: 0) == .priority && t.status(of: 2.5.nextDown) == .priority)
        #expect(t.status(of: 2.5) == .complementary, "exactly 2.5 is ZAC")
        #expect(t.status(of: 4.0.nextDown) == .complementary)
        #expect(t.status(of: 4) == .outside, "exactly 4 is outside")
        #expect(t.status(of: .infinity) == .outside)
        #expect(ZoningStatus.allCases.map(\.rawValue) == ["ZIP", "ZAC", "outside"])
        #expect(ZoningStatus.priority < .complementary && ZoningStatus.complementary < .outside)
    }

    @Test func thresholdsCanBeOverriddenAndAreChecked() {
        let t = ZoningThresholds(priorityBelow: 3, complementaryBelow: 3)
        #expect(t.problem == nil)
        #expect(t.status(of: 2.99) == .priority && t.status(of: 3) == .outside, "equal thresholds leave ZAC empty")
        #expect(ZoningThresholds(priorityBelow: 5, complementaryBelow: 4).problem != nil)
        #expect(ZoningThresholds(priorityBelow: -1, complementaryBelow: 4).problem != nil)
        #expect(ZoningThresholds(priorityBelow: .nan, complementaryBelow: 4).problem != nil)
        #expect(ZoningThresholds(priorityBelow: 1, complementaryBelow: .infinity).problem != nil)
    }

    @Test func transitionsCountCommunesAndResidents() {
        let t = ZoningTransitions(
            before: [.priority, .priority, .complementary, .outside, .outside],
            after: [.priority, .complementary, .outside, .complementary, .outside],
            population: [10, 20, 40, 80, 160])
        #expect(t.communes == [[1, 1, 0], [0, 0, 1], [0, 1, 1]])
        #expect(t.population == [[10, 20, 0], [0, 0, 40], [0, 80, 160]])
        #expect(t.communesMoved == 3 && t.populationMoved == 140)
        #expect(t.populationUp == 60 && t.populationDown == 80)
        let none = ZoningTransitions(before: [.outside], after: [.outside], population: [5])
        #expect(none.communesMoved == 0 && none.populationMoved == 0)
    }
}
