import Foundation

/// Test hooks, read from the environment once; without them nothing here does anything.
///
/// - `GEOHEALTH_TEST_STOP_AFTER_STEP=N`: the process kills itself with SIGKILL (no cleanup, no
///   `defer`, as a power cut or `kill -9` would) when it reaches its N-th step: a work folder
///   created, an analysis of `geohealth run` finished, `provenance.json` written, a folder
///   swapped into place, the previous one removed (docs/study-file.md). The test of issue 20
///   kills `run` and `report` at every step and checks that the output folder is always the
///   whole previous one or the whole new one.
/// - `GEOHEALTH_TEST_NO_EXCHANGE=1`: swap folders with two renames, as on a file system without
///   an atomic exchange (``FolderSwap``), so that path and its recovery are tested too.
package enum TestHook {
    static let stopAfter: Int? = ProcessInfo.processInfo.environment["GEOHEALTH_TEST_STOP_AFTER_STEP"].flatMap { Int($0) }
    static let noExchange = ProcessInfo.processInfo.environment["GEOHEALTH_TEST_NO_EXCHANGE"] == "1"
    /// Steps reached so far. Steps are reached on the thread that writes the outputs, one at
    /// a time.
    nonisolated(unsafe) private static var reached = 0

    /// Marks one step (`name` is printed to stderr when the hook stops there).
    package static func step(_ name: String) {
        guard let stopAfter else { return }
        reached += 1
        guard reached == stopAfter else { return }
        FileHandle.standardError.write(Data("test hook: killed after step \(reached) (\(name))\n".utf8))
        kill(getpid(), SIGKILL)
    }
}
