import GeoCore
import Synchronization
import Testing

/// ``DisjointWrites``, ``Swift/Array/concurrentFill(iterations:_:)``,
/// ``Swift/Array/init(concurrentCount:_:)`` and ``Swift/Array/concurrentMap(_:)``: every slot
/// written once, by its own iteration, results in order, errors kept per element.
@Suite struct DisjointWritesTests {
    struct Failure: Error, Equatable { var index: Int }

    @Test func initializesEverySlotOnceInOrder() {
        let calls = Mutex([Int](repeating: 0, count: 10_000))
        let squares = [Int](concurrentCount: 10_000) { i in
            calls.withLock { $0[i] += 1 }
            return i * i
        }
        #expect(squares == (0..<10_000).map { $0 * $0 })
        #expect(calls.withLock { $0 }.allSatisfy { $0 == 1 })
    }

    @Test func emptyArray() {
        #expect([String](concurrentCount: 0) { String($0) }.isEmpty)
        var none: [Double] = []
        none.concurrentFill(iterations: 0) { _, _ in Issue.record("no iteration expected") }
        #expect(none.isEmpty)
    }

    /// Blocks of indices, each written by its block only; slots a block skips keep their value.
    @Test func fillWritesEachBlocksOwnSlots() {
        let n = 1000, block = 64
        var values = [Int](repeating: -1, count: n)
        values.concurrentFill(iterations: (n + block - 1) / block) { b, slots in
            for i in (b * block)..<min(n, (b + 1) * block) where i % 3 != 0 {
                slots[i] = slots[i] + 1 + i  // reads its own slot, then writes it
            }
        }
        #expect(values == (0..<n).map { $0 % 3 == 0 ? -1 : $0 })
    }

    @Test func concurrentMapKeepsOrderAndErrors() {
        let results = Array(0..<500).concurrentMap { i -> Int in
            if i % 100 == 7 { throw Failure(index: i) }
            return i * 2
        }
        #expect(results.count == 500)
        for (i, r) in results.enumerated() {
            switch r {
            case .success(let v): #expect(i % 100 != 7 && v == i * 2)
            case .failure(let e): #expect(i % 100 == 7 && e as? Failure == Failure(index: i))
            }
        }
    }
}
