import Accessibility

/// What one FTE at each candidate adds to each commune's floating-catchment access, stored by
/// candidate (compressed sparse rows).
///
/// In the 2SFCA family (``Accessibility/FloatingCatchment``) a site's ratio is
/// Rⱼ = Sⱼ / Σₖ Dₖ W(tₖⱼ): its denominator depends on the demand only, not on the other sites.
/// So opening a site of supply S at candidate c leaves every existing ratio unchanged and adds
/// S · W(t_ic) / Σₖ Dₖ W(t_kc) to the access of each commune i within its catchment, and nothing
/// elsewhere: access is linear in the new sites' supply, Aᵢ = A⁰ᵢ + Σ_c f_c · a_ic with f_c the
/// site's FTE and a_ic = s · W(t_ic) / Σₖ Dₖ W(t_kc) for a supply s per FTE. This is what makes
/// the incremental evaluation exact, and the below-threshold objective a linear program
/// (Tests/reference/make_equity_reference.py).
package struct AccessEffects: Sendable {
    /// Candidate c's entries are `start[c] ..< start[c + 1]`.
    package let start: [Int]
    /// Each entry's commune.
    package let communes: [Int32]
    /// Each entry's access added per FTE, a_ic.
    package let perFTE: [Double]

    /// Effects from one list of (commune, a_ic) per candidate.
    package init(_ lists: [[(commune: Int, perFTE: Double)]]) {
        var start = [0], communes: [Int32] = [], perFTE: [Double] = []
        for list in lists {
            for e in list {
                communes.append(Int32(e.commune))
                perFTE.append(e.perFTE)
            }
            start.append(communes.count)
        }
        self.start = start
        self.communes = communes
        self.perFTE = perFTE
    }

    /// The number of candidates.
    package var candidateCount: Int { start.count - 1 }

    /// a_ic = supplyPerFTE · W(t_ic) / Σₖ Dₖ W(t_kc) over `costs` (origins: communes, destinations:
    /// candidates; its bound is the catchment), the 2SFCA with `decay` (E2SFCA bands or the APL's);
    /// a candidate with no demand in its catchment has no effect. Times `per` (access per `per` inhabitants).
    /// - Complexity: O(entries), two passes over the rows.
    package static func floatingCatchment(_ costs: CostMatrix, demand: [Double], decay: DistanceDecay, supplyPerFTE: Double, per: Double = 1) -> AccessEffects {
        var denominator = [Double](repeating: 0, count: costs.destinationCount)
        FloatingCatchment.addDemand(costs, demand: demand[...], decay: decay, selection: false, to: &denominator)
        var lists = [[(commune: Int, perFTE: Double)]](repeating: [], count: costs.destinationCount)
        for o in 0..<costs.originCount {
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                let c = Int(costs.destinations[k]), w = decay.weight(costs.minutes[k])
                guard denominator[c] > 0, w > 0 else { continue }
                lists[c].append((o, supplyPerFTE * per * w / denominator[c]))
            }
        }
        return AccessEffects(lists)
    }
}
