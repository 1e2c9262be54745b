import Foundation
import Accessibility
import GeoCore
import GeoIO

extension CostModelOptions {
    /// Wraps `model` in a ``StartupDelayModel`` when a start-up delay is asked for
    /// (``startupField``, ``startupMinutes``), and records the delay used in `notes`
    /// (`startup_minutes`, `startup_field`, `startup_minutes_by_site`: least, mean, greatest).
    ///
    /// Rule: a site's delay is its ``startupField`` column when the cell holds a number; an
    /// empty or null cell takes ``startupMinutes`` when given, and is an error otherwise (a
    /// blank is an unknown delay, not a zero one: write 0). Sites the study does not list (the
    /// candidates of `site`) take ``startupMinutes``, else 0.
    /// - Throws: ``InputError`` naming the site (its index among the study's sites, its id) and
    ///   the field for a missing, negative or non-numeric delay; ``ParameterError`` when no site
    ///   has the column at all.
    func withStartupDelay(_ model: any TravelCostModel, sites: [Site], notes: inout Properties) throws -> any TravelCostModel {
        guard startupField != nil || startupMinutes != nil else { return model }
        let delays = try startupDelays(of: sites)
        if let startupMinutes { notes["startup_minutes"] = .number(startupMinutes) }
        if let startupField {
            notes["startup_field"] = .string(startupField)
            let values = delays.values
            if let least = values.min(), let greatest = values.max() {
                notes["startup_minutes_by_site"] = .object(Properties([
                    ("least", .number(least)), ("mean", .number(values.reduce(0, +) / Double(values.count))), ("greatest", .number(greatest)),
                ]))
            }
        }
        return StartupDelayModel(base: model, delays: delays, otherSitesMinutes: startupMinutes ?? 0)
    }

    /// Per site id, its delay in minutes by the rule of ``withStartupDelay(_:sites:notes:)``.
    package func startupDelays(of sites: [Site]) throws -> [String: Double] {
        guard let field = startupField else { return [:] }
        guard sites.isEmpty || sites.contains(where: { $0.attributes[field] != nil }) else {
            let columns = Set(sites.flatMap { $0.attributes.map(\.key) }).sorted()
            throw ParameterError(.contradicted, "\(.startupField) '\(field)' is not a column of the sites; their other columns are: \(columns.joined(separator: ", "))")
        }
        var delays: [String: Double] = [:]
        for (i, site) in sites.enumerated() {
            let value = site.attributes[field] ?? .null
            if value == .null || value.stringValue?.trimmingSpaces().isEmpty == true {
                guard let startupMinutes else {
                    throw InputError(
                        file: "sites", feature: i, field: field,
                        wording: "site '\(site.id)' has no start-up delay: write 0 for none, or give \(.startupMinutes) for the blanks")
                }
                delays[site.id] = startupMinutes
                continue
            }
            guard let minutes = Self.minutes(value), minutes >= 0, minutes.isFinite else {
                throw InputError(
                    file: "sites", feature: i, field: field,
                    message: "site '\(site.id)': start-up delay '\(value.stringValue ?? value.typeName)' is not a number of minutes ≥ 0")
            }
            delays[site.id] = minutes
        }
        return delays
    }

    /// A cell as minutes: a number, or a string such as `12`, `12.5` or `12,5`.
    private static func minutes(_ value: PropertyValue) -> Double? {
        switch value {
        case .number(let d): d
        case .string(let s): Double(s.trimmingSpaces().replacingOccurrences(of: ",", with: "."))
        default: nil
        }
    }
}
