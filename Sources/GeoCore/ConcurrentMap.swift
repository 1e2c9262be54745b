import Foundation
import Synchronization
import Dispatch

extension Array where Element: Sendable {
    /// `transform` applied to every element on all cores (`DispatchQueue.concurrentPerform`),
    /// results in the array's order. Each call runs on some worker thread, so GEOS and PROJ
    /// work inside it must take that thread's contexts (`GEOSContext.current`,
    /// `PROJContext.current`), never a captured one.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) -> [Result<T, any Error>] {
        let results = Mutex<[Result<T, any Error>?]>(Array<Result<T, any Error>?>(repeating: nil, count: count))
        withoutActuallyEscaping(transform) { body in
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let outcome = Result { try body(self[i]) }
                results.withLock { $0[i] = outcome }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
