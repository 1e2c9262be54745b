extension Array where Element: Sendable {
    /// `transform` applied to every element on all cores (`DispatchQueue.concurrentPerform`),
    /// results in the array's order, each built in place in its own slot
    /// (``Swift/Array/init(concurrentCount:_:)``). Each call runs on some worker thread, so GEOS
    /// and PROJ work inside it must take that thread's contexts (`GEOSContext.current`,
    /// `PROJContext.current`), never a captured one.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) -> [Result<T, any Error>] {
        [Result<T, any Error>](concurrentCount: count) { i in Result { try transform(self[i]) } }
    }
}
