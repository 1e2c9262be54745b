extension SecrecyRule {
    /// Hides the cells of a table's count columns that the rule makes secret (primary
    /// suppression) and the cells that would let a reader recover them from the published totals
    /// (secondary suppression). Deterministic; the rule, in this order:
    ///
    /// 1. **Primary**: every cell with ``isSecret(_:unit:)`` is hidden.
    /// 2. **Key column**: the first people column with published totals (the row's population)
    ///    is complemented first (steps 3–4); then every other people column of a row whose key
    ///    cell is hidden is hidden too (secondary), so that `population_in_territory` or `demand`
    ///    cannot give back a hidden population.
    /// 3. **Within groups** (each column with published totals; `groups` nil = one group, the
    ///    table; and, for the key column, every set of `otherTotals`, such as a territory's
    ///    members): a set never keeps exactly one hidden cell with a positive value, since its
    ///    total minus its shown members would give it back. The complement is the set's
    ///    smallest positive shown cell (ties: the first row), repeated over all sets until none
    ///    changes. A set with no such cell has its total hidden instead.
    /// 4. **Group totals**: a group total under the threshold is hidden (primary). If exactly one
    ///    positive group total is hidden, the grand total minus the others would give it back:
    ///    the smallest other positive total whose group can hide at least two positive cells is
    ///    hidden too, with its two smallest positive shown cells when it has no hidden one (ties:
    ///    first group, first row); with no such group, or with one group only, the grand total
    ///    is hidden. When that hid cells, step 3 runs again.
    ///
    /// This is the classic small-cell suppression of a one-level hierarchy (cells, group
    /// totals, grand total) with the "never a lone hidden cell" rule (Hundepool et al.,
    /// *Statistical Disclosure Control*, Wiley 2012, chapters on tabular data); it
    /// does not solve the optimal (least-information-lost) problem that τ-ARGUS solves.
    /// - Parameters:
    ///   - groups: per row, its group's index (e.g. its département); nil: one group.
    ///   - otherTotals: other sets of rows whose totals of the key column are published (each
    ///     territory's members), possibly overlapping.
    /// - Returns: per column, in order, what is hidden.
    /// - Complexity: O(columns × passes × rows log rows), passes being how often step 3 goes
    ///   over the sets before nothing changes (two or three on the national study).
    public func suppress(_ columns: [CountColumn], groups: [Int]? = nil, otherTotals: [[Int]] = []) -> [ColumnSuppression] {
        let rows = columns.first?.values.count ?? 0
        precondition(columns.allSatisfy { $0.values.count == rows } && (groups?.count ?? rows) == rows, "one value per row")
        let members = Self.members(groups ?? Array(repeating: 0, count: rows))
        var result = columns.map { c in ColumnSuppression(cells: c.values.map { v in v.map { isSecret($0, unit: c.unit) } == true ? .primary : nil }) }
        let key = columns.firstIndex { $0.unit == .people && $0.hasPublishedTotals }
        if let key {
            complement(&result[key], values: columns[key].values, unit: .people, members: members, otherTotals: otherTotals)
            for c in columns.indices where c != key && columns[c].unit == .people {
                for r in 0..<rows where result[key].cells[r] != nil && result[c].cells[r] == nil { result[c].cells[r] = .secondary }
            }
        }
        for c in columns.indices where columns[c].hasPublishedTotals && c != key {
            complement(&result[c], values: columns[c].values, unit: columns[c].unit, members: members, otherTotals: [])
        }
        return result
    }

    /// Steps 3 and 4 of ``suppress(_:groups:otherTotals:)`` for one column, until no set of
    /// rows with a published total keeps a lone hidden cell.
    private func complement(_ column: inout ColumnSuppression, values: [Double?], unit: Unit, members: [[Int]], otherTotals: [[Int]]) {
        for _ in 0..<3 {
            let sets = members + otherTotals
            var changed = true
            while changed {
                changed = false
                for (k, set) in sets.enumerated() where lonelyHidden(set, column, values) {
                    if let next = shownPositive(set, column, values).first {
                        column.cells[next] = .secondary
                        changed = true
                    } else if k < members.count {
                        column.groupTotals[k] = .secondary
                    } else {
                        column.otherTotals[k - members.count] = .secondary
                    }
                }
            }
            guard complementTotals(&column, values: values, unit: unit, members: members) else { return }
        }
    }

    /// Step 4: hides the group totals under the threshold, and a second one beside a lone
    /// hidden total (or the grand total). Whether it hid cells (then step 3 runs again).
    private func complementTotals(_ column: inout ColumnSuppression, values: [Double?], unit: Unit, members: [[Int]]) -> Bool {
        let totals = members.map { $0.reduce(0.0) { $0 + (values[$1] ?? 0) } }
        for (g, total) in totals.enumerated() where isSecret(total, unit: unit) || column.groupTotals[g] != nil {
            column.groupTotals[g] = isSecret(total, unit: unit) ? .primary : .secondary
        }
        if members.count == 1 {
            if let only = column.groupTotals[0] { column.grandTotal = only }
            return false
        }
        guard column.groupTotals.keys.filter({ totals[$0] > 0 }).count == 1 else { return false }
        let candidates = members.indices.filter { column.groupTotals[$0] == nil && totals[$0] > 0 }.sorted { (totals[$0], $0) < (totals[$1], $1) }
        for g in candidates {
            let hiddenPositive = members[g].filter { column.cells[$0] != nil && (values[$0] ?? 0) > 0 }.count
            let shown = shownPositive(members[g], column, values)
            guard hiddenPositive >= 2 || shown.count >= 2 else { continue }
            if hiddenPositive == 0 { for r in shown.prefix(2) { column.cells[r] = .secondary } }
            column.groupTotals[g] = .secondary
            return hiddenPositive == 0
        }
        column.grandTotal = .secondary
        return false
    }

    /// Whether exactly one cell of `set` with a positive value is hidden.
    private func lonelyHidden(_ set: [Int], _ column: ColumnSuppression, _ values: [Double?]) -> Bool {
        set.filter { column.cells[$0] != nil && (values[$0] ?? 0) > 0 }.count == 1
    }

    /// The shown cells of `set` with a positive value, smallest first (ties: first row).
    private func shownPositive(_ set: [Int], _ column: ColumnSuppression, _ values: [Double?]) -> [Int] {
        set.filter { column.cells[$0] == nil && (values[$0] ?? 0) > 0 }.sorted { (values[$0]!, $0) < (values[$1]!, $1) }
    }

    /// The rows of each group, in row order; groups numbered 0…max.
    private static func members(_ groups: [Int]) -> [[Int]] {
        var members = Array(repeating: [Int](), count: (groups.max() ?? -1) + 1)
        for (r, g) in groups.enumerated() { members[g].append(r) }
        return members
    }
}
