/// Quantiles of a sample by linear interpolation between order statistics (R's type 7, NumPy's
/// default, Hyndman & Fan, "Sample quantiles in statistical packages", The American
/// Statistician 50, 1996): for p ∈ [0, 1] and sorted values x₁ ≤ … ≤ xₙ, h = (n − 1) p,
/// Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋) (0-based). An increasing affine map of the
/// sample maps its quantiles the same way.
public enum EmpiricalQuantile {
    /// Q(p) of `sorted` (ascending, at least one value).
    /// - Precondition: `sorted` is not empty, `p` ∈ [0, 1].
    public static func of<C: RandomAccessCollection>(sorted: C, _ p: Double) -> Double where C.Element: BinaryFloatingPoint, C.Index == Int {
        precondition(!sorted.isEmpty && p >= 0 && p <= 1)
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        let lower = Double(sorted[sorted.startIndex + low])
        guard low + 1 < sorted.count else { return lower }
        return lower + (h - Double(low)) * (Double(sorted[sorted.startIndex + low + 1]) - lower)
    }
}
