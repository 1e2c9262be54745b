import Accessibility
import GeoCore
import Testing

/// ``ArcLists`` against an array of arrays doing the same random appends, replacements,
/// removals and compactions (lists compared as multisets: a removal moves the last arc into
/// the hole); then its compressed rows. The seed is printed on failure.
@Suite struct ArcListsTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomOperationsMatchArraysOfArrays(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let n = 40
        // Some lists start with no room at all, some with room for a few arcs.
        let rooms = (0..<n).map { _ in Int(rng.next() % 3) }
        var lists = ArcLists(capacity: rooms)
        var model = [[Arc]](repeating: [], count: n)
        func sorted(_ arcs: some Sequence<Arc>) -> [Arc] { arcs.sorted { ($0.node, $0.minutes) < ($1.node, $1.minutes) } }
        func check(_ step: Int) {
            for v in 0..<n {
                #expect(sorted(lists.range(v).map { lists.arcs[$0] }) == sorted(model[v]), "seed \(seed), step \(step), node \(v)")
            }
        }
        for step in 0..<3_000 {
            let v = Int(rng.next() % UInt64(n))
            let target = Int32(rng.next() % 60)
            switch rng.next() % 10 {
            case 0..<5 where !model[v].contains { $0.node == target }:
                let arc = Arc(node: target, minutes: rng.nextUnit(), metres: rng.nextUnit() * 1_000)
                lists.append(arc, to: v)
                model[v].append(arc)
            case 5..<7:
                lists.remove(target, from: v)
                model[v].removeAll { $0.node == target }
            case 7..<9:
                if let k = lists.position(of: target, in: v) {
                    let arc = Arc(node: target, minutes: rng.nextUnit(), metres: 1)
                    lists.replace(at: k, with: arc)
                    model[v][model[v].firstIndex { $0.node == target }!] = arc
                } else {
                    #expect(!model[v].contains { $0.node == target }, "seed \(seed): \(target) not found in \(v)")
                }
            default:
                if rng.next() % 20 == 0 {
                    lists.compact()
                    #expect(lists.garbage == 0 && lists.arcs.count == model.reduce(0) { $0 + $1.count }, "seed \(seed): compaction keeps only live arcs")
                }
            }
            if step % 100 == 0 { check(step) }
        }
        check(3_000)
        let rows = lists.compressedRows()
        #expect(rows.start.count == n + 1 && Int(rows.start[n]) == model.reduce(0) { $0 + $1.count })
        for v in 0..<n {
            let got = (Int(rows.start[v])..<Int(rows.start[v + 1])).map { Arc(node: rows.node[$0], minutes: rows.minutes[$0], metres: rows.metres[$0]) }
            #expect(sorted(got) == sorted(model[v].map { Arc(node: $0.node, minutes: $0.minutes, metres: $0.metres) }), "seed \(seed): row \(v)")
        }
    }
}
