import ArgumentParser

/// A date option written YYYY-MM-DD (`--history-since 2018-01-01`), compared as text with the
/// dates of the INSEE history.
struct ISODate: ExpressibleByArgument, Sendable {
    let text: String

    init?(argument: String) {
        guard argument.count == 10 else { return nil }
        text = argument
    }

    var defaultValueDescription: String { text }
}
