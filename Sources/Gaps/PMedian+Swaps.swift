extension PMedian.SwapSearch {
    /// A swap: the candidate to insert and the slot of the chosen site it replaces.
    struct Swap { var insert: Int, remove: Int }

    /// The swap of largest profit, if any is above the tolerance (none: swap-optimal).
    mutating func bestSwap() -> Swap? {
        assignNearest()
        evaluate()
        let tolerance = 1e-12 * max(1, total * bound)
        var best = (profit: tolerance, insert: -1, remove: -1)
        for c in 0..<candidates where !isChosen[c] && gains[c] > 0 {
            for r in 0..<p {
                let profit = gains[c] - loss[r] + extra[c * p + r]
                if profit > best.profit { best = (profit, c, r) }
            }
        }
        return best.insert >= 0 ? Swap(insert: best.insert, remove: best.remove) : nil
    }

    /// d₁, d₂ and φ₁ of every demand point, among the existing site (or the bound) and the
    /// chosen ones; each row is read only up to d₂ (rows are sorted by time).
    mutating func assignNearest() {
        for o in 0..<n {
            var first = base[o], second = bound, owner = -1
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                let c = Int(costs.destinations[k])
                guard isChosen[c] else { continue }
                let t = costs.minutes[k]
                if t >= second { break }
                if t < first { second = first; first = t; owner = slot[c] } else { second = t }
            }
            d1[o] = first; d2[o] = second; phi1[o] = owner
        }
    }

    /// gain(i), loss(r) and extra(i, r) for every candidate i and slot r.
    mutating func evaluate() {
        computeGains()
        for s in 0..<p { loss[s] = 0 }
        for i in extra.indices { extra[i] = 0 }
        for o in 0..<n where phi1[o] >= 0 {
            let r = phi1[o]
            loss[r] += w[o] * (d2[o] - d1[o])
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] {
                let t = costs.minutes[k]
                if t >= d2[o] { break }
                let c = Int(costs.destinations[k])
                if isChosen[c] { continue }
                extra[c * p + r] += w[o] * (d2[o] - max(t, d1[o]))
            }
        }
    }

    /// Makes the swap: the candidate takes the removed site's slot.
    mutating func make(_ swap: Swap) {
        let removed = chosen[swap.remove]
        isChosen[removed] = false
        slot[removed] = -1
        chosen[swap.remove] = swap.insert
        isChosen[swap.insert] = true
        slot[swap.insert] = swap.remove
    }
}
