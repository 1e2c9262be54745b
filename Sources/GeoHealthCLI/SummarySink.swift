import GeoHealthKit
import Synchronization

/// Where a command's summary goes instead of stdout: `geohealth run` runs each analysis of a
/// study file in this process with a sink bound (``capture(_:)``) and writes the summary it
/// received into NAME.json and NAME.txt. A task-local value, so nothing global is mutated and
/// the sink is seen only by the code run inside ``capture(_:)``.
final class SummarySink: Sendable {
    /// The sink of the analysis being run by `geohealth run`; nil when a command runs alone.
    @TaskLocal static var current: SummarySink?

    /// Whether a command runs inside `geohealth run` (which records it in its own provenance).
    static var isCapturing: Bool { current != nil }

    private let received = Mutex<(summary: Summary, command: String)?>(nil)

    /// Keeps the command's summary (the last one, if it printed several).
    func receive(_ summary: Summary, command: String) {
        received.withLock { $0 = (summary, command) }
    }

    /// The summary received and the command that printed it.
    var summary: (summary: Summary, command: String)? { received.withLock { $0 } }

    /// Runs `body` with a new sink bound; returns the summary it received, if any.
    static func capture(_ body: () throws -> Void) rethrows -> (summary: Summary, command: String)? {
        let sink = SummarySink()
        try $current.withValue(sink) { try body() }
        return sink.summary
    }
}
