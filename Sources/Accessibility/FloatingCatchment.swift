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
        let weights = costs.minutes.map(decay.weight)
        // Gᵢⱼ (3SFCA), entry by entry; 2SFCA's is 1, and x × 1 = x exactly, so it is not stored.
        var g: [Double]?
        if selection {
            var selected = [Double](repeating: 1, count: weights.count)
            for o in 0..<costs.originCount {
                let range = costs.rowStart[o]..<costs.rowStart[o + 1]
                let total = range.reduce(0) { $0 + weights[$1] }
                for k in range { selected[k] = total > 0 ? weights[k] / total : 0 }
            }
            g = selected
        }
        var denominator = [Double](repeating: 0, count: costs.destinationCount)
        for o in 0..<costs.originCount where demand[o] > 0 {
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                let w = g.map { demand[o] * weights[k] * $0[k] } ?? demand[o] * weights[k]
                denominator[Int(costs.destinations[k])] += w
            }
        }
        let ratios: [Double?] = zip(supply, denominator).map { s, d in d > 0 ? s / d : nil }
        var access = [Double](repeating: 0, count: costs.originCount)
        for o in 0..<costs.originCount {
            var a = 0.0
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                if let r = ratios[Int(costs.destinations[k])] { a += g.map { r * weights[k] * $0[k] } ?? r * weights[k] }
            }
            access[o] = a
        }
        return Result(access: access, ratios: ratios, sitesWithoutDemand: ratios.indices.filter { ratios[$0] == nil })
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
