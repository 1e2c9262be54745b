import ArgumentParser
import GeoHealthKit

/// `--site-where FIELD=VALUE`: a condition on a column of the site registries, the value taken
/// whole (commas included); the field may not be empty. ``SiteSchema/select(_:)`` reads it;
/// ``parse(_:)`` is the option's `transform`.
struct SiteCondition: Sendable {
    /// The value as given.
    let expression: String

    /// The condition; a `ValidationError` saying the form (the library's rule,
    /// ``SiteSchema/select(_:)``, with flags) when `argument` has no field before `=`.
    static func parse(_ argument: String) throws -> SiteCondition {
        var schema = SiteSchema()
        do { try schema.select(argument) } catch let error as ParameterError { throw ValidationError(ParameterFlags.message(error)) }
        return SiteCondition(expression: argument)
    }
}
