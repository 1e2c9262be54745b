import Accessibility
import GeoCore
import GeoHealthTestSupport
import Testing

@Suite struct FloatingCatchmentTests {
    /// Origins × sites with every pair at `minutes`.
    func everyoneReachesEveryone(origins: Int, sites: Int, minutes: Double = 5) -> CostMatrix {
        CostMatrix(destinationCount: sites, maxMinutes: 30, rows: (0..<origins).map { _ in (0..<sites).map { CostMatrix.Entry(destination: $0, minutes: minutes) } })
    }

    @Test func uniformCaseHasTheClosedFormRatio() {
        // Everyone reaches everyone: every commune's access is total supply / total demand.
        let m = everyoneReachesEveryone(origins: 4, sites: 3)
        let r = FloatingCatchment.twoStep(m, demand: [100, 200, 300, 400], supply: [2, 3, 5])
        for a in r.access { #expect(abs(a - 10.0 / 1000) < 1e-15) }
        #expect(r.ratios.map { $0! } == [0.002, 0.003, 0.005])
    }

    @Test func supplyIsConservedAndScalesLinearly() {
        let seed: UInt64 = 77
        var rng = SeededGenerator(seed: seed)
        let origins = 60, sites = 12
        let rows = (0..<origins).map { _ in (0..<sites).compactMap { d -> CostMatrix.Entry? in
            let t = rng.nextUnit() * 40
            return t <= 30 ? CostMatrix.Entry(destination: d, minutes: t) : nil
        } }
        let m = CostMatrix(destinationCount: sites, maxMinutes: 30, rows: rows)
        let demand = (0..<origins).map { _ in rng.nextUnit() * 1000 }
        let supply = (0..<sites).map { _ in 1 + rng.nextUnit() * 9 }
        for decay in [DistanceDecay.uniform, .dreesGeneralPractitioners, .gaussian(sigma: 10), .gaussianDai(radius: 30), .exponential(beta: 0.1), .linear(radius: 30), .power(beta: 1.5)] {
            for three in [false, true] {
                let r = three ? FloatingCatchment.threeStep(m, demand: demand, supply: supply, decay: decay) : FloatingCatchment.twoStep(m, demand: demand, supply: supply, decay: decay)
                let reached = r.ratios.indices.filter { r.ratios[$0] != nil }.reduce(0) { $0 + supply[$1] }
                let delivered = zip(r.access, demand).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(delivered - reached) / reached < 1e-12, "seed \(seed), \(decay), 3SFCA \(three)")
                let doubled = three ? FloatingCatchment.threeStep(m, demand: demand, supply: supply.map { $0 * 2 }, decay: decay) : FloatingCatchment.twoStep(m, demand: demand, supply: supply.map { $0 * 2 }, decay: decay)
                for (a, b) in zip(r.access, doubled.access) { #expect(abs(b - 2 * a) <= 1e-12 * max(1, a), "seed \(seed)") }
            }
        }
    }

    @Test func sitesWithoutDemandAreListedNotDividedByZero() {
        let m = CostMatrix(destinationCount: 2, maxMinutes: 30, rows: [[CostMatrix.Entry(destination: 0, minutes: 3)], []])
        let r = FloatingCatchment.twoStep(m, demand: [0, 50], supply: [4, 6])
        #expect(r.sitesWithoutDemand == [0, 1] && r.access == [0, 0])
        #expect(r.ratios.allSatisfy { $0 == nil })
    }

    @Test func decayFunctions() {
        #expect(DistanceDecay.dreesGeneralPractitioners.weight(10) == 1)
        #expect(abs(DistanceDecay.dreesGeneralPractitioners.weight(12) - 2.0 / 3) < 1e-15)
        #expect(DistanceDecay.dreesGeneralPractitioners.weight(20.5) == 0)
        #expect(DistanceDecay.gaussianDai(radius: 30).weight(0) == 1 && DistanceDecay.gaussianDai(radius: 30).weight(30) == 0)
        #expect(DistanceDecay.linear(radius: 20).weight(5) == 0.75)
        #expect(DistanceDecay.power(beta: 2).weight(4) == 1.0 / 16)
    }

    @Test func zoneRatio() {
        let (ratio, outside) = FloatingCatchment.zoneRatio(demand: [100, 300, 50], originZones: ["a", "a", "b"], supply: [2, 1, 9], siteZones: ["a", "b", nil])
        #expect(ratio["a"]! == 2.0 / 400 && ratio["b"]! == 1.0 / 50 && outside == [2])
    }

    /// The `access` package's own test grid (Tests/reference/pysal.json, provenance inside).
    @Test(arguments: ["2sfca", "e2sfca", "g2sfca", "3sfca"])
    func agreesWithPySALAccess(method: String) throws {
        let ref = try Fixtures.reference("pysal.json")["access"] as! [String: Any]
        let supplyIDs = ref["ids"] as! [Int], demandIDs = ref["demand_ids"] as! [Int]
        let supply = ref["supply"] as! [Double], demand = ref["demand"] as! [Double]
        let siteIndex = Dictionary(uniqueKeysWithValues: supplyIDs.enumerated().map { ($1, $0) })
        let originIndex = Dictionary(uniqueKeysWithValues: demandIDs.enumerated().map { ($1, $0) })
        let bound = method == "2sfca" ? 2.0 : 3.0
        var rows = [[CostMatrix.Entry]](repeating: [], count: demandIDs.count)
        for triple in ref["costs"] as! [[Double]] {
            rows[originIndex[Int(triple[0])]!].append(CostMatrix.Entry(destination: siteIndex[Int(triple[1])]!, minutes: triple[2]))
        }
        let m = CostMatrix(destinationCount: supplyIDs.count, maxMinutes: bound, rows: rows)
        let steps = (ref["steps"] as! [[Double]]).map { DistanceDecay.Band(upTo: $0[0], weight: $0[1]) }
        let result: FloatingCatchment.Result = switch method {
        case "2sfca": FloatingCatchment.twoStep(m, demand: demand, supply: supply)
        case "e2sfca": FloatingCatchment.twoStep(m, demand: demand, supply: supply, decay: .steps(steps))
        case "g2sfca": FloatingCatchment.twoStep(m, demand: demand, supply: supply, decay: .gaussian(sigma: 1.5))
        default: FloatingCatchment.threeStep(m, demand: demand, supply: supply, decay: .gaussian(sigma: 1))
        }
        let expected = (ref["results_by_demand_id"] as! [String: [String: Double]])[method]!
        for (id, want) in expected {
            let got = result.access[originIndex[Int(id)!]!]
            #expect(abs(got - want) <= 1e-12 * max(1, want), "\(method), demand id \(id): \(got) vs PySAL \(want)")
        }
    }
}
