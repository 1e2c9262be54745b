/// For each candidate, a list of demand points (compressed sparse rows, one flat array of
/// 32-bit indices): what MCLP needs by candidate, built from the cost matrix's rows in two
/// passes (count, then fill) with no array per candidate.
/// - Complexity: memory 4 bytes a member plus one offset per candidate.
struct CandidateLists {
    /// Candidate c's members are `members[start[c] ..< start[c + 1]]`.
    let start: [Int]
    let members: [Int32]

    /// The lists that `visit(o, add)` makes, demand point by demand point (`o` from 0 to
    /// `demand − 1`): each `add(c)` puts `o` on candidate c's list, so lists are in increasing order.
    init(candidates: Int, demand: Int, _ visit: (Int, (Int32) -> Void) -> Void) {
        var start = [Int](repeating: 0, count: candidates + 1)
        for o in 0..<demand { visit(o) { start[Int($0) + 1] += 1 } }
        for c in 0..<candidates { start[c + 1] += start[c] }
        var fill = Array(start.dropLast())
        var members = [Int32](repeating: 0, count: start[candidates])
        for o in 0..<demand {
            visit(o) { c in
                members[fill[Int(c)]] = Int32(o)
                fill[Int(c)] += 1
            }
        }
        self.start = start
        self.members = members
    }

    /// Candidate c's demand points, in increasing order.
    subscript(c: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> { members[start[c]..<start[c + 1]].lazy.map { Int($0) } }

    /// Whether candidate c's list is empty.
    func isEmpty(_ c: Int) -> Bool { start[c] == start[c + 1] }
}
