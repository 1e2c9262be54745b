import Accessibility
import ArgumentParser

/// A time of day written HH:MM (`--time-of-day 18:00`), in minutes after midnight;
/// ``parse(_:)`` is the option's `transform`.
struct ClockTime: Sendable {
    let minutes: Int

    /// The time; a `ValidationError` saying the form when `argument` is not HH:MM from 00:00 to 23:59.
    static func parse(_ argument: String) throws -> ClockTime {
        guard let m = TimeOfDayFactors.minutes(of: argument), m < 1440 else {
            throw ValidationError("write a time of day HH:MM from 00:00 to 23:59 (e.g. 03:00, 18:00)")
        }
        return ClockTime(minutes: m)
    }
}
