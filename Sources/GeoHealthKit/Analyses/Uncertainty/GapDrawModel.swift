import Accessibility
import Foundation
import GeoCore
import Inequality

/// The gap rules of one study, ready to be re-applied draw after draw (``GapUncertainty``):
/// the stated travel times to each commune's nearest site, the cost matrix of the access rule
/// at the widest bound a draw needs, and the rules that are not redrawn.
struct GapDrawModel: Sendable {
    /// The travel rule: per reported commune, the sites that can be its nearest in some draw
    /// (empty: none within the search bound, unreachable in every draw), each as its stated
    /// minutes and its start-up delay; and the rule's limit.
    struct Travel: Sendable {
        var candidates: [[(minutes: Double, startup: Double)]]
        var limit: Double

        /// Reported commune `k`'s minutes to its nearest site in `draw` (nil: unreachable): the
        /// least of its candidates' (t − s) f + s.
        func minutes(_ k: Int, _ draw: UncertainDraw) -> Double? {
            candidates[k].lazy.map { draw.minutes($0.minutes, startup: $0.startup) }.min()
        }
    }

    /// The access drawn: the index over the widened matrix, every loaded commune's stated demand,
    /// each chosen site's supply, the access rule's threshold (nil: access is drawn for its
    /// percentiles and Gini only) and the `per` factor.
    struct Access: Sendable {
        var catchment: DrawnCatchment
        var demand: [Double]
        var supply: [Double]
        var below: Double?
        var per: Double
        /// Whether its times are straight lines (the detour is drawn).
        var straightLine: Bool
    }

    var names: [String]
    var combineAll: Bool
    /// The rules not redrawn (`outside-cpts`, `low-low`), per reported commune.
    var fixed: [String: [Bool]]
    /// Per reported commune: its index among the loaded ones, its population and its key.
    var reported: [Int]
    var population: [Double]
    /// Per loaded commune: ``Accessibility/UncertainDraw/key(_:)`` of its code.
    var keys: [UInt64]
    var travel: Travel?
    var access: Access?
    /// The parameters a draw changes, in ``Accessibility/UncertaintyRanges/Parameter`` order.
    var parameters: [UncertaintyRanges.Parameter]

    /// Whether `p` can move the gap rules (hence the under-served population): the catchment,
    /// decay and activity only through an `access` rule (an access drawn without one moves only
    /// the Gini of access), the speed and detour through either rule, the population always
    /// (it weighs the count).
    func movesTheRules(_ p: UncertaintyRanges.Parameter) -> Bool {
        let accessRule = access?.below != nil
        switch p {
        case .catchment, .decay, .activity: return accessRule
        case .speed, .detour: return accessRule || travel != nil
        case .population: return true
        }
    }

    /// One draw's outcome: per reported commune its access (with the access rule) and whether it
    /// is under-served; the under-served population and the Gini of access (with the access rule).
    struct Outcome {
        var access: [Double]?
        var underServed: [Bool]
        var population: Double
        var gini: Double?
    }

    /// The rules re-applied under `draw`; `scratch` is the kernel's reusable weight storage.
    func evaluate(_ draw: UncertainDraw, scratch: inout [Double]) -> Outcome {
        let accessValues = access.map { a in accessOfReported(a, draw, scratch: &scratch) }
        let under = underServed(draw, access: accessValues)
        var people = 0.0
        var weights = [Double](repeating: 0, count: reported.count)
        for (k, i) in reported.enumerated() {
            weights[k] = population[k] * draw.populationFactor(key: keys[i])
            if under[k] { people += weights[k] }
        }
        let gini = accessValues.flatMap { try? WeightedValues($0, weights: weights).gini() }
        return Outcome(access: accessValues, underServed: under, population: people, gini: gini)
    }

    /// The access of the reported communes in the draw (times `per`).
    func accessOfReported(_ a: Access, _ draw: UncertainDraw, scratch: inout [Double]) -> [Double] {
        let demand = a.demand.indices.map { a.demand[$0] * draw.populationFactor(key: keys[$0]) }
        let supply = a.supply.map { $0 * draw.activity }
        let all = a.catchment.access(draw, demand: demand, supply: supply, weights: &scratch)
        return reported.map { all[$0] * a.per }
    }

    /// Per reported commune, whether the rules (redrawn and fixed, combined by any or all) hold
    /// in the draw, given its access there.
    func underServed(_ draw: UncertainDraw, access values: [Double]?) -> [Bool] {
        (0..<reported.count).map { k in
            let holds = names.map { name -> Bool in
                switch name {
                case "travel":
                    guard let travel, let t = travel.minutes(k, draw) else { return true }
                    return t > travel.limit
                case "access": return values![k] < access!.below!
                default: return fixed[name]![k]
                }
            }
            return combineAll ? holds.allSatisfy { $0 } : holds.contains(true)
        }
    }
}
