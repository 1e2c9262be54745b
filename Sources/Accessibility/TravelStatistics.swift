/// Population-weighted statistics of travel times.
///
/// Unreachable origins (no destination within the matrix bound) have no time: they are left out
/// of the mean and percentiles, and always counted beyond every threshold.
public enum TravelStatistics {
    /// Σ wᵢ tᵢ / Σ wᵢ over origins with a time; nil when no weight has one.
    public static func weightedMean(_ times: [Double?], weights: [Double]) -> Double? {
        var sum = 0.0, total = 0.0
        for (t, w) in zip(times, weights) where t != nil && w > 0 {
            sum += t! * w
            total += w
        }
        return total > 0 ? sum / total : nil
    }

    /// The weighted p-quantile (0 ≤ p ≤ 1) of the times, by the inverse of the weighted
    /// cumulative distribution: the smallest time t with Σ_{tᵢ ≤ t} wᵢ ≥ p · Σ wᵢ (over all
    /// origins, unreachable ones counted as +∞, so a quantile can be +∞). Nil without weight.
    public static func weightedQuantile(_ times: [Double?], weights: [Double], _ p: Double) -> Double? {
        precondition((0...1).contains(p))
        let pairs = zip(times, weights).filter { $0.1 > 0 }.map { ($0.0 ?? .infinity, $0.1) }.sorted { $0.0 < $1.0 }
        let total = pairs.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        var cumulative = 0.0
        for (t, w) in pairs {
            cumulative += w
            if cumulative >= p * total * (1 - 1e-12) { return t }
        }
        return pairs.last?.0
    }

    /// Σ wᵢ over origins whose time is above `threshold` or missing (unreachable).
    public static func weightBeyond(_ threshold: Double, times: [Double?], weights: [Double]) -> Double {
        zip(times, weights).reduce(0) { $0 + (($1.0 ?? .infinity) > threshold ? $1.1 : 0) }
    }
}
