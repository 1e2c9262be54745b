import ArgumentParser

/// The valid values of a numeric option, stated once and checked in `validate()`: every numeric
/// option of every subcommand has one, shown in its help text (`help:` ends with
/// ``helpText``), so that `nan`, `inf`, negative or absurdly large values are usage errors
/// (exit 64) before any work starts, never a crash further down (a `Double` → `Int`
/// conversion, an allocation of `Int.max` elements).
///
/// ```swift
/// try OptionRange.minutes.check(maxMinutes, "--max-minutes")
/// ```
struct OptionRange: Sendable {
    var lower: Double
    var upper: Double
    /// Whether `lower` itself is refused ("more than 0").
    var lowerExcluded = false

    /// "from 1 to 300", "more than 0, at most 1440".
    var helpText: String {
        lowerExcluded
            ? "more than \(Self.text(lower)), at most \(Self.text(upper))"
            : "from \(Self.text(lower)) to \(Self.text(upper))"
    }

    func contains(_ value: Double) -> Bool {
        value.isFinite && (lowerExcluded ? value > lower : value >= lower) && value <= upper
    }

    /// Throws a `ValidationError` naming the option, the value and the range when `value` is
    /// not finite or outside it; `nil` (an option not given) passes.
    func check(_ value: Double?, _ option: String) throws {
        guard let value, !contains(value) else { return }
        throw ValidationError("\(option) must be a number \(helpText) (got \(Self.text(value)))")
    }

    /// The same check for an integer option.
    func check(_ value: Int?, _ option: String) throws {
        guard let value else { return }
        try check(Double(value), option)
    }

    /// Integers print without a decimal part; large bounds with their digits.
    static func text(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

extension OptionRange {
    /// A travel time in minutes: more than 0, at most a day.
    static let minutes = OptionRange(lower: 0, upper: 1_440, lowerExcluded: true)
    /// A time threshold that may be 0 (`--minutes-above 0`: any travel at all).
    static let minutesOrZero = OptionRange(lower: 0, upper: 1_440)
    /// A speed in km/h.
    static let speedKmh = OptionRange(lower: 0, upper: 300, lowerExcluded: true)
    /// Road distance ÷ crow-fly distance.
    static let detour = OptionRange(lower: 1, upper: 10)
    /// A distance in kilometres (catchments, buffers): at most the width of a continent.
    static let kilometres = OptionRange(lower: 0, upper: 5_000, lowerExcluded: true)
    static let kilometresOrZero = OptionRange(lower: 0, upper: 5_000)
    /// A snapping distance in metres.
    static let snapMetres = OptionRange(lower: 0, upper: 100_000)
    /// `--per`: inhabitants per which access is expressed.
    static let perInhabitants = OptionRange(lower: 0, upper: 1e9, lowerExcluded: true)
    /// An access value or threshold (in the unit of `--per`), a site capacity.
    static let nonNegativeValue = OptionRange(lower: 0, upper: 1e12)
    /// Any finite value of a data column (`inequality --below`).
    static let finiteValue = OptionRange(lower: -1e300, upper: 1e300)
    /// A significance level.
    static let probability = OptionRange(lower: 0, upper: 0.5, lowerExcluded: true)
    /// A decay parameter (σ in minutes, β, a radius in minutes).
    static let bandwidth = OptionRange(lower: 0, upper: 1_440, lowerExcluded: true)
    /// The side of a population grid's cells in metres.
    static let cellMetres = OptionRange(lower: 1, upper: 100_000)
    /// `synth-grid --cell-size`: 50 m to 10 km (finer squares would multiply the squares of
    /// every commune beyond what the spreading rule is meant for, and the time with them).
    static let syntheticCellMetres = OptionRange(lower: 50, upper: 10_000)
    /// Communes of a synthetic département (the national study has about 35,000).
    static let syntheticCommunes = count(20, 50_000)
    /// Counts of things GeoHealth builds one by one (sites to choose, labels, neighbours):
    /// bounded so that no allocation asks for `Int.max` elements.
    static let newSites = count(0, 1_000)
    /// Full-time-equivalent GPs: a site's size or a siting budget.
    static let fte = OptionRange(lower: 0, upper: 100_000, lowerExcluded: true)
    /// A positive amount (a supply or a number of residents per FTE).
    static let positiveAmount = OptionRange(lower: 0, upper: 1e12, lowerExcluded: true)
    static let neighbours = count(1, 100)
    static let permutations = count(0, 99_999)
    static let classes = count(1, 11)
    static let labels = count(0, 10_000)
    /// Draws of the uncertain parameters (`gaps --uncertainty`): at least 10 for percentiles.
    static let draws = count(10, 100_000)
    /// A share of draws (`--robust-share`): more than 0, at most 1.
    static let share = OptionRange(lower: 0, upper: 1, lowerExcluded: true)
    static func count(_ lower: Int, _ upper: Int) -> OptionRange { OptionRange(lower: Double(lower), upper: Double(upper)) }
}
