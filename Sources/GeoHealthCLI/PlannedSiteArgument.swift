import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

/// `site --add lon,lat[,capacity[,name]]`: a planned site in degrees, with an optional
/// capacity (in ``OptionRange/nonNegativeValue``) and name (the rest of the value, commas
/// included).
struct PlannedSiteArgument: Sendable {
    var location: Coordinate
    var capacity: Double?
    var name: String?

    /// The planned site (the option's `transform`); a `ValidationError` saying the form, or the
    /// capacity's range, otherwise.
    static func parse(_ argument: String) throws -> PlannedSiteArgument {
        let parts = argument.split(separator: ",", maxSplits: 3).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2, let lon = Double(parts[0]), let lat = Double(parts[1]), abs(lon) <= 180, abs(lat) <= 90 else {
            throw ValidationError("write lon,lat[,capacity[,name]] in degrees")
        }
        var site = PlannedSiteArgument(location: Coordinate(x: lon, y: lat), capacity: nil, name: parts.count > 3 ? parts[3] : nil)
        if parts.count > 2 {
            guard let capacity = Double(parts[2]), OptionRange.nonNegativeValue.contains(capacity) else {
                throw ValidationError("the capacity must be a number \(OptionRange.nonNegativeValue.helpText)")
            }
            site.capacity = capacity
        }
        return site
    }

    /// The help text: the form and the ranges.
    static let helpText = "A planned site 'lon,lat[,capacity[,name]]': longitude and latitude in degrees, "
        + "a capacity \(OptionRange.nonNegativeValue.helpText); repeat for several."

    /// The site; one without a name is called `planned N`, N its rank among the `--add`.
    func planned(number: Int) -> SitingAnalysis.PlannedSite {
        SitingAnalysis.PlannedSite(location: location, capacity: capacity, name: name ?? "planned \(number)")
    }
}
