/// Contiguous zones: the connected components of the units that satisfy a condition, over a
/// neighbour graph (shared boundaries). Components are listed in order of their smallest unit,
/// units sorted within each.
/// - Complexity: O(units + neighbour pairs), breadth-first search.
public enum ContiguousZones {
    /// The connected components of the units with `selected[i]`, over `neighbours` (unit i's
    /// neighbour indices): each a list of units, sorted; components ordered by their smallest unit.
    /// - Precondition: one neighbour list per unit.
    public static func components(selected: [Bool], neighbours: [[Int]]) -> [[Int]] {
        precondition(selected.count == neighbours.count)
        var zone = [Int](repeating: -1, count: selected.count)
        var zones: [[Int]] = []
        for start in selected.indices where selected[start] && zone[start] < 0 {
            var members = [start]
            zone[start] = zones.count
            var head = 0
            while head < members.count {
                let v = members[head]
                head += 1
                for u in neighbours[v] where selected[u] && zone[u] < 0 {
                    zone[u] = zones.count
                    members.append(u)
                }
            }
            zones.append(members.sorted())
        }
        return zones
    }
}
