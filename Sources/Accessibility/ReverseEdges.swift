/// The edges of a ``RoadNetwork`` grouped by the node they lead **into** (compressed rows):
/// `start[v] ..< start[v + 1]` index the edges u→v, their sources `source` and their `minutes`.
/// For searches that run from a site backwards (a resident's time to reach it); built in
/// O(V + E) once per analysis, as the graph keeps only its forward rows.
package struct ReverseEdges: Sendable {
    package let start: [Int32]
    package let source: [Int32]
    package let minutes: [Double]

    /// The reverse rows of `network`.
    package init(_ network: RoadNetwork) {
        let n = network.nodes.count
        var start = [Int32](repeating: 0, count: n + 1)
        for t in network.edgeTarget { start[Int(t) + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var source = [Int32](repeating: 0, count: network.edgeTarget.count)
        var minutes = [Double](repeating: 0, count: network.edgeTarget.count)
        for u in 0..<n {
            for k in Int(network.edgeStart[u])..<Int(network.edgeStart[u + 1]) {
                let v = Int(network.edgeTarget[k]), slot = Int(fill[v])
                source[slot] = Int32(u)
                minutes[slot] = network.edgeMinutes[k]
                fill[v] += 1
            }
        }
        (self.start, self.source, self.minutes) = (start, source, minutes)
    }
}
