/// The floating-catchment family of accessibility indices, on a ``CostMatrix`` whose bound is
/// the catchment (origins: communes with demand Dᵢ; destinations: sites with supply Sⱼ).
///
/// - **2SFCA** (W. Luo and F. Wang, "Measures of spatial accessibility to health care in a GIS
///   environment", Environment and Planning B 30, 2003), generalised with a weight W(t):
///   Rⱼ = Sⱼ / Σᵢ Dᵢ W(tᵢⱼ),   Aᵢ = Σⱼ Rⱼ W(tᵢⱼ).
///   W ≡ 1 is the original; stepwise W is **E2SFCA** (W. Luo and Y. Qi, "An enhanced two-step
///   floating catchment area (E2SFCA) method", Health & Place 15, 2009); a continuous W is the
///   kernel (Gaussian, power, exponential, linear) variant.
/// - **3SFCA** (N. Wan, B. Zou, T. Sternberg, "A three-step floating catchment area method for
///   analyzing spatial access to health services", IJGIS 26, 2012) adds the selection weight
///   Gᵢⱼ = W(tᵢⱼ) / Σₖ W(tᵢₖ) (over the sites in origin i's catchment):
///   Rⱼ = Sⱼ / Σᵢ Gᵢⱼ Dᵢ W(tᵢⱼ),   Aᵢ = Σⱼ Gᵢⱼ Rⱼ W(tᵢⱼ).
///
/// Both conserve supply: Σᵢ Dᵢ Aᵢ = Σⱼ Sⱼ over the sites that reach some demand. A site that
/// reaches no demand (denominator 0) has no ratio (`nil`) and is listed in
/// ``Result/sitesWithoutDemand``; its supply is lost to the index, never divided by zero.
/// Same formulas as PySAL `access` (`two_stage_fca`, `three_stage_fca`).
/// - Complexity: O(entries of the matrix), two passes.
public enum FloatingCatchment {
    /// An index's figures: per origin Aᵢ, per site Rⱼ, and the sites whose supply reached no demand.
    public struct Result: Sendable, Equatable {
        /// Aᵢ per origin: supply per unit of demand within reach.
        public var access: [Double]
        /// Rⱼ per site: its supply over the (weighted) demand in its catchment; nil without demand.
        public var ratios: [Double?]
        /// Indices of the sites with no demand in their catchment (ratio `nil`), ascending.
        public var sitesWithoutDemand: [Int]
    }

    /// 2SFCA (E2SFCA or kernel with a non-uniform `decay`): Rⱼ = Sⱼ / Σᵢ Dᵢ W(tᵢⱼ), Aᵢ = Σⱼ Rⱼ W(tᵢⱼ),
    /// over the matrix's entries (its bound is the catchment).
    ///
    /// ```swift
    /// let costs = CostMatrix(destinationCount: 1, maxMinutes: 30, rows: [
    ///     [CostMatrix.Entry(destination: 0, minutes: 10)], [CostMatrix.Entry(destination: 0, minutes: 25)],
    /// ])
    /// let r = FloatingCatchment.twoStep(costs, demand: [1_000, 3_000], supply: [4])
    /// r.ratios  // [0.001]: 4 for 4,000 residents
    /// r.access  // [0.001, 0.001]
    /// ```
    /// - Precondition: `demand` has one value per origin, `supply` one per destination.
    /// - Complexity: O(entries), two passes.
    public static func twoStep(_ costs: CostMatrix, demand: [Double], supply: [Double], decay: DistanceDecay = .uniform) -> Result {
        run(costs, demand: demand, supply: supply, decay: decay, selection: false)
    }

    /// 3SFCA: as ``twoStep(_:demand:supply:decay:)`` with the selection weights
    /// Gᵢⱼ = W(tᵢⱼ) / Σₖ W(tᵢₖ): Rⱼ = Sⱼ / Σᵢ Gᵢⱼ Dᵢ W(tᵢⱼ), Aᵢ = Σⱼ Gᵢⱼ Rⱼ W(tᵢⱼ).
    /// - Precondition: `demand` has one value per origin, `supply` one per destination.
    /// - Complexity: O(entries), two passes.
    public static func threeStep(_ costs: CostMatrix, demand: [Double], supply: [Double], decay: DistanceDecay) -> Result {
        run(costs, demand: demand, supply: supply, decay: decay, selection: true)
    }

    static func run(_ costs: CostMatrix, demand: [Double], supply: [Double], decay: DistanceDecay, selection: Bool) -> Result {
        precondition(demand.count == costs.originCount && supply.count == costs.destinationCount)
        var denominator = [Double](repeating: 0, count: costs.destinationCount)
        addDemand(costs, demand: demand[...], decay: decay, selection: selection, to: &denominator)
        let ratios = ratios(supply: supply, denominator: denominator)
        let access = access(costs, ratios: ratios, decay: decay, selection: selection)
        return Result(access: access, ratios: ratios, sitesWithoutDemand: ratios.indices.filter { ratios[$0] == nil })
    }

    /// Step 1 over a block of origins (rows of `costs`, demands `demand` in the same order): adds
    /// Σᵢ Dᵢ W(tᵢⱼ) (times Gᵢⱼ for 3SFCA) to each site's denominator. Blocks added in origin order
    /// give the whole matrix's sums bit for bit, so a matrix too large to hold is costed block by
    /// block, twice (``access(_:ratios:decay:selection:)``).
    /// - Precondition: `demand` has one value per origin of `costs`, `denominator` one per destination.
    package static func addDemand(_ costs: CostMatrix, demand: ArraySlice<Double>, decay: DistanceDecay, selection: Bool, to denominator: inout [Double]) {
        precondition(demand.count == costs.originCount && denominator.count == costs.destinationCount)
        var weights: [Double] = []
        for o in 0..<costs.originCount {
            let d = demand[demand.startIndex + o]
            guard d > 0 else { continue }
            let range = costs.rowStart[o]..<costs.rowStart[o + 1]
            rowWeights(costs, range, decay: decay, selection: selection, into: &weights)
            for (n, k) in range.enumerated() {
                let w = selection ? d * weights[n] * weights[range.count + n] : d * weights[n]
                denominator[Int(costs.destinations[k])] += w
            }
        }
    }

    /// Rⱼ = Sⱼ / denominatorⱼ, nil where no demand is within reach.
    package static func ratios(supply: [Double], denominator: [Double]) -> [Double?] {
        zip(supply, denominator).map { s, d in d > 0 ? s / d : nil }
    }

    /// Step 2 over a block of origins: Aᵢ = Σⱼ Rⱼ W(tᵢⱼ) (times Gᵢⱼ for 3SFCA).
    package static func access(_ costs: CostMatrix, ratios: [Double?], decay: DistanceDecay, selection: Bool) -> [Double] {
        var access = [Double](repeating: 0, count: costs.originCount)
        var weights: [Double] = []
        for o in 0..<costs.originCount {
            let range = costs.rowStart[o]..<costs.rowStart[o + 1]
            rowWeights(costs, range, decay: decay, selection: selection, into: &weights)
            var a = 0.0
            for (n, k) in range.enumerated() {
                if let r = ratios[Int(costs.destinations[k])] { a += selection ? r * weights[n] * weights[range.count + n] : r * weights[n] }
            }
            access[o] = a
        }
        return access
    }

    /// A row's W(tᵢⱼ), followed for 3SFCA by its Gᵢⱼ = W(tᵢⱼ) / Σₖ W(tᵢₖ) (0 when the sum is 0).
    static func rowWeights(_ costs: CostMatrix, _ range: Range<Int>, decay: DistanceDecay, selection: Bool, into weights: inout [Double]) {
        rowWeights(costs.minutes[range], decay: decay, selection: selection, into: &weights)
    }

    /// A row's W(t) for its `minutes`, followed for 3SFCA by its G = W(t) / ΣW (0 when the sum is 0).
    static func rowWeights(_ minutes: some Collection<Double>, decay: DistanceDecay, selection: Bool, into weights: inout [Double]) {
        weights.removeAll(keepingCapacity: true)
        for t in minutes { weights.append(decay.weight(t)) }
        guard selection else { return }
        let total = weights.reduce(0, +)
        let count = weights.count
        for n in 0..<count { weights.append(total > 0 ? weights[n] / total : 0) }
    }

    /// Provider-to-population ratio within zones: Σ supply of the sites in a zone over Σ demand of
    /// its origins (the oldest measure, blind to borders). Zones are labels; a site's zone is the
    /// zone of the origin it lies in (nil: outside every origin, left out and counted).
    public static func zoneRatio(
        demand: [Double], originZones: [String], supply: [Double], siteZones: [String?]
    ) -> (ratio: [String: Double?], sitesOutside: [Int]) {
        var d: [String: Double] = [:], s: [String: Double] = [:]
        for (z, v) in zip(originZones, demand) { d[z, default: 0] += v }
        var outside: [Int] = []
        for (j, z) in siteZones.enumerated() {
            guard let z else { outside.append(j); continue }
            s[z, default: 0] += supply[j]
        }
        var ratio: [String: Double?] = [:]
        for (z, total) in d { ratio[z] = total > 0 ? (s[z] ?? 0) / total : nil }
        return (ratio, outside)
    }
}
