import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// The DREES APL with its official 2022 parameters on a grid small enough to compute by hand:
/// three communes, five GPs, times from an OD matrix (so that every weight is exact).
@Suite struct APLTests {
    static func square(_ x: Double) -> Geometry {
        let (x0, y0) = (2.0 + x * 0.05, 46.0)
        return .polygon(Polygon(exterior: [Coordinate(x: x0, y: y0), Coordinate(x: x0 + 0.04, y: y0), Coordinate(x: x0 + 0.04, y: y0 + 0.04), Coordinate(x: x0, y: y0 + 0.04), Coordinate(x: x0, y: y0)]))
    }

    /// A: 100 aged 0–4 and 100 aged 90+; B: 1,000 aged 40–44; C: 500 aged 70–74.
    /// GPs: g1 in A, 5,000 consultations (as is); g2 in A, 200 (below the floor: 0); g3 in B,
    /// 7,000 (capped: 6,000); g4 in C, new this year (5,400); g5 in C, a centre de santé, 9,000 (uncapped).
    static func study() -> Study {
        func area(_ id: String, _ x: Double, _ ages: [String: Double]) -> Area {
            Area(id: id, name: id, geometry: square(x), population: ages.values.reduce(0, +), populationByAge: ages)
        }
        func gp(_ id: String, _ x: Double, _ kind: String, _ activity: String, new: Bool = false) -> Site {
            Site(id: id, kind: SiteKind(kind), location: Coordinate(x: 2.02 + x * 0.05, y: 46.02),
                 attributes: Properties([("activity", .string(activity)), ("new_practitioner", .string(new ? "1" : "0"))]))
        }
        return Study(
            areas: [area("A", 0, ["00_04": 100, "90_plus": 100]), area("B", 1, ["40_44": 1_000]), area("C", 2, ["70_74": 500])],
            sites: [gp("g1", 0, "gp", "5000"), gp("g2", 0, "gp", "200"), gp("g3", 1, "gp", "7000"), gp("g4", 2, "gp", "", new: true), gp("g5", 2, "centre", "9000")])
    }

    /// Minutes: 0–10 weigh 1, 10–15 weigh 2/3, 15–20 weigh 1/3, beyond 20 nothing.
    static let od = """
        origin,destination,minutes
        A,g1,0
        A,g2,0
        A,g3,12
        A,g4,25
        A,g5,25
        B,g1,12
        B,g2,12
        B,g3,0
        B,g4,16
        B,g5,16
        C,g1,25
        C,g3,16
        C,g4,3
        C,g5,3

        """

    /// The APL of `study` with the default (2022) parameters and the times of ``od``.
    static func apl(_ study: Study) throws -> AccessAnalysis {
        try Fixtures.withTemporaryDirectory { dir in
            let od = dir.appendingPathComponent("od.csv")
            try Self.od.write(to: od, atomically: true, encoding: .utf8)
            var options = AccessAnalysis.Options()
            options.method = .apl
            options.cost.kind = .matrix
            options.cost.od = od
            return try AccessAnalysis.run(study, options: options)
        }
    }

    @Test func officialParametersOnAHandComputedGrid() throws {
        let a = try Self.apl(Self.study())
        // Demand, DREES 2022 weights: 0–4 0.93, 90+ 2.39, 40–44 0.90, 70–74 1.52.
        let dA = 100 * 0.93 + 100 * 2.39, dB = 1_000 * 0.90, dC = 500 * 1.52
        #expect(a.demand == [dA, dB, dC])
        // Supply under the DREES activity rules.
        #expect(a.supply == [5_000, 0, 6_000, 5_400, 9_000])
        // Ratios Rⱼ = Sⱼ / Σᵢ Dᵢ W(tᵢⱼ).
        let r1 = 5_000 / (dA + dB * 2 / 3), r2 = 0.0
        let r3 = 6_000 / (dA * 2 / 3 + dB + dC / 3)
        let r4 = 5_400 / (dB / 3 + dC), r5 = 9_000 / (dB / 3 + dC)
        // Access Aᵢ = Σⱼ Rⱼ W(tᵢⱼ), consultations per standardised inhabitant per year.
        let expected = [r1 + r2 + r3 * 2 / 3, (r1 + r2) * 2 / 3 + r3 + (r4 + r5) / 3, r3 / 3 + r4 + r5]
        for (got, want) in zip(a.access, expected) { #expect(abs(got - want) < 1e-12, "\(got) vs \(want)") }
        // The numbers themselves, worked out on paper: 8.2746, 12.4695, 15.0398.
        #expect(abs(a.access[0] - 8.2746) < 1e-4 && abs(a.access[1] - 12.4695) < 1e-4 && abs(a.access[2] - 15.0398) < 1e-4)
        // All the supply that reaches someone is delivered.
        let delivered = zip(a.access, a.demand).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(delivered - 25_400) < 1e-9)
        #expect(a.summary["unit"] == .string("consultations per standardised inhabitant per year"))
        #expect(a.summary["population_under_served"] == .number(0))
    }

    @Test func withoutAnActivityColumnTheCapacityIsTheSupplyAndSaidSo() throws {
        var study = Self.study()
        for i in study.sites.indices { study.sites[i].attributes = Properties(); study.sites[i].capacity = 1 }
        let a = try Self.apl(study)
        #expect(a.supply == [1, 1, 1, 1, 1])
        #expect(a.summary["supply_rule"]?.stringValue?.contains("not applied") == true)
    }

    /// Without an activity column the supply is GPs, not consultations: the values are GPs per
    /// standardised inhabitant (worked out here by hand), the unit says so, and the zonage's
    /// 2.5 consultations threshold is not applied (it would call everyone under-served).
    @Test func withoutActivityTheUnitIsGPsAndNoThresholdApplies() throws {
        var study = Self.study()
        for i in study.sites.indices { study.sites[i].attributes = Properties() }
        let a = try Self.apl(study)
        let dA = 100 * 0.93 + 100 * 2.39, dB = 1_000 * 0.90, dC = 500 * 1.52
        let r12 = 1 / (dA + dB * 2 / 3), r3 = 1 / (dA * 2 / 3 + dB + dC / 3), r45 = 1 / (dB / 3 + dC)
        let expected = [2 * r12 + r3 * 2 / 3, 2 * r12 * 2 / 3 + r3 + 2 * r45 / 3, r3 / 3 + 2 * r45]
        for (got, want) in zip(a.access, expected) { #expect(abs(got - want) < 1e-12, "\(got) vs \(want)") }
        #expect(a.supplyUnit == .sites)
        let unit = try #require(a.summary["unit"]?.stringValue)
        #expect(unit.hasPrefix("sites per standardised inhabitant (no activity column: not consultations") && !unit.hasPrefix("consultations"), "\(unit)")
        #expect(a.summary["under_served_below"] == nil && a.summary["population_under_served"] == nil)
        // With capacities (FTE), the unit is the capacity; still no threshold.
        for i in study.sites.indices { study.sites[i].capacity = 0.5 }
        let fte = try Self.apl(study)
        #expect(fte.supplyUnit == .capacity && fte.summary["unit"]?.stringValue?.hasPrefix("site capacity per standardised inhabitant") == true)
        #expect(fte.summary["population_under_served"] == nil)
        // With the activity column: consultations, and the 2.5 threshold of the zonage.
        let consultations = try Self.apl(Self.study())
        #expect(consultations.supplyUnit == .consultations(field: "activity"))
        #expect(consultations.summary["unit"] == .string("consultations per standardised inhabitant per year"))
        #expect(consultations.summary["under_served_below"] == .number(2.5) && consultations.summary["population_under_served"] == .number(0))
    }

    @Test func aBadActivityNamesTheSite() throws {
        var study = Self.study()
        study.sites[2].attributes["activity"] = .string("beaucoup")
        let e = try #require(throws: ParameterError.self) { try Self.apl(study) }
        #expect(e.description.contains("site g3") && e.description.contains("beaucoup"))
    }
}
