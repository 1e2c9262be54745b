import Accessibility
import Foundation
import GeoCore
import Testing

/// A draw over the widened matrix against ``FloatingCatchment`` run on the matrix, bands and
/// supply the draw stands for, built independently.
@Suite struct DrawnCatchmentTests {
    /// A seeded random matrix: `origins` rows, each with entries to random sites within `bound`.
    static func matrix(seed: UInt64, origins: Int = 60, sites: Int = 12, bound: Double) -> CostMatrix {
        var g = SeededGenerator(seed: seed)
        let rows = (0..<origins).map { _ in
            (0..<sites).filter { _ in g.nextUnit() < 0.5 }.map { CostMatrix.Entry(destination: $0, minutes: (g.nextUnit() * bound * 100).rounded() / 100) }
        }
        return CostMatrix(destinationCount: sites, maxMinutes: bound, rows: rows)
    }

    /// The matrix with every time through `transform`, kept when at most `bound`.
    static func transformed(_ m: CostMatrix, bound: Double, _ transform: (Int, Double) -> Double) -> CostMatrix {
        let rows = (0..<m.originCount).map { o in
            m.row(o).map { CostMatrix.Entry(destination: $0.destination, minutes: transform($0.destination, $0.minutes)) }.filter { $0.minutes <= bound }
        }
        return CostMatrix(destinationCount: m.destinationCount, maxMinutes: bound, rows: rows)
    }

    static func inputs(seed: UInt64) -> (demand: [Double], supply: [Double]) {
        var g = SeededGenerator(seed: seed &+ 1)
        return ((0..<60).map { _ in g.nextUnit() < 0.1 ? 0 : (g.nextUnit() * 5_000).rounded() }, (0..<12).map { _ in 1 + (g.nextUnit() * 9).rounded() })
    }

    @Test func theStatedDrawIsTheIndexBitForBit() {
        for seed: UInt64 in 1...5 {
            let wide = Self.matrix(seed: seed, bound: 45)
            let (demand, supply) = Self.inputs(seed: seed)
            let stated = Self.transformed(wide, bound: 30) { $1 }
            var scratch: [Double] = []
            let drawn = DrawnCatchment(costs: wide, startup: nil, catchment: 30, decay: .luoQi, selection: false)
                .access(UncertainDraw(), demand: demand, supply: supply, weights: &scratch)
            #expect(drawn == FloatingCatchment.twoStep(stated, demand: demand, supply: supply, decay: .luoQi).access, "seed \(seed)")
            let three = DrawnCatchment(costs: wide, startup: nil, catchment: 30, decay: .gaussianDai(radius: 30), selection: true)
                .access(UncertainDraw(), demand: demand, supply: supply, weights: &scratch)
            let reference = FloatingCatchment.threeStep(stated, demand: demand, supply: supply, decay: .gaussianDai(radius: 30)).access
            #expect(zip(three, reference).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }, "3SFCA, seed \(seed)")
        }
    }

    /// Catchment × 1.2 = the bands' limits × 1.2; γ = 2 = the weights squared; time factor
    /// 0.8 (speed 1.25) = the times × 0.8; a start-up delay is kept out of the scaling (the
    /// activity and population factors are the caller's: ``GapDrawModel`` multiplies supply and demand).
    @Test func aDrawIsTheIndexOfWhatItStandsFor() {
        let bands: [DistanceDecay.Band] = [.init(upTo: 10, weight: 1), .init(upTo: 20, weight: 0.68), .init(upTo: 30, weight: 0.22)]
        for seed: UInt64 in 1...5 {
            let wide = Self.matrix(seed: seed, bound: 60)
            let (demand, supply) = Self.inputs(seed: seed)
            var draw = UncertainDraw()
            draw.catchment = 1.2
            draw.decay = 2
            draw.speed = 1.25
            let startup = (0..<12).map { Double($0 % 3) * 4 }
            var scratch: [Double] = []
            let drawn = DrawnCatchment(costs: wide, startup: startup, catchment: 30, decay: .steps(bands), selection: false)
                .access(draw, demand: demand, supply: supply, weights: &scratch)
            let scaled = DistanceDecay.steps(bands.map { .init(upTo: $0.upTo * 1.2, weight: $0.weight * $0.weight) })
            let times = Self.transformed(wide, bound: 36) { j, t in (t - startup[j]) * 0.8 + startup[j] }
            let reference = FloatingCatchment.twoStep(times, demand: demand, supply: supply, decay: scaled).access
            #expect(zip(drawn, reference).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }, "seed \(seed)")
        }
    }

    /// The widest draw (largest catchment, fastest speed, shortest detour), with start-up
    /// delays, over a matrix cut at the bound gives what it gives over a matrix three times
    /// wider; cut just below the bound, it loses entries and changes.
    @Test func theBoundHoldsTheWidestDraw() {
        let r = UncertaintyRanges.defaults
        var widest = UncertainDraw()
        widest.catchment = r.catchment.upperBound
        widest.speed = r.speed.upperBound
        widest.detour = r.detour.lowerBound
        let bound = DrawnCatchment.bound(catchment: 20, ranges: r, withDetour: true)
        for seed: UInt64 in 1...5 {
            let wide = Self.matrix(seed: seed, bound: 3 * bound)
            let (demand, supply) = Self.inputs(seed: seed)
            let startup = (0..<12).map { Double($0 % 4) * 3 }
            var scratch: [Double] = []
            func access(_ m: CostMatrix) -> [Double] {
                DrawnCatchment(costs: m, startup: startup, catchment: 20, decay: .dreesGeneralPractitioners, selection: false)
                    .access(widest, demand: demand, supply: supply, weights: &scratch)
            }
            let reference = access(wide)
            #expect(access(Self.transformed(wide, bound: bound) { $1 }) == reference, "seed \(seed)")
            #expect(access(Self.transformed(wide, bound: 0.9 * bound) { $1 }) != reference, "seed \(seed): a shorter bound loses entries")
        }
    }

    @Test func populationFactorsFollowTheCodeAndStayInTheirRange() {
        var draw = UncertainDraw()
        #expect(draw.populationFactor(key: UncertainDraw.key("23001")) == 1)
        draw.populationSeed = 42
        draw.populationHalfWidth = 0.03
        let codes = (1...2_000).map { String(format: "23%03d", $0) }
        let factors = codes.map { draw.populationFactor(key: UncertainDraw.key($0)) }
        #expect(factors.allSatisfy { $0 >= 0.97 && $0 <= 1.03 })
        #expect(abs(factors.reduce(0, +) / 2_000 - 1) < 0.002)
        draw.populationSeed = 43
        #expect(codes.map { draw.populationFactor(key: UncertainDraw.key($0)) } != factors)
    }

    @Test func rangesParseAndSayWhatIsWrong() throws {
        let r = try UncertaintyRanges.parse("catchment=0.7:1.3, population=0.05,speed=1:1")
        #expect(r.catchment == 0.7...1.3 && r.population == 0.05 && r.speed == 1...1 && r.decay == UncertaintyRanges.defaults.decay)
        #expect(try UncertaintyRanges.parse(UncertaintyRanges.defaults.text) == .defaults)
        for bad in ["catchment=1.3:0.7", "speed", "walking=1:2", "decay=0:2", "population=1", "detour=a:b"] {
            #expect(throws: UncertaintyRanges.ParseError.self, "\(bad)") { try UncertaintyRanges.parse(bad) }
        }
        #expect((try? UncertaintyRanges.parse("walking=1:2")) == nil)
    }
}
