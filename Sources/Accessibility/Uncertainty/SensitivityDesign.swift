import GeoCore

/// The sample of a variance-based sensitivity analysis (A. Saltelli et al., "Variance based
/// sensitivity analysis of model output. Design and estimator for the total sensitivity
/// index", Computer Physics Communications 181, 2010, §3): two independent samples A and B of
/// N points in the unit hypercube [0, 1)ᵏ, one coordinate per input, and for each input i the
/// sample A_B⁽ⁱ⁾, A with its i-th coordinate taken from B. The model is evaluated on the
/// N (k + 2) points, in the order of ``point(_:)``: A, then B, then A_B⁽¹⁾ … A_B⁽ᵏ⁾.
///
/// A and B are drawn by ``GeoCore/SeededGenerator`` from `seed`: the same seed gives the
/// same points on every platform. A coordinate may stand for a group of inputs (the
/// population's factors of every commune, drawn from one seed coordinate): the indices are
/// then those of the group.
public struct SensitivityDesign: Sendable, Equatable {
    /// N, the points of A (and of B).
    public let count: Int
    /// k, the coordinates of a point.
    public let dimension: Int
    /// A then B, row after row: `samples[(s × N + j) × k + i]`, s = 0 for A, 1 for B.
    let samples: [Double]

    /// N points of A and of B in [0, 1)ᵏ from `seed`.
    /// - Precondition: `count` ≥ 1, `dimension` ≥ 0.
    public init(count: Int, dimension: Int, seed: UInt64) {
        precondition(count >= 1 && dimension >= 0)
        self.count = count
        self.dimension = dimension
        var generator = SeededGenerator(seed: seed)
        samples = (0..<(2 * count * dimension)).map { _ in generator.nextUnit() }
    }

    /// How many points the model is evaluated on: N (k + 2).
    public var evaluationCount: Int { count * (dimension + 2) }

    /// Evaluation `e`'s point: A's j-th for e = j, B's j-th for e = N + j, and A_B⁽ⁱ⁾'s j-th
    /// (A's point with coordinate i of B's) for e = (2 + i) N + j.
    public func point(_ e: Int) -> [Double] {
        precondition(e >= 0 && e < evaluationCount)
        let (block, j) = e.quotientAndRemainder(dividingBy: count)
        if block < 2 { return Array(samples[((block * count + j) * dimension)..<((block * count + j + 1) * dimension)]) }
        var p = Array(samples[(j * dimension)..<((j + 1) * dimension)])
        p[block - 2] = samples[((count + j) * dimension) + block - 2]
        return p
    }

    /// The first-order and total indices of each coordinate from the model's values `y` at the
    /// evaluations (order of ``point(_:)``), with the values centred on the mean of f(A) and
    /// f(B) (which leaves both estimators unbiased and cuts the first one's variance when the
    /// output's mean is large against its spread):
    ///
    ///     Sᵢ  = (1/N) Σⱼ f(B)ⱼ (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ) / V      (Saltelli et al. 2010, table 2 (b))
    ///     STᵢ = (1/2N) Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)² / V          (M. Jansen, Comput. Phys. Commun. 117, 1999)
    ///
    /// with V the variance of the 2N values of f(A) and f(B). Sᵢ is the share of the output's
    /// variance that input i explains alone; STᵢ adds its interactions. Both are estimates:
    /// `firstOrderError` is the standard error of Sᵢ (the spread of its N terms over √N, over
    /// V), so that Sᵢ ± 2 × that is about a 95 % interval, and a small negative Sᵢ is noise
    /// around 0. V = 0 (the output never moves) gives nil.
    public func indices(_ y: [Double]) -> [(firstOrder: Double, total: Double, firstOrderError: Double)]? {
        precondition(y.count == evaluationCount)
        let n = Double(count)
        let mean = y[0..<(2 * count)].reduce(0, +) / (2 * n)
        let variance = y[0..<(2 * count)].reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (2 * n)
        guard variance > 0 else { return nil }
        return (0..<dimension).map { i in
            var first = 0.0, firstSquares = 0.0, total = 0.0
            for j in 0..<count {
                let a = y[j] - mean, b = y[count + j] - mean, abi = y[(2 + i) * count + j] - mean
                let term = b * (abi - a)
                first += term
                firstSquares += term * term
                total += (a - abi) * (a - abi)
            }
            let termMean = first / n
            let spread = max(0, firstSquares / n - termMean * termMean).squareRoot()
            return (termMean / variance, total / (2 * n) / variance, spread / n.squareRoot() / variance)
        }
    }
}
