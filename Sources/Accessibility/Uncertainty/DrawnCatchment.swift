/// The floating-catchment index of one draw (``UncertainDraw``) over the cost matrix of the
/// stated times, computed once at the widest bound any draw needs (``bound(catchment:ranges:withDetour:)``).
///
/// A draw changes the times, the catchment, the weights and the supply, never the matrix:
/// tᵢⱼ' = (tᵢⱼ − sⱼ) f + sⱼ (f the draw's time factor, sⱼ the site's start-up delay), within the
/// catchment C c, with the weight W(tᵢⱼ' / c)^γ (the bands' limits scaled by c, their weights
/// raised to γ); then the formulas of ``FloatingCatchment`` (2SFCA, or 3SFCA with `selection`)
/// with the draw's demand and supply. The stated draw on a matrix bounded by the catchment
/// gives ``FloatingCatchment/twoStep(_:demand:supply:decay:)``'s access bit for bit.
public struct DrawnCatchment: Sendable {
    let costs: CostMatrix
    let startup: [Double]?
    let catchment: Double
    let decay: DistanceDecay
    let selection: Bool

    /// The index over `costs` (bounded by at least ``bound(catchment:ranges:withDetour:)``),
    /// with per destination its start-up delay `startup` (nil: none), the stated `catchment`
    /// in minutes and `decay`, 3SFCA's selection weights when `selection`.
    public init(costs: CostMatrix, startup: [Double]?, catchment: Double, decay: DistanceDecay, selection: Bool) {
        precondition(startup == nil || startup!.count == costs.destinationCount)
        self.costs = costs
        self.startup = startup
        self.catchment = catchment
        self.decay = decay
        self.selection = selection
    }

    /// The bound the matrix needs for every draw of `ranges`: the widest catchment over the
    /// lowest time factor (a start-up delay only lowers it: (C c − s) / f + s ≤ C c / f for f ≤ 1).
    public static func bound(catchment: Double, ranges: UncertaintyRanges, withDetour: Bool) -> Double {
        catchment * ranges.catchment.upperBound / min(1, ranges.lowestTimeFactor(withDetour: withDetour))
    }

    /// Per origin its access Aᵢ for the draw, with per origin its `demand` and per destination
    /// its `supply` (the draw's: the caller applies the population and activity factors);
    /// `weights` is scratch space, reused across calls.
    public func access(_ draw: UncertainDraw, demand: [Double], supply: [Double], weights: inout [Double]) -> [Double] {
        precondition(demand.count == costs.originCount && supply.count == costs.destinationCount)
        fillWeights(draw, into: &weights)
        var denominator = [Double](repeating: 0, count: costs.destinationCount)
        for o in 0..<costs.originCount where demand[o] > 0 {
            let d = demand[o]
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] { denominator[Int(costs.destinations[k])] += d * weights[k] }
        }
        let ratios = zip(supply, denominator).map { s, d in d > 0 ? s / d : 0 }
        var access = [Double](repeating: 0, count: costs.originCount)
        for o in 0..<costs.originCount {
            var a = 0.0
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] { a += ratios[Int(costs.destinations[k])] * weights[k] }
            access[o] = a
        }
        return access
    }

    /// Every entry's weight in the draw: W(t'/c)^γ within C c, 0 beyond; for 3SFCA times its
    /// selection weight Gᵢⱼ = W / Σₖ W of the row (so that both steps multiply by one number).
    func fillWeights(_ draw: UncertainDraw, into weights: inout [Double]) {
        let n = costs.entryCount
        if weights.count != n { weights = [Double](repeating: 0, count: n) }
        let weight = DrawWeight(decay: decay, catchment: catchment, draw: draw)
        let f = draw.timeFactor
        if let startup {
            for k in 0..<n {
                let s = startup[Int(costs.destinations[k])]
                weights[k] = weight((costs.minutes[k] - s) * f + s)
            }
        } else {
            for k in 0..<n { weights[k] = weight(costs.minutes[k] * f) }
        }
        guard selection else { return }
        for o in 0..<costs.originCount {
            let range = costs.rowStart[o]..<costs.rowStart[o + 1]
            let total = weights[range].reduce(0, +)
            for k in range { weights[k] = total > 0 ? weights[k] * (weights[k] / total) : 0 }
        }
    }
}

/// W(t'/c)^γ within the draw's catchment C c: the step weights' limits and powers worked out
/// once per draw, a continuous decay raised per entry.
struct DrawWeight {
    let decay: DistanceDecay
    let limit: Double
    let scale: Double
    let gamma: Double
    let steps: [(upTo: Double, weight: Double)]

    init(decay: DistanceDecay, catchment: Double, draw: UncertainDraw) {
        self.decay = decay
        limit = catchment * draw.catchment
        scale = draw.catchment
        gamma = draw.decay
        if case .steps(let bands) = decay {
            steps = bands.map { b in (b.upTo * draw.catchment, draw.decay == 1 || b.weight <= 0 ? b.weight : pow(b.weight, draw.decay)) }
        } else {
            steps = []
        }
    }

    @inline(__always)
    func callAsFunction(_ t: Double) -> Double {
        guard t <= limit else { return 0 }
        switch decay {
        case .uniform: return 1
        case .steps:
            for s in steps where t <= s.upTo { return s.weight }
            return 0
        default:
            let w = decay.weight(t / scale)
            return gamma == 1 || w <= 0 ? w : pow(w, gamma)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DrawnCatchment {
    /// Whether every weight is 1 (2SFCA): the decay's exponent then changes nothing.
    public var decayIsUniform: Bool { decay == .uniform }
}
