import Foundation

/// The time that stands for "now" in outputs, so that identical runs write identical bytes:
/// `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC, the reproducible-builds.org convention
/// that Debian, Nix and most build tools honour), when it is set to a whole number.
///
/// ```swift
/// SourceDateEpoch.date(["SOURCE_DATE_EPOCH": "1700000000"])  // 2023-11-14T22:13:20Z
/// ```
package enum SourceDateEpoch {
    /// The date `SOURCE_DATE_EPOCH` says, or nil when it is unset or not a non-negative integer.
    package static func date(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Date? {
        guard let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text), seconds >= 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `SOURCE_DATE_EPOCH`'s date, else the current time: a run's start and end in its
    /// provenance.
    package static func now() -> Date { date() ?? Date() }
}
