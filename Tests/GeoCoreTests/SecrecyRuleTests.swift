import Foundation
import GeoCore
import Testing

/// The statistical-secrecy rule (docs/publishing.md): primary suppression under the
/// thresholds, and a secondary suppression that no published total can undo.
@Suite struct SecrecyRuleTests {
    let rule = SecrecyRule()

    @Test func thresholdsAreTheDocumentedOnes() {
        #expect(SecrecyRule.defaultMinimumPeople == 11)
        #expect(SecrecyRule.defaultMinimumContributors == 3)
        #expect(rule.isSecret(10, unit: .people))
        #expect(!rule.isSecret(11, unit: .people))
        #expect(!rule.isSecret(0, unit: .people), "nobody is published")
        #expect(rule.isSecret(0.4, unit: .people))
        #expect(rule.isSecret(2, unit: .contributors))
        #expect(!rule.isSecret(3, unit: .contributors))
        #expect(SecrecyRule(minimumPeople: 5).isSecret(4, unit: .people))
        #expect(!SecrecyRule(minimumPeople: 5).isSecret(5, unit: .people))
    }

    /// A commune of 10 people is hidden, one of 11 is not; with the total published, the 10
    /// gets a complement: the smallest other positive cell (here 11), never a zero one.
    @Test func aCommuneOfTenIsHiddenAndComplemented() {
        let values: [Double?] = [10, 11, 0, 500, 40]
        let hidden = rule.suppress([CountColumn(name: "population", unit: .people, values: values, hasPublishedTotals: true)])[0]
        #expect(hidden.cells == [.primary, .secondary, nil, nil, nil])
        #expect(hidden.grandTotal == nil)
        #expect(recoverable(values, hidden: hidden.cells, groups: nil).isEmpty)
    }

    /// Without a published total, there is nothing to recover from: primary only.
    @Test func noTotalNoSecondary() {
        let values: [Double?] = [10, 11, 0, 500]
        let hidden = rule.suppress([CountColumn(name: "hospital_within_30min", unit: .contributors, values: [2, 3, 0, 1], hasPublishedTotals: false),
                                    CountColumn(name: "population", unit: .people, values: values, hasPublishedTotals: false)])
        #expect(hidden[0].cells == [.primary, nil, nil, .primary])
        #expect(hidden[1].cells == [.primary, nil, nil, nil])
    }

    /// A group with exactly one primary suppression gets a secondary one, and the group's total
    /// minus its shown members no longer gives the hidden value: the attempt fails.
    @Test func aLoneSuppressionInAGroupGetsAComplement() {
        let values: [Double?] = [7, 300, 25, 80, 12, 14, 9]
        let groups = [0, 0, 0, 1, 1, 1, 1]
        let hidden = rule.suppress([CountColumn(name: "population", unit: .people, values: values, hasPublishedTotals: true)], groups: groups)[0]
        #expect(hidden.cells == [.primary, nil, .secondary, nil, .secondary, nil, .primary])
        // The attack: group 0's total minus its shown cells gives 7 + 25 = 32, not 7.
        let shown0 = 300.0, total0 = 332.0
        #expect(total0 - shown0 != 7)
        #expect(recoverable(values, hidden: hidden.cells, groups: groups).isEmpty)
    }

    /// A group whose only other members are zero cannot be complemented inside: its total is
    /// hidden, and so is another group's total (with two of its cells), so that the grand total
    /// cannot give it back either.
    @Test func aGroupThatCannotBeComplementedHidesItsTotal() {
        let values: [Double?] = [6, 0, 100, 200, 300]
        let groups = [0, 0, 1, 1, 1]
        let hidden = rule.suppress([CountColumn(name: "population", unit: .people, values: values, hasPublishedTotals: true)], groups: groups)[0]
        #expect(hidden.cells == [.primary, nil, .secondary, .secondary, nil])
        #expect(hidden.groupTotals == [0: .primary, 1: .secondary])
        #expect(hidden.grandTotal == nil)
        // One group only: the grand total is the group total, and is hidden.
        let alone = rule.suppress([CountColumn(name: "population", unit: .people, values: [6, 0], hasPublishedTotals: true)])[0]
        #expect(alone.grandTotal == .primary)
    }

    /// A territory whose population the summary publishes is a set of rows too: its lone hidden
    /// member gets a complement inside it, even when the table's own total is already protected.
    @Test func aTerritoryNeverKeepsALoneHiddenMember() {
        let values: [Double?] = [5, 500, 50, 600]
        let hidden = rule.suppress([CountColumn(name: "population", unit: .people, values: values, hasPublishedTotals: true)], otherTotals: [[0, 1]])[0]
        #expect(hidden.cells == [.primary, .secondary, .secondary, nil])
        #expect(hidden.otherTotals.isEmpty)
        let alone = rule.suppress([CountColumn(name: "population", unit: .people, values: values, hasPublishedTotals: true)], otherTotals: [[0]])[0]
        #expect(alone.otherTotals == [0: .secondary], "a territory of one small commune has its total hidden")
    }

    /// The row's other people columns are hidden with its population (a covered population
    /// equal to the population would give it back).
    @Test func peopleColumnsOfAHiddenRowAreHidden() {
        let population = CountColumn(name: "population", unit: .people, values: [8, 40, 900], hasPublishedTotals: true)
        let covered = CountColumn(name: "population_in_territory", unit: .people, values: [8, 40, 0], hasPublishedTotals: true)
        let hidden = rule.suppress([population, covered])
        #expect(hidden[0].cells == [.primary, .secondary, nil])
        #expect(hidden[1].cells == [.primary, .secondary, nil])
    }

    /// Property, on seeded random tables: no published cell is under a threshold, and no hidden
    /// value equals its group's (or a territory's) published total minus its shown members (nor
    /// a hidden group total the grand total minus the shown group totals).
    @Test func noPublishedTotalGivesBackAHiddenCell() {
        let seed = UInt64(ProcessInfo.processInfo.environment["GEOHEALTH_SEED"] ?? "") ?? 20261127
        print("SecrecyRuleTests seed \(seed) (rerun with GEOHEALTH_SEED=\(seed))")
        var rng = SeededGenerator(seed: seed)
        for trial in 0..<2000 {
            let rows = 1 + Int(rng.next() % 12), groupCount = 1 + Int(rng.next() % 4)
            let values: [Double?] = (0..<rows).map { _ in
                switch rng.next() % 6 { case 0: 0; case 1: nil; case 2, 3: Double(1 + rng.next() % 10); default: Double(rng.next() % 60) }
            }
            let groups = (0..<rows).map { _ in Int(rng.next() % UInt64(groupCount)) }
            let grouped = rng.next() % 2 == 0 ? groups : nil
            // Territories: up to two overlapping sets of rows whose totals are published too.
            let territories = (0..<Int(rng.next() % 3)).map { _ in (0..<rows).filter { _ in rng.next() % 2 == 0 } }
            let hidden = rule.suppress([CountColumn(name: "population", unit: .people, values: values, hasPublishedTotals: true)],
                                       groups: grouped, otherTotals: territories)[0]
            let label = "trial \(trial) (seed \(seed)): values \(values), groups \(String(describing: grouped)), territories \(territories), hidden \(hidden)"
            for r in 0..<rows where hidden.cells[r] == nil { #expect(!rule.isSecret(values[r] ?? 0, unit: .people), "\(label)") }
            #expect(recoverable(values, hidden: hidden.cells, groups: grouped, totals: hidden).isEmpty, "\(label)")
            for (k, set) in territories.enumerated() where hidden.otherTotals[k] == nil {
                let lone = set.filter { hidden.cells[$0] != nil && (values[$0] ?? 0) > 0 }
                #expect(lone.count != 1, "territory \(k) gives back row \(lone): \(label)")
            }
        }
    }

    /// The rows whose hidden value a published total gives back: for each group whose total is
    /// published, total − shown members when exactly that one cell's value; then the same over
    /// the group totals and the grand total.
    func recoverable(_ values: [Double?], hidden: [SuppressionReason?], groups: [Int]?, totals: ColumnSuppression? = nil) -> [Int] {
        let g = groups ?? Array(repeating: 0, count: values.count)
        var found: [Int] = []
        let ids = Set(g).sorted()
        var groupTotal: [Int: Double] = [:]
        for id in ids {
            let members = values.indices.filter { g[$0] == id }
            let total = members.reduce(0.0) { $0 + (values[$1] ?? 0) }
            groupTotal[id] = total
            let published = groups == nil ? totals?.grandTotal == nil : totals?.groupTotals[id] == nil
            guard published else { continue }
            let difference = total - members.filter { hidden[$0] == nil }.reduce(0.0) { $0 + (values[$1] ?? 0) }
            let hiddenPositive = members.filter { hidden[$0] != nil && (values[$0] ?? 0) > 0 }
            if hiddenPositive.count == 1 && difference == values[hiddenPositive[0]] { found.append(hiddenPositive[0]) }
        }
        // A hidden total whose members are all shown is their sum: hidden for nothing.
        for id in ids where (totals?.groupTotals[id] != nil) && groupTotal[id]! > 0 {
            if !values.indices.contains(where: { g[$0] == id && hidden[$0] != nil && (values[$0] ?? 0) > 0 }) { found.append(-100 - id) }
        }
        guard groups != nil, let totals, totals.grandTotal == nil else { return found }
        let hiddenTotals = ids.filter { totals.groupTotals[$0] != nil && groupTotal[$0]! > 0 }
        if hiddenTotals.count == 1 { found.append(-1 - hiddenTotals[0]) }
        return found
    }
}
