#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time and peak resident memory of this process so far (`getrusage(RUSAGE_SELF)`).
///
/// The platform shim for resource usage: `RUSAGE_SELF` is an enum on glibc and an `Int32` on
/// Darwin, and `ru_maxrss` counts kilobytes on Linux but bytes on macOS; both differences stay
/// in this file (docs/architecture.md, "Platforms").
package struct ProcessUsage: Sendable {
    /// User plus system CPU seconds of all threads.
    package var cpuSeconds: Double
    /// The largest resident set so far, in MB (2²⁰ bytes).
    package var peakResidentMegabytes: Int

    package static func current() -> ProcessUsage {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakBytes = Int(usage.ru_maxrss) * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        let peakBytes = Int(usage.ru_maxrss)
        #endif
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
        return ProcessUsage(cpuSeconds: cpu, peakResidentMegabytes: peakBytes >> 20)
    }
}
