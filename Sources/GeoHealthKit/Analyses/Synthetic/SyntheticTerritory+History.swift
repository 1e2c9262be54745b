import Foundation
import GeoCore

extension SyntheticTerritory {
    /// Picks `options.merges` pairs of small neighbouring communes that merge after the
    /// polygons' vintage, and one pair of which one commune is restored (a split).
    mutating func makeHistory(_ rng: inout SeededGenerator) {
        var used = Set(towns)
        var pairs: [(Int, Int)] = []
        var candidates = seats.indices.filter { population[$0] < 800 }
        for k in stride(from: candidates.count - 1, to: 0, by: -1) {  // Fisher–Yates, stable across Swift versions
            candidates.swapAt(k, Int(rng.nextUnit() * Double(k + 1)))
        }
        for i in candidates where pairs.count < options.merges + 1 {
            guard !used.contains(i), let j = adjacency[i].first(where: { !used.contains($0) && population[$0] < 800 }) else { continue }
            used.formUnion([i, j])
            pairs.append((i, j))
        }
        merges = pairs.prefix(options.merges).map { (absorbed: max($0.0, $0.1), into: min($0.0, $0.1)) }
        if pairs.count > options.merges {
            let (i, j) = pairs[options.merges]
            restoration = (restored: max(i, j), from: min(i, j))
        }
    }

    /// The code under which commune `i` is known today (its absorbing commune after a merge).
    func currentCode(_ i: Int) -> String {
        codes[merges.first { $0.absorbed == i }?.into ?? i]
    }
}
