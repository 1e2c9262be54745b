import Accessibility
import ArgumentParser
import GeoHealthKit

/// How sure a gap is (`--uncertainty N`, docs/uncertainty.md): the draws of the uncertain
/// parameters, shared by `gaps` and `report`.
struct UncertaintyOptions: ParsableArguments {
    @Option(help: """
        How sure each gap is: redraw the travel and access this many times (\(OptionRange.draws.helpText); 200 advised), the parameters \
        drawn from --uncertainty-ranges (docs/uncertainty.md).
        """)
    var uncertainty: Int?

    @Option(help: "The seed of the draws, from 0 to 2^53 − 1: same seed, same figures. (default: \(GapUncertainty.defaultSeed))")
    var uncertaintySeed: UInt64 = GapUncertainty.defaultSeed

    @Option(help: ArgumentHelp(
        "Ranges of the drawn parameters: name=low:high factors and population=p, comma-separated. (default: \(UncertaintyRanges.defaults.text))",
        valueName: "ranges"), transform: RangesArgument.parse)
    var uncertaintyRanges: UncertaintyRanges = .defaults

    @Option(help: "A robust gap is under-served in at least this share of the draws, \(OptionRange.share.helpText). (default: \(GapUncertainty.defaultRobustShare))")
    var robustShare = GapUncertainty.defaultRobustShare

    func validate() throws {
        try OptionRange.draws.check(uncertainty, "--uncertainty")
        try OptionRange.share.check(robustShare, "--robust-share")
        guard uncertaintySeed <= GapUncertainty.maximumSeed else {
            throw ValidationError("--uncertainty-seed must be a whole number from 0 to \(GapUncertainty.maximumSeed) (got \(uncertaintySeed))")
        }
    }

    /// The library's options; nil without `--uncertainty`.
    var options: GapUncertainty.Options? {
        uncertainty.map { n in
            var u = GapUncertainty.Options(draws: n)
            u.seed = uncertaintySeed
            u.ranges = uncertaintyRanges
            u.robustShare = robustShare
            return u
        }
    }
}

extension UncertaintyOptions: StudyFileKeys {
    static let studyFileKeys: Set<String> = ["uncertainty", "uncertainty_seed", "uncertainty_ranges", "robust_share"]
}
