import Foundation
import GeoCore

/// Refuses a job early, with a clear message, when the process's address-space limit
/// (`ulimit -v`, `RLIMIT_AS`) is below what the job is expected to need: Swift stops a
/// process whose allocation fails (SIGABRT, exit 134), and under a tight limit a thread that
/// cannot be created may leave the process waiting for ever, so a batch user is better told
/// at the start (exit 1) than killed midway.
///
/// The need is an estimate (docs/performance.md, "Memory limits"):
/// `fixedMegabytes` + `bytesPerInputByte` × the bytes of the input files, measured on the
/// national study. It is not a guarantee: a job that passes may still run out under a limit
/// close to the estimate, and the fixed part (the Swift runtime, GEOS, PROJ and SQLite
/// mapped, thread stacks, malloc arenas) is address space, not resident memory.
package enum MemoryBudget {
    /// Address space of a job with tiny inputs (the sample study): libraries, stacks, arenas.
    static let fixedMegabytes = 200
    /// Address space per byte of input (GeoJSON polygons parsed into coordinates, tables,
    /// cost matrices): the national study's 49 MB of inputs need about 600 MB.
    static let bytesPerInputByte = 8

    package struct Shortage: ParameterNaming {
        package var job: String
        var limitMegabytes: Int
        var neededMegabytes: Int
        package var message: ParameterMessage {
            "not enough memory for \(job) (limit \(limitMegabytes) MB, this study needs about \(neededMegabytes) MB): raise `ulimit -v`, or give fewer " +
            "communes (\(.departements), fewer \(.areas) files)"
        }
    }

    /// The estimated address space (bytes) of a job reading `inputBytes` bytes of input.
    static func estimate(inputBytes: Int) -> Int {
        let (scaled, overflow) = inputBytes.multipliedReportingOverflow(by: bytesPerInputByte)
        return overflow ? Int.max : (fixedMegabytes << 20).addingReportingOverflow(scaled).overflow ? Int.max : (fixedMegabytes << 20) + scaled
    }

    /// Throws ``Shortage`` when an address-space limit is set and is below the estimate for
    /// `inputBytes` (``configureMalloc()`` first makes the estimate hold).
    package static func check(job: String, inputBytes: Int) throws {
        guard let limit = AddressSpace.limit() else { return }
        let need = estimate(inputBytes: inputBytes)
        if limit < need {
            throw Shortage(job: job, limitMegabytes: limit >> 20, neededMegabytes: (need + (1 << 20) - 1) >> 20)
        }
    }

    /// Sets glibc's malloc arenas for a job: two under an address-space limit (glibc reserves
    /// 64 MB of address space per arena and thread otherwise, which the estimate could not
    /// hold); else one per core (glibc's default is eight per core), since a job runs one
    /// worker per core and a few background threads, and memory freed in one arena is not
    /// reused by another: more arenas only hold more resident memory (the national report's
    /// peak: 30 MB more).
    package static func configureMalloc() {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        AddressSpace.limitMallocArenas(AddressSpace.limit() == nil ? Int32(clamping: max(2, cores)) : 2)
    }

    /// The bytes of the files named by `paths` (a folder: every file under it), for the
    /// estimate; paths that name nothing count 0.
    package static func inputBytes(_ paths: [String]) -> Int {
        let fm = FileManager.default
        var total = 0
        for path in paths {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                total += size(path)
                continue
            }
            let files = fm.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            for f in files { total += size((path as NSString).appendingPathComponent(f)) }
        }
        return total
    }

    private static func size(_ path: String) -> Int {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(st.st_size)
    }
}
