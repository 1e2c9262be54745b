import Foundation
import GeoCore

extension SyntheticTerritory {
    /// CPTS grown over commune adjacency: seeds spread by farthest-point sampling, then each
    /// territory in turn takes one unassigned neighbour until `cptsCoverage` of the communes
    /// are covered; the rest are white zones. One commune on a border joins a second CPTS.
    mutating func makeCPTS(_ rng: inout SeededGenerator) {
        let n = seats.count
        var owner = [Int?](repeating: nil, count: n)
        var seedsOfCPTS = [Int(rng.nextUnit() * Double(n))]
        while seedsOfCPTS.count < options.cpts {
            let far = seats.indices.max { a, b in
                seedsOfCPTS.map { seats[$0].distance(to: seats[a]) }.min()! < seedsOfCPTS.map { seats[$0].distance(to: seats[b]) }.min()!
            }!
            seedsOfCPTS.append(far)
        }
        var members = seedsOfCPTS.map { [$0] }
        for (k, s) in seedsOfCPTS.enumerated() { owner[s] = k }
        let goal = Int(Double(n) * options.cptsCoverage)
        var covered = seedsOfCPTS.count
        var grew = true
        while covered < goal && grew {
            grew = false
            for k in members.indices where covered < goal {
                let frontier = members[k].flatMap { adjacency[$0] }.filter { owner[$0] == nil }
                guard !frontier.isEmpty else { continue }
                let pick = Array(Set(frontier)).sorted()[Int(rng.nextUnit() * Double(Set(frontier).count))]
                owner[pick] = k
                members[k].append(pick)
                covered += 1
                grew = true
            }
        }
        // A border commune shared by two CPTS.
        if let shared = members[0].first(where: { c in adjacency[c].contains { owner[$0] != nil && owner[$0] != 0 } }),
            let other = adjacency[shared].compactMap({ owner[$0] }).first(where: { $0 != 0 })
        {
            members[other].append(shared)
        }
        cpts = members.enumerated().map { k, list in
            let main = list.max { population[$0] < population[$1] }!
            return CPTSRecord(id: "CPTS\(k + 1)", name: "CPTS du pays de \(names[main])", members: list.sorted())
        }
    }
}
