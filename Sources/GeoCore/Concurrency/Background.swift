import Dispatch
import Synchronization

/// A value computed on another thread while the caller goes on: started at once with a
/// throwing closure on a global queue, its ``Result`` waited for with ``wait()`` (or its value
/// with ``value()``). Waiting more than once, from any thread, returns the same result.
///
/// Threads, not `async`/`await`: the work inside is GEOS and PROJ calls, which run in the
/// calling thread's own context (`GEOSContext.current`, `PROJContext.current`, one per thread
/// and never shared); a task may resume on another thread between two awaits, a Dispatch block
/// runs on one thread from start to end. The callers are synchronous readers and loaders,
/// which wait for their background work before they return or throw — a process that exits
/// while such a thread still reads may crash in its exit handlers — so a blocking ``wait()``
/// is what they need, and `defer { _ = background.wait() }` says so.
///
/// ```swift
/// let side = Background { try PopulationTable.read(url) }
/// let areas = try readAreas()          // meanwhile
/// let table = try side.value()
/// ```
package final class Background<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Result<Value, any Error>?>(nil)

    /// Starts `work` on the global queue of `qos`.
    package init(qos: DispatchQoS.QoSClass = .userInitiated, _ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: qos).async { [self] in
            let r = Result { try work() }
            result.withLock { $0 = r }
            done.signal()
        }
    }

    /// The result, once the work has ended (blocks until then); may be called again.
    package func wait() -> Result<Value, any Error> {
        if let r = result.withLock({ $0 }) { return r }
        done.wait()
        done.signal()  // for the next waiter
        return result.withLock { $0! }
    }

    /// The value, or the error the work threw, once the work has ended.
    package func value() throws -> Value {
        try wait().get()
    }
}
