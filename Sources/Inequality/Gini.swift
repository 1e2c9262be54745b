/// The Lorenz curve and the Gini coefficient, population-weighted.
///
/// Units are sorted by value; the curve's points are (cumulative population share, cumulative
/// value share), starting at (0, 0). The Gini coefficient is one minus twice the area under the
/// curve, by trapezoids: G = 1 − Σₖ pₖ (Lₖ + Lₖ₋₁), with pₖ the population share of unit k and Lₖ
/// the cumulative value share. With equal weights this is (n + 1 − 2 Σ Lₖ) / n, the mean
/// absolute difference over twice the mean (C. Gini, "Variabilità e mutabilità", 1912; the
/// formula of PySAL `inequality.gini`). Ties are exact: the order among equal values does not
/// change the result.
/// - Complexity: O(n log n).
package struct Lorenz: Sendable, Equatable {
    package var points: [(population: Double, value: Double)]

    package static func == (a: Lorenz, b: Lorenz) -> Bool {
        a.points.count == b.points.count && zip(a.points, b.points).allSatisfy { $0.population == $1.population && $0.value == $1.value }
    }

    package init(_ data: WeightedValues) throws {
        guard data.mean > 0 else { throw InequalityError.zeroMean }
        let total = data.mean * data.totalWeight
        var p = 0.0, l = 0.0
        points = [(0, 0)]
        for i in data.ascending {
            p += data.weights[i] / data.totalWeight
            l += data.weights[i] * data.values[i] / total
            points.append((p, l))
        }
    }

    package var gini: Double {
        var area = 0.0
        for k in 1..<points.count {
            area += (points[k].population - points[k - 1].population) * (points[k].value + points[k - 1].value)
        }
        return 1 - area
    }
}

extension WeightedValues {
    /// The population-weighted Gini coefficient, G = 1 − Σₖ pₖ (Lₖ + Lₖ₋₁) over the Lorenz curve
    /// (cumulative population and value shares, units sorted by value): 0 when every unit has the
    /// same value, towards 1 as one unit holds everything.
    ///
    /// ```swift
    /// try WeightedValues([1, 1, 1, 1]).gini()          // 0
    /// try WeightedValues([0, 0, 0, 4]).gini()          // 0.75
    /// ```
    /// - Throws: `InequalityError.zeroMean` when every value is zero.
    /// - Complexity: O(n log n).
    public func gini() throws -> Double { try Lorenz(self).gini }
}
