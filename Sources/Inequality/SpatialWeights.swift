/// Spatial weights: for each unit, its neighbours and their weights (w_ij). Built from shared
/// boundaries (queen or rook contiguity, computed with GEOS by the caller) or k nearest
/// neighbours; usually row-standardised (each row sums to 1), PySAL's transformation "r".
public struct SpatialWeights: Sendable, Equatable {
    /// For each unit, the indices of its neighbours, sorted, without the unit itself.
    public private(set) var neighbours: [[Int]]
    /// For each unit, the weights w_ij of its neighbours, in the order of ``neighbours``: 1 for binary
    /// weights, 1 / (number of neighbours) once row-standardised.
    public private(set) var weights: [[Double]]

    /// Binary weights (w_ij = 1) over neighbour lists; lists are sorted and self-neighbours dropped.
    public init(neighbours: [[Int]]) {
        self.neighbours = neighbours.enumerated().map { i, list in Array(Set(list.filter { $0 != i })).sorted() }
        weights = self.neighbours.map { Array(repeating: 1, count: $0.count) }
    }

    /// The number of units.
    public var count: Int { neighbours.count }

    /// Units with no neighbour (an island, a commune cut off by a lake): their lag is 0.
    public var islands: [Int] { neighbours.indices.filter { neighbours[$0].isEmpty } }

    /// Each row divided by its sum; islands keep an empty row.
    public func rowStandardized() -> SpatialWeights {
        var w = self
        w.weights = weights.map { row in
            let s = row.reduce(0, +)
            return s > 0 ? row.map { $0 / s } : row
        }
        return w
    }

    /// The binary weights among the units `keep` only (in that order): neighbours outside
    /// `keep` are dropped, indices renumbered.
    public func restricted(to keep: [Int]) -> SpatialWeights {
        var newIndex = [Int](repeating: -1, count: count)
        for (k, i) in keep.enumerated() { newIndex[i] = k }
        return SpatialWeights(neighbours: keep.map { i in neighbours[i].compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil } })
    }

    /// Symmetric neighbour lists from pairs (i, j).
    public static func fromPairs(_ pairs: [(Int, Int)], count: Int) -> SpatialWeights {
        var lists = [[Int]](repeating: [], count: count)
        for (i, j) in pairs where i != j {
            lists[i].append(j)
            lists[j].append(i)
        }
        return SpatialWeights(neighbours: lists)
    }

    /// The spatial lag Σ_j w_ij v_j of every unit.
    func lag(_ v: [Double]) -> [Double] {
        neighbours.indices.map { i in zip(neighbours[i], weights[i]).reduce(0) { $0 + $1.1 * v[$1.0] } }
    }

    /// The weights as compressed rows (CSR): row i's neighbours are `columns[offsets[i]..<offsets[i + 1]]`.
    var compressedRows: (offsets: [Int], columns: [Int32], values: [Double]) {
        var offsets = [0]
        offsets.reserveCapacity(count + 1)
        for list in neighbours { offsets.append(offsets.last! + list.count) }
        return (offsets, neighbours.flatMap { $0.map(Int32.init) }, weights.flatMap { $0 })
    }

    /// S0 = Σ w_ij; S1 = ½ Σ (w_ij + w_ji)²; S2 = Σ_i (w_i· + w_·i)² (Cliff and Ord).
    var moments: (s0: Double, s1: Double, s2: Double) {
        var s0 = 0.0
        var columnSums = [Double](repeating: 0, count: count)
        var pair: [Int: Double] = [:]  // key i * n + j, for w_ij + w_ji
        for i in 0..<count {
            for (j, w) in zip(neighbours[i], weights[i]) {
                s0 += w
                columnSums[j] += w
                let key = min(i, j) * count + max(i, j)
                pair[key, default: 0] += w
            }
        }
        // Each unordered pair contributes (w_ij + w_ji)² twice in the full double sum.
        let s1 = pair.values.reduce(0) { $0 + $1 * $1 }
        let s2 = (0..<count).reduce(0.0) { acc, i in
            let r = weights[i].reduce(0, +) + columnSums[i]
            return acc + r * r
        }
        return (s0, s1, s2)
    }
}
