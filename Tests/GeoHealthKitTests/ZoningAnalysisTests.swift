import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// `geohealth zoning`'s analysis: a hand-computed three-commune case where one added GP moves
/// exactly one commune across 2.5, scenarios that must change nothing, adding GPs never
/// lowering an APL (seeded random cases), retirement by age and by share, refused scenarios.
@Suite struct ZoningAnalysisTests {
    /// A, B, C: 2,000, 2,000 and 1,000 residents (no age columns: raw population). g1 in A,
    /// 4,000 consultations (counted as is); g2 in C, 6,000. Times: A–g1 0, B–g1 12 min (2/3),
    /// C–g2 0; an MSP in B reaches B only (0 min). Nothing else is within 20 minutes.
    static func study() -> Study {
        func area(_ id: String, _ x: Double, _ population: Double) -> Area {
            Area(id: id, name: id, geometry: APLTests.square(x), population: population)
        }
        func gp(_ id: String, _ x: Double, _ activity: String, age: String) -> Site {
            Site(id: id, kind: SiteKind("gp"), location: Coordinate(x: 2.02 + x * 0.05, y: 46.02),
                 attributes: Properties([("activity", .string(activity)), ("age", .string(age))]))
        }
        return Study(areas: [area("A", 0, 2_000), area("B", 1, 2_000), area("C", 2, 1_000)],
                     sites: [gp("g1", 0, "4000", age: "64"), gp("g2", 2, "6000", age: "")])
    }

    static let od = """
        origin,destination,minutes
        A,g1,0
        B,g1,12
        C,g2,0
        B,MSP1-1,0
        B,MSP1-2,0

        """

    static func run(_ scenario: ZoningScenario, study: Study = study()) throws -> ZoningAnalysis {
        try Fixtures.withTemporaryDirectory { dir in
            let od = dir.appendingPathComponent("od.csv")
            try Self.od.write(to: od, atomically: true, encoding: .utf8)
            var options = ZoningAnalysis.Options()
            options.access.cost.kind = .matrix
            options.access.cost.od = od
            options.scenario = scenario
            return try ZoningAnalysis.run(study, options: options)
        }
    }

    static func msp(_ gps: Int, at place: ZoningScenario.Place = .commune("B")) -> ZoningScenario {
        var s = ZoningScenario()
        s.addedPractices = [ZoningScenario.PlannedPractice(place: place, generalPractitioners: gps, name: "MSP de B")]
        return s
    }

    @Test func oneAddedGPMovesExactlyOneCommuneAcross2point5() throws {
        let z = try Self.run(Self.msp(1))
        // Before: R1 = 4,000 / (2,000 + 2,000 × 2/3) = 1.2; A = 1.2, B = 1.2 × 2/3 = 0.8;
        // R2 = 6,000 / 1,000 = 6, C = 6.
        let before = [1.2, 0.8, 6.0]
        // After: the GP counts 5,400 (new practitioner); R = 5,400 / 2,000 = 2.7; B = 0.8 + 2.7 = 3.5.
        let after = [1.2, 3.5, 6.0]
        for (got, want) in zip(z.before.access + z.after.access, before + after) { #expect(abs(got - want) < 1e-12, "\(got) vs \(want)") }
        #expect(z.statusBefore == [.priority, .priority, .outside])
        #expect(z.statusAfter == [.priority, .complementary, .outside])
        #expect(z.transitions.communesMoved == 1 && z.transitions.populationMoved == 2_000)
        #expect(z.transitions.communes[0][1] == 1 && z.transitions.population[0][1] == 2_000)
        #expect(z.after.supply.reduce(0, +) == 4_000 + 6_000 + APLParameters.newPractitionerActivity)
        #expect(z.summary["communes_changed"] == .number(1))
        #expect(z.summary["changed"] == .array([.string("B B: ZIP → ZAC")]))
        let table = z.table
        #expect(table.columns == ["code", "name", "population", "apl_before", "apl_after", "status_before", "status_after", "changed"])
        #expect(table.rows.map { $0[7] } == [.bool(false), .bool(true), .bool(false)])
        // Two GPs: B = 0.8 + 5.4 = 6.2, past 4 as well.
        let two = try Self.run(Self.msp(2))
        #expect(abs(two.after.access[1] - 6.2) < 1e-12 && two.statusAfter[1] == .outside)
    }

    @Test func scenariosThatChangeNothingChangeNothing() throws {
        var share = ZoningScenario()
        share.retireShare = 0
        for scenario in [ZoningScenario(), Self.msp(0), share] {
            let z = try Self.run(scenario)
            #expect(z.before.access == z.after.access)
            #expect(z.statusBefore == z.statusAfter && z.transitions.communesMoved == 0)
        }
    }

    @Test func retirementByAgeAndByShare() throws {
        var byAge = ZoningScenario()
        byAge.retireAge = 62
        let z = try Self.run(byAge)
        // g1 (64) leaves; g2 has no age and stays (counted).
        #expect(z.after.access == [0, 0, 6])
        #expect(z.summary["scenario"].flatMap { if case .object(let p) = $0 { p["gps_without_age"] } else { nil } } == .number(1))
        var byShare = ZoningScenario()
        byShare.retireShare = 0.25
        let s = try Self.run(byShare)
        for (got, want) in zip(s.after.access, s.before.access.map { $0 * 0.75 }) { #expect(abs(got - want) < 1e-12) }
    }

    @Test func refusedScenarios() throws {
        #expect(throws: ParameterError.self) { try Self.run(Self.msp(1, at: .commune("Z"))) }
        #expect(throws: ParameterError.self) { try Self.run(Self.msp(-1)) }
        var remove = ZoningScenario()
        remove.removedSites = ["nope"]
        #expect(throws: ParameterError.self) { try Self.run(remove) }
        var age = ZoningScenario()
        age.retireAge = .nan
        #expect(throws: ParameterError.self) { try Self.run(age) }
        age.retireAge = 62
        age.ageField = "born"
        let e = try #require(throws: ParameterError.self) { try Self.run(age) }
        #expect(e.description.contains("born") && e.description.contains("activity, age"))
        var badAge = Self.study()
        badAge.sites[1].attributes["age"] = .string("old")
        let bad = try #require(throws: ParameterError.self) { try Self.run(age.with(field: "age"), study: badAge) }
        #expect(bad.description.contains("g2") && bad.description.contains("'old'"))
    }

    /// Adding GPs only adds a term Rⱼ W(tᵢⱼ) ≥ 0 to each commune's APL (the other sites' ratios
    /// keep their own supply and demand): no commune's APL falls, on random territories.
    @Test func addingGPsNeverLowersAnyAPL() throws {
        let seed = UInt64(Date().timeIntervalSince1970)
        print("ZoningAnalysisTests.addingGPsNeverLowersAnyAPL seed \(seed)")
        var rng = SeededGenerator(seed: seed)
        for round in 0..<8 {
            var study = Study(areas: [], sites: [])
            for k in 0..<9 {
                let geometry = APLTests.square(Double(k % 3)).translated(dy: Double(k / 3) * 0.05)
                study.areas.append(Area(id: "C\(k)", name: "C\(k)", geometry: geometry, population: Double(100 + Int(rng.nextUnit() * 5_000))))
            }
            for g in 0..<(1 + Int(rng.nextUnit() * 6)) {
                let p = Coordinate(x: 2.0 + rng.nextUnit() * 0.14, y: 46.0 + rng.nextUnit() * 0.14)
                study.sites.append(Site(id: "g\(g)", kind: SiteKind("gp"), location: p,
                                        attributes: Properties([("activity", .string(String(Int(rng.nextUnit() * 8_000))))])))
            }
            var scenario = ZoningScenario()
            let place = Coordinate(x: 2.0 + rng.nextUnit() * 0.14, y: 46.0 + rng.nextUnit() * 0.14)
            scenario.addedPractices = [ZoningScenario.PlannedPractice(place: .point(place), generalPractitioners: 1 + Int(rng.nextUnit() * 4), name: "M")]
            var options = ZoningAnalysis.Options()
            options.scenario = scenario
            let z = try ZoningAnalysis.run(study, options: options)
            for i in z.before.access.indices {
                #expect(z.after.access[i] >= z.before.access[i] - 1e-12, "seed \(seed), round \(round), commune \(i)")
                #expect(z.statusAfter[i] >= z.statusBefore[i], "seed \(seed), round \(round), commune \(i)")
            }
        }
    }
}

extension ZoningScenario {
    fileprivate func with(field: String) -> ZoningScenario {
        var s = self
        s.ageField = field
        return s
    }
}

extension Geometry {
    /// The polygon moved north by `dy` degrees.
    fileprivate func translated(dy: Double) -> Geometry {
        guard case .polygon(let p) = self else { return self }
        return .polygon(Polygon(rings: p.rings.map { $0.map { Coordinate(x: $0.x, y: $0.y + dy) } }))
    }
}
