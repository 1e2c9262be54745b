/// The uncertain parameters of an accessibility study and the ranges each is drawn from
/// (`--uncertainty N`, docs/uncertainty.md).
///
/// Every scalar parameter is a factor on the value the study states, drawn uniformly from its
/// range (the decay's exponent log-uniformly, so that halving and doubling are as likely); the
/// population is perturbed commune by commune. The defaults are what a planner can defend
/// without data of their own:
/// - **catchment** × U[0.8, 1.2] on the catchment and every band limit (the bands keep their
///   shape): the DREES APL's 20 minutes against the 15 and 30 minutes of the E2SFCA literature
///   (Luo & Qi 2009; McGrail & Humphreys, Applied Geography 2014, who vary it by rurality).
/// - **decay**: the weights W(t) raised to γ, log-U[0.5, 2] (γ = 1: the stated weights; 2:
///   a steeper fall, 0.5: a flatter one; 0 and 1 stay 0 and 1): a factor of two on the
///   distance-decay's steepness, the spread of the decays fitted across studies (Wang,
///   "Measurement, optimization, and impact of health care accessibility", Environment and
///   Planning B 39, 2012).
/// - **speed** × U[0.85, 1.15] on every speed (times ÷ the factor): free-flow against
///   congested speeds, and the error of a 60 km/h door-to-door mean (Apparicio et al.,
///   "Comparing alternative approaches to measuring the geographical accessibility of urban
///   health services", Int. J. Health Geographics 7, 2008).
/// - **detour** × U[0.9, 1.1] on the straight line's detour factor (times × the factor; the
///   straight line only: roads and matrices have their own routes): detour indices of 1.2–1.4
///   across regions (Boscoe, Henry & Zdeb, "A nationwide comparison of driving distance versus
///   straight-line distance to hospitals", Professional Geographer 64, 2012).
/// - **activity** × U[0.9, 1.1] on every site's supply (a GP's yearly activity, or the
///   capacity): the year-to-year change of the GPs' activity in the DREES series.
/// - **population**: each commune's population (demand) × U[1 − p, 1 + p], p = 0.03,
///   independently: the legal population of year N describes 1 January N − 3, and most
///   communes change by less than 1 % a year (INSEE, populations légales).
public struct UncertaintyRanges: Sendable, Equatable {
    /// A parameter drawn in each draw, by its name in `--uncertainty-ranges` and the tables.
    public enum Parameter: String, Sendable, CaseIterable, Comparable {
        case catchment, decay, speed, detour, activity, population

        /// Declaration order: the order of the tables.
        public static func < (a: Parameter, b: Parameter) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// Factor on the catchment and the band limits.
    public var catchment: ClosedRange<Double> = 0.8...1.2
    /// Exponent γ on the weights, drawn log-uniformly.
    public var decay: ClosedRange<Double> = 0.5...2
    /// Factor on the speeds (times are divided by it).
    public var speed: ClosedRange<Double> = 0.85...1.15
    /// Factor on the straight line's detour factor (times are multiplied by it).
    public var detour: ClosedRange<Double> = 0.9...1.1
    /// Factor on every site's supply.
    public var activity: ClosedRange<Double> = 0.9...1.1
    /// Relative half-width p of each commune's population factor U[1 − p, 1 + p].
    public var population = 0.03

    /// The defaults above.
    public init() {}

    /// The defaults: the one home of the ranges a front end shows.
    public static let defaults = UncertaintyRanges()

    /// The range of a scalar parameter (`population`: [1 − p, 1 + p]).
    public func range(_ p: Parameter) -> ClosedRange<Double> {
        switch p {
        case .catchment: catchment
        case .decay: decay
        case .speed: speed
        case .detour: detour
        case .activity: activity
        case .population: (1 - population)...(1 + population)
        }
    }

    /// The value of `p` at `u` ∈ [0, 1) of its range: uniform, log-uniform for `decay`.
    func value(_ p: Parameter, at u: Double) -> Double {
        let r = range(p)
        guard p == .decay else { return r.lowerBound + u * (r.upperBound - r.lowerBound) }
        return exp(log(r.lowerBound) + u * (log(r.upperBound) - log(r.lowerBound)))
    }

    /// Lowest factor a draw applies to travel times: (lowest detour) ÷ (highest speed).
    public func lowestTimeFactor(withDetour: Bool) -> Double {
        (withDetour ? detour.lowerBound : 1) / speed.upperBound
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
