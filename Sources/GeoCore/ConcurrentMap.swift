import Foundation
import Dispatch

extension Array where Element: Sendable {
    /// `transform` applied to every element on all cores (`DispatchQueue.concurrentPerform`),
    /// results in the array's order. Each call runs on some worker thread, so GEOS and PROJ
    /// work inside it must take that thread's contexts (`GEOSContext.current`,
    /// `PROJContext.current`), never a captured one.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) -> [Result<T, any Error>] {
        // Each index is written once, by the one iteration that owns it: no lock is needed, and
        // the results are built in place in the array's own storage.
        Array<Result<T, any Error>>(unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            withoutActuallyEscaping(transform) { body in
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    (out.baseAddress! + i).initialize(to: Result { try body(self[i]) })
                }
            }
            initialized = count
        }
    }
}
