import Foundation
import GeoCore
import Synchronization

/// Progress of long steps (reading 100 MB, travel-time matrices, siting), reported to whoever
/// listens: the CLI shows one line on stderr when stderr is a terminal, and nothing otherwise
/// or with `--quiet` (DESIGN.md, "Progress"). Libraries and tests leave it silent.
package enum Progress {
    private static let sink = Mutex<(@Sendable (String) -> Void)?>(nil)

    package static func listen(_ handler: (@Sendable (String) -> Void)?) {
        sink.withLock { $0 = handler }
    }

    package static func report(_ step: String) {
        let handler = sink.withLock { $0 }
        handler?(step)
    }

    private static let warningSink = Mutex<(@Sendable (String) -> Void)?>(nil)

    /// Where warnings go: the CLI prints them on stderr (terminal or not) unless `--quiet`.
    package static func listenForWarnings(_ handler: (@Sendable (String) -> Void)?) {
        warningSink.withLock { $0 = handler }
    }

    /// Says something that does not stop the job but the user should know about the inputs
    /// (sites outside the areas, a commune dropped for having no area), on the warnings'
    /// sink: the CLI prints it on stderr unless `--quiet`, terminal or not.
    static func warn(_ message: String) {
        let handler = warningSink.withLock { $0 }
        handler?("warning: \(message)")
    }

    /// Seconds above which a job is announced before it starts (``warnIfLong(_:seconds:advice:)``).
    static let longJobSeconds = 60.0

    /// Says, before it starts, that a job is expected to run for minutes, with what would make it
    /// shorter (its parameters spelled as the front end asked, ``ParameterSpelling``); silent for
    /// shorter jobs.
    package static func warnIfLong(_ job: String, seconds: Double, advice: ParameterMessage) {
        guard seconds >= longJobSeconds else { return }
        let minutes = seconds.isFinite ? max(1, Int((min(seconds, 1e9) / 60).rounded())) : 1_000_000_000
        let handler = warningSink.withLock { $0 }
        handler?("warning: \(job) is expected to take about \(minutes) min on this machine; \(ParameterSpelling.text(advice))")
    }
}
