import Accessibility
import Foundation
import GeoCore

/// How sure a gap is (`geohealth gaps --uncertainty N`, docs/uncertainty.md): the gap rules
/// re-applied under N draws of the uncertain parameters (``Accessibility/UncertaintyRanges``:
/// catchment, decay, speed and detour, activity, population), seeded and reproducible.
///
/// Per commune: the share of draws in which it is under-served, and the 5th and 95th
/// percentiles (``Accessibility/EmpiricalQuantile``) of its travel time and access over the
/// draws; a commune is a **robust** gap when under-served in at least ``Options/robustShare``
/// of them (default 95 %). Over the study: the percentiles of the under-served population, and
/// which parameter moves it most: first-order and total Sobol indices from Saltelli's design
/// (``Accessibility/SensitivityDesign``), over N (k + 2) evaluations for k parameters drawn;
/// the percentiles use the N draws of its sample A.
///
/// Drawn are only the parameters the rules use: the catchment, decay and activity with the
/// `access` rule, the speed with either rule, the detour with the straight line only (roads
/// and matrices have their own routes), the population always. The `outside-cpts` and
/// `low-low` rules are not redrawn (a territory does not move with travel times; the LISA's
/// permutations per draw would cost N times the analysis): they hold in every draw as in
/// the stated study. A commune's travel time in a draw keeps its nearest site of the stated
/// study (under one factor on every time, only a start-up delay could reorder the sites).
public struct GapUncertainty: Sendable {
    /// The draws and what counts as robust (study file keys and CLI flags: ``Parameter``).
    public struct Options: Sendable {
        /// N, the draws (at least ``minimumDraws``).
        public var draws: Int
        /// The seed of the draws (default 1): same seed, same draws, same figures.
        public var seed = GapUncertainty.defaultSeed
        /// The ranges the parameters are drawn from (default ``Accessibility/UncertaintyRanges/defaults``).
        public var ranges = UncertaintyRanges.defaults
        /// A commune is a robust gap when under-served in at least this share of the draws (default 0.95).
        public var robustShare = GapUncertainty.defaultRobustShare
        /// Without an `access` rule: an access to draw all the same, for its percentiles and the
        /// Gini's sensitivity (the report's E2SFCA); ignored with the rule (its access is drawn).
        public var access: AccessAnalysis.Options?
        /// N draws, the other settings at their defaults.
        public init(draws: Int) { self.draws = draws }
    }

    /// The seed when none is given.
    package static let defaultSeed: UInt64 = 1
    /// The share of draws that makes a gap robust when none is given: 95 %.
    package static let defaultRobustShare = 0.95
    /// The largest seed: 2⁵³ − 1, so that the summary's number is exact in every JSON reader.
    package static let maximumSeed: UInt64 = (1 << 53) - 1
    /// The fewest draws accepted: 10 (percentiles need a few draws; 200 is advised).
    package static let minimumDraws = 10

    /// The options it ran with.
    public var options: Options
    /// The parameters drawn, in ``Accessibility/UncertaintyRanges/Parameter`` order.
    public var parameters: [UncertaintyRanges.Parameter]
    /// Per reported commune: the share of the N draws in which it is under-served.
    public var underServedShare: [Double]
    /// Per reported commune, with the `travel` rule: the 5th and 95th percentiles of its minutes
    /// to the nearest site (nil: unreachable within the bound).
    public var minutes: (p5: [Double?], p95: [Double?])?
    /// Per reported commune, with the `access` rule: the 5th and 95th percentiles of its access
    /// (times the `per` of the rules).
    public var access: (p5: [Double], p95: [Double])?
    /// The 5th, 50th and 95th percentiles of the under-served population over the draws.
    public var underServedPopulation: (p5: Double, p50: Double, p95: Double)
    /// Per parameter drawn: its first-order and total Sobol indices for the under-served
    /// population (nil when the parameter cannot move the rules: an access drawn without an
    /// `access` rule) and, when an access is drawn, for the population-weighted Gini of
    /// access; nil too when that output does not vary.
    public var sensitivity: [(parameter: UncertaintyRanges.Parameter, population: Indices?, gini: Indices?)]
    /// A parameter's first-order and total Sobol indices, and the first one's standard error
    /// (``Accessibility/SensitivityDesign/indices(_:)``).
    public typealias Indices = (firstOrder: Double, total: Double, firstOrderError: Double)

    /// A regional study whose access is drawn over straight lines: the buffer, in km, that holds
    /// twice the widest draw's straight-line reach, so that its figures are the whole country's
    /// (docs/uncertainty.md); nil otherwise.
    public var bufferNeededKm: Double?

    /// Per reported commune: whether it is a robust gap.
    public var robust: [Bool] { underServedShare.map { $0 >= options.robustShare } }

    /// A commune's class on the robustness map: `robust` (at least the robust share of the
    /// draws), `likely` (at least half), `possible` (at least one draw), `never`.
    public func robustnessClass(_ i: Int) -> String {
        let s = underServedShare[i]
        return s >= options.robustShare ? "robust" : s >= 0.5 ? "likely" : s > 0 ? "possible" : "never"
    }
}
