import Foundation
import Accessibility
import GeoCore

extension CostModelOptions {
    /// Wraps `model` in a ``StartupDelayModel`` when some site has a start-up delay: its own
    /// (``GeoCore/Site/startupMinutes``, from the sites' start-up column) or ``startupMinutes``
    /// for the sites without one (every site when no column was read; the candidates of `site`).
    /// Records the delay used in `notes`: `startup_minutes` (when given) and, when sites have
    /// their own, `startup_minutes_by_site` (sites, least, mean, greatest).
    func withStartupDelay(_ model: any TravelCostModel, sites: [Site], notes: inout Properties) -> any TravelCostModel {
        let delays = startupDelays(of: sites)
        guard startupMinutes != nil || !delays.isEmpty else { return model }
        if let startupMinutes { notes["startup_minutes"] = .number(startupMinutes) }
        let own = delays.values
        if let least = own.min(), let greatest = own.max() {
            notes["startup_minutes_by_site"] = .object(Properties([
                ("sites", .int(own.count)), ("least", .number(least)), ("mean", .number(own.reduce(0, +) / Double(own.count))),
                ("greatest", .number(greatest)),
            ]))
        }
        return StartupDelayModel(base: model, delays: delays, otherSitesMinutes: startupMinutes ?? 0)
    }

    /// Per site id, the site's own start-up delay, for the sites that have one.
    package func startupDelays(of sites: [Site]) -> [String: Double] {
        var delays: [String: Double] = [:]
        for site in sites {
            if let minutes = site.startupMinutes { delays[site.id] = minutes }
        }
        return delays
    }
}
