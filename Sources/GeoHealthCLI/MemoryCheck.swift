import Foundation
import GeoHealthKit

/// The memory check every command passes before it starts (``MemoryBudget``): under an
/// address-space limit (`ulimit -v`) below the job's estimated need, the command stops at once
/// with exit 1 and "not enough memory for …", instead of an abort (exit 134) or a hang midway.
enum MemoryCheck {
    /// Options whose value is a file the command writes, not one it reads.
    static func isOutputOption(_ word: String) -> Bool {
        word == "--out" || word == "--csv" || word.hasSuffix("-out")
    }

    /// The input paths of a command line: every argument that names an existing file or
    /// folder, except the values of output options; a study file (`run STUDY.yaml`) counts
    /// with its folder, where its inputs are.
    static func inputPaths(_ arguments: [String]) -> [String] {
        var paths: [String] = []
        var skipNext = false
        for word in arguments {
            if skipNext { skipNext = false; continue }
            if isOutputOption(word) { skipNext = true; continue }
            guard !word.hasPrefix("-"), FileManager.default.fileExists(atPath: word) else { continue }
            let lower = word.lowercased()
            if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
                paths.append((word as NSString).deletingLastPathComponent.isEmpty ? "." : (word as NSString).deletingLastPathComponent)
            } else {
                paths.append(word)
            }
        }
        return paths
    }

    /// Throws ``MemoryBudget/Shortage`` for the command line `arguments` (program name first).
    /// `GEOHEALTH_MEMORY_CHECK=0` in the environment skips the check (the estimate is an
    /// estimate: a user who knows the job fits may run it anyway); malloc's arenas are set
    /// either way (``MemoryBudget/configureMalloc()``).
    static func refuseIfShort(_ arguments: [String]) throws {
        MemoryBudget.configureMalloc()
        guard ProcessInfo.processInfo.environment["GEOHEALTH_MEMORY_CHECK"] != "0" else { return }
        let words = Array(arguments.dropFirst())
        let job = "geohealth " + (words.first { !$0.hasPrefix("-") } ?? "")
        try MemoryBudget.check(job: job, inputBytes: MemoryBudget.inputBytes(inputPaths(words)))
    }
}
