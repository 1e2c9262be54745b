import Dispatch
import GeoCore
import Synchronization
import Testing

/// ``Background``: the value or the error of the work, the same to every waiter, however many
/// times and from however many threads it is waited for.
@Suite struct BackgroundTests {
    struct Failure: Error, Equatable { var code: Int }

    @Test func returnsTheValue() throws {
        let background = Background { (1...1000).reduce(0, +) }
        #expect(try background.value() == 500_500)
    }

    @Test func carriesTheError() {
        let background = Background<Int> { throw Failure(code: 7) }
        #expect(throws: Failure(code: 7)) { try background.value() }
        guard case .failure(let error) = background.wait() else { Issue.record("no error"); return }
        #expect(error as? Failure == Failure(code: 7))
    }

    @Test func waitingTwiceGivesTheSameResultAndRunsTheWorkOnce() throws {
        let runs = Mutex(0)
        let background = Background { runs.withLock { $0 += 1 }; return "done" }
        #expect(try background.value() == "done")
        #expect(try background.value() == "done")
        #expect(try background.wait().get() == "done")
        #expect(runs.withLock { $0 } == 1)
    }

    @Test func manyWaitersAtOnce() {
        let start = DispatchSemaphore(value: 0)
        let background = Background { start.wait(); return 42 }
        let seen = Mutex<[Int]>([])
        let group = DispatchGroup()
        for _ in 0..<8 {
            DispatchQueue.global().async(group: group) {
                let v = (try? background.value()) ?? -1
                seen.withLock { $0.append(v) }
            }
        }
        start.signal()
        group.wait()
        #expect(seen.withLock { $0 } == [Int](repeating: 42, count: 8))
    }

    /// Several started at once, their results read in the order they were started.
    @Test func resultsInTheOrderStarted() throws {
        let jobs = (0..<20).map { i in Background { i * i } }
        #expect(try jobs.map { try $0.value() } == (0..<20).map { $0 * $0 })
    }
}
