import ArgumentParser

/// `--site-where FIELD=VALUE`: a condition on a column of the site registries, the value taken
/// whole (commas included); the field may not be empty. ``SiteSchema/select(_:)`` reads it.
struct SiteCondition: ExpressibleByArgument, Sendable {
    /// The value as given.
    let expression: String

    init?(argument: String) {
        guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else { return nil }
        expression = argument
    }
}
