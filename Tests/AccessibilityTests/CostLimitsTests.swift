import Accessibility
import GeoCore
import Testing

/// `costs(from:to:maxMinutes:below:)` of every model that cuts rows as it builds them gives the
/// full matrix cut afterwards (`keeping(below:)`), kilometres included: random points, limits
/// of 0, whole minutes (ties with entries), fractions and infinity.
@Suite struct CostLimitsTests {
    @Test func rowsCutAsTheyAreBuiltEqualTheFullMatrixCut() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SeededGenerator(seed: seed)
        for round in 0..<30 {
            let n = Int.random(in: 1...60, using: &rng), d = Int.random(in: 1...40, using: &rng)
            let origins = CostPoints(
                metric: (0..<n).map { _ in Coordinate(x: rng.nextUnit() * 80_000, y: rng.nextUnit() * 80_000) }, ids: (0..<n).map { "o\($0)" })
            let sites = CostPoints(
                metric: (0..<d).map { _ in Coordinate(x: rng.nextUnit() * 80_000, y: rng.nextUnit() * 80_000) }, ids: (0..<d).map { "s\($0)" })
            let limits: [Double] = (0..<n).map { _ in
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: .infinity
                case 1: 0
                case 2: Double(Int.random(in: 1...60, using: &rng))
                default: rng.nextUnit() * 60
                }
            }
            let straight = StraightLineModel()
            let own = Dictionary(uniqueKeysWithValues: (0..<d).filter { _ in rng.nextUnit() < 0.3 }.map { ("s\($0)", "o\(Int.random(in: 0..<n, using: &rng))") })
            let delays = Dictionary(uniqueKeysWithValues: (0..<d).map { ("s\($0)", Double(Int.random(in: 0...10, using: &rng))) })
            let models: [any TravelCostModel] = [
                straight, IntraAreaModel(base: straight, areaOfSite: own), StartupDelayModel(base: straight, delays: delays),
                StartupDelayModel(base: IntraAreaModel(base: straight, areaOfSite: own), delays: delays),
            ]
            for (m, model) in models.enumerated() {
                let maxMinutes = Double(Int.random(in: 5...60, using: &rng))
                let cut = try model.costs(from: origins, to: sites, maxMinutes: maxMinutes, below: limits)
                let full = try model.costs(from: origins, to: sites, maxMinutes: maxMinutes)
                #expect(cut == full.keeping(below: limits), "seed \(seed), round \(round), model \(m)")
                #expect(full.keeping(below: Array(repeating: .infinity, count: n)) == full)
            }
        }
    }
}
