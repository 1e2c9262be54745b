#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's address-space limit and glibc's malloc arenas: the platform shim for the
/// memory check (`MemoryBudget` in GeoHealthKit). `RLIMIT_AS` is an enum on glibc and an
/// `Int32` on Darwin; `mallopt` exists only in glibc (a no-op elsewhere). Both differences stay
/// in this file (docs/architecture.md, "Platforms").
package enum AddressSpace {
    /// The soft address-space limit (`ulimit -v`, `getrlimit(RLIMIT_AS)`) in bytes, or nil when
    /// there is none.
    package static func limit() -> Int? {
        var limit = rlimit()
        #if os(Linux)
        let status = getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        #else
        let status = getrlimit(RLIMIT_AS, &limit)
        #endif
        guard status == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// glibc's `mallopt(M_ARENA_MAX, n)` (M_ARENA_MAX is -8 in `malloc.h`), looked up at run
    /// time because Swift's Glibc module does not export `malloc.h`; glibc reserves 64 MB of
    /// address space per arena and thread otherwise. Nothing on other platforms.
    package static func limitMallocArenas(_ n: Int32) {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }  // RTLD_DEFAULT
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, n)
        #endif
    }
}
