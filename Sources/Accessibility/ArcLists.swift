/// Per-node lists of ``Arc``s kept in **one flat array with slack**, the adjacency of a
/// contraction while it is built (the "dynamic graph" of OSRM and RoutingKit): node v's arcs are
/// `arcs[first[v] ..< first[v] + count[v]]`, with room for `room[v]`. A list that outgrows its
/// room moves to the end of the array with twice the room; the room it leaves is garbage, given
/// back by ``compact()`` (in place: lists only move down), which the owner calls when garbage
/// reaches a share of the array (a quarter, in the contraction).
///
/// Why not `[[Arc]]`: a Swift array per node costs a heap block with its header and rounding
/// (about 100 bytes for two arcs) — 4 GB for the 46 million lists of a France-sized network,
/// against 24 bytes per arc here.
/// - Complexity: O(1) amortised append; O(degree) find and remove (swap with the last).
package struct ArcLists: Sendable {
    package private(set) var first: [UInt32]
    package private(set) var count: [UInt32]
    private var room: [UInt32]
    package private(set) var arcs: [Arc]
    /// Slots no list owns any more (left behind by moves).
    package private(set) var garbage = 0

    /// Empty lists for `nodeCount` nodes, with `capacity[v]` room reserved for node v.
    package init(capacity: [Int]) {
        var first = [UInt32](repeating: 0, count: capacity.count)
        var total = 0
        for (v, c) in capacity.enumerated() {
            first[v] = UInt32(total)
            total += c
        }
        self.first = first
        count = [UInt32](repeating: 0, count: capacity.count)
        room = capacity.map { UInt32($0) }
        // Room for the lists to grow reserved at once (twice the first lists), so that the array
        // is seldom reallocated (a copy of every arc) while it grows: pages of the room not
        // written yet take no memory.
        arcs = [Arc](unsafeUninitializedCapacity: 2 * total + 1024) { buffer, initialized in
            for k in 0..<total { buffer.initializeElement(at: k, to: Arc(node: -1, minutes: 0, metres: 0)) }
            initialized = total
        }
    }

    package var nodeCount: Int { first.count }

    /// The positions of node v's arcs in ``arcs``.
    @inline(__always) package func range(_ v: Int) -> Range<Int> {
        let f = Int(first[v])
        return f..<(f + Int(count[v]))
    }

    /// The position in ``arcs`` of v's arc to `node`, if any.
    @inline(__always) package func position(of node: Int32, in v: Int) -> Int? {
        for k in range(v) where arcs[k].node == node { return k }
        return nil
    }

    package mutating func replace(at k: Int, with arc: Arc) { arcs[k] = arc }

    package mutating func append(_ arc: Arc, to v: Int) {
        if count[v] == room[v] { move(v, room: max(4, 2 * Int(room[v]))) }
        arcs[Int(first[v] + count[v])] = arc
        count[v] += 1
    }

    /// Removes v's arc to `node` (the last arc takes its place), if there is one.
    package mutating func remove(_ node: Int32, from v: Int) {
        guard let k = position(of: node, in: v) else { return }
        let last = Int(first[v] + count[v]) - 1
        arcs[k] = arcs[last]
        count[v] -= 1
    }

    /// Moves v's list to the end of the array with `room` slots.
    private mutating func move(_ v: Int, room newRoom: Int) {
        let old = range(v)
        let start = arcs.count
        for k in old { arcs.append(arcs[k]) }  // element by element: a slice of itself would copy the whole array
        arcs.append(contentsOf: repeatElement(Arc(node: -1, minutes: 0, metres: 0), count: newRoom - old.count))
        garbage += Int(room[v])
        first[v] = UInt32(start)
        room[v] = UInt32(newRoom)
    }

    /// Gives the garbage back: every list slides down, in the order of the array, to just after
    /// the previous one, its room cut to its count (so a list never moves up: the slide is safe
    /// in place); the array then shrinks.
    /// - Complexity: O(V log V + arcs), and no second copy of the arcs.
    package mutating func compact() {
        let order = (0..<nodeCount).sorted { first[$0] < first[$1] }
        var newFirst = first, newRoom = room
        var cursor = 0
        for v in order {
            newFirst[v] = UInt32(cursor)
            newRoom[v] = count[v]
            cursor += Int(newRoom[v])
        }
        let (oldFirst, counts) = (first, count)
        arcs.withUnsafeMutableBufferPointer { buffer in
            for v in order where newFirst[v] != oldFirst[v] {
                let (from, to) = (Int(oldFirst[v]), Int(newFirst[v]))
                for j in 0..<Int(counts[v]) { buffer[to + j] = buffer[from + j] }
            }
        }
        (first, room) = (newFirst, newRoom)
        arcs.removeLast(arcs.count - cursor)
        garbage = 0
    }

    /// The lists as compressed rows (in node order); these lists are emptied at the end, so
    /// that the caller converting one direction after the other holds one direction's rows
    /// beside the lists at most.
    package mutating func compressedRows() -> (start: [Int32], node: [Int32], minutes: [Double], metres: [Double]) {
        var start = [Int32](repeating: 0, count: nodeCount + 1)
        for v in 0..<nodeCount { start[v + 1] = start[v] + Int32(count[v]) }
        let total = Int(start[nodeCount])
        var node = [Int32](), minutes = [Double](), metres = [Double]()
        node.reserveCapacity(total)
        minutes.reserveCapacity(total)
        metres.reserveCapacity(total)
        for v in 0..<nodeCount {
            for k in range(v) {
                let a = arcs[k]
                node.append(a.node)
                minutes.append(a.minutes)
                metres.append(a.metres)
            }
        }
        self = ArcLists(capacity: [])
        return (start, node, minutes, metres)
    }
}
