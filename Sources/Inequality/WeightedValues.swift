/// Values with population weights: the input of every index. Validated once: the same
/// number of values and weights, finite values, non-negative finite weights with a positive
/// total. Values must be non-negative for the indices of this module (access, travel time);
/// negative values are an ``InequalityError``.
///
/// **Zero policy** (explicit, never a silent epsilon): zeros are valid values. Where an index is
/// undefined at zero, it says so: Theil L and the Atkinson index for ε ≥ 1 take their limits
/// (Theil L = +∞; Atkinson = 1, since the geometric or harmonic mean is 0); the Palma ratio is
/// +∞ when the bottom 40 % hold nothing. Weights of zero remove a unit.
public struct WeightedValues: Sendable, Equatable {
    /// The values xᵢ, one per unit (e.g. each commune's access or travel time), as given.
    public let values: [Double]
    /// The weights wᵢ (usually residents), one per value; all 1 when none were given.
    public let weights: [Double]
    /// Σ wᵢ, positive.
    public let totalWeight: Double
    /// Σ wᵢ xᵢ / Σ wᵢ.
    public let mean: Double

    /// Validates `values` and their `weights` (equal weights of 1 when `nil`) and computes the mean.
    /// - Throws: an `InequalityError` when the counts differ, a value is not finite or is negative,
    ///   a weight is negative or not finite, or the weights add up to zero.
    public init(_ values: [Double], weights: [Double]? = nil) throws {
        let w = weights ?? Array(repeating: 1, count: values.count)
        guard w.count == values.count else { throw InequalityError.mismatchedCounts(values: values.count, weights: w.count) }
        if let i = values.firstIndex(where: { !$0.isFinite }) { throw InequalityError.nonFiniteValue(index: i) }
        if let i = values.firstIndex(where: { $0 < 0 }) { throw InequalityError.negativeValue(index: i, value: values[i]) }
        if let i = w.firstIndex(where: { !$0.isFinite || $0 < 0 }) { throw InequalityError.invalidWeight(index: i, weight: w[i]) }
        let total = w.reduce(0, +)
        guard total > 0 else { throw InequalityError.noWeight }
        self.values = values
        self.weights = w
        totalWeight = total
        mean = zip(values, w).reduce(0) { $0 + $1.0 * $1.1 } / total
    }

    /// The number of units (zero-weight units included).
    public var count: Int { values.count }

    /// Indices of the positive-weight units sorted by value (then index, for determinism).
    var ascending: [Int] {
        values.indices.filter { weights[$0] > 0 }.sorted { (values[$0], $0) < (values[$1], $1) }
    }
}

package enum InequalityError: Error, Equatable, CustomStringConvertible {
    case mismatchedCounts(values: Int, weights: Int)
    case nonFiniteValue(index: Int)
    case negativeValue(index: Int, value: Double)
    case invalidWeight(index: Int, weight: Double)
    case noWeight
    case zeroMean
    case invalidParameter(String)

    package var description: String {
        switch self {
        case .mismatchedCounts(let v, let w): "\(v) values but \(w) weights"
        case .nonFiniteValue(let i): "value \(i) is not a finite number"
        case .negativeValue(let i, let v): "value \(i) is negative (\(v)); these indices need non-negative values"
        case .invalidWeight(let i, let w): "weight \(i) is \(w); weights must be finite and non-negative"
        case .noWeight: "the weights add up to zero (no population)"
        case .zeroMean: "every value is zero: relative inequality is undefined"
        case .invalidParameter(let s): s
        }
    }
}
