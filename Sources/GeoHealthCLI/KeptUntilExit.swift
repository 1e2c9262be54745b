/// Values a command keeps until the process exits instead of freeing them when `run()` returns:
/// the national study is ~35,000 polygons in some 100,000 arrays, and freeing them one by one
/// costs about 50 ms that the operating system does for nothing at exit (compilers do the same:
/// clang's `-disable-free`). Not used inside `geohealth run`, which runs several jobs in one
/// process and must free each before the next.
enum KeptUntilExit {
    /// Retains `values` once more, never to be released: no storage is shared, so nothing
    /// needs a lock.
    static func keep(_ values: Any...) {
        guard !SummarySink.isCapturing else { return }
        _ = Unmanaged.passRetained(Kept(values))
    }

    /// The box whose extra retain keeps the values alive.
    private final class Kept {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }
}
