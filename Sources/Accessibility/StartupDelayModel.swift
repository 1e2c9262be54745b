import GeoCore

/// A travel-cost model that adds each site's **start-up delay** to every cost towards it: the
/// minutes before a vehicle or a team leaves (a SMUR crew, an SAS home visit). Cost to site `d`
/// = base cost + `delay(d)` minutes, kilometres unchanged; what then exceeds `maxMinutes` is
/// dropped. It wraps any model (straight line, road network, matrix, and ``IntraAreaModel``: a
/// site in the commune's own polygon is then at its delay, not at 0).
///
/// Why: a response time is the delay before departure plus the drive. France's commitment of
/// access to urgent care in less than 30 minutes (Pacte territoire santé, 2012, engagement 9)
/// is a time to the patient; a site whose crew needs 10 minutes to leave covers what lies
/// within a 20-minute drive. The delays are the planner's (a column of the sites file or one
/// value), not a published table.
///
/// The base model is asked for costs within `maxMinutes − min(delay)` only, so no pair that
/// could still fit is missed and none is computed that cannot.
///
/// - Complexity: the base model's with the bound lowered, plus O(entries log entries).
public struct StartupDelayModel: TravelCostModel {
    /// The model that costs the drive.
    public let base: any TravelCostModel
    /// Per site id: its start-up delay in minutes (≥ 0).
    public let delays: [String: Double]
    /// The delay of a site `delays` does not list (a candidate site of `site`), in minutes.
    public let otherSitesMinutes: Double

    /// The base model with `delays[site id]` minutes (else `otherSitesMinutes`) added to every
    /// cost towards a site.
    /// - Precondition: every delay is finite and ≥ 0.
    public init(base: any TravelCostModel, delays: [String: Double], otherSitesMinutes: Double = 0) {
        precondition(delays.values.allSatisfy { $0 >= 0 && $0.isFinite } && otherSitesMinutes >= 0 && otherSitesMinutes.isFinite)
        self.base = base
        self.delays = delays
        self.otherSitesMinutes = otherSitesMinutes
    }

    /// The base model's name with the delay: `straight line ×1.3 at 60 km/h + start-up delay`.
    public var name: String { base.name + " + start-up delay" }

    /// The delay of the site named `id`, in minutes.
    public func delay(of id: String) -> Double { delays[id] ?? otherSitesMinutes }

    /// The base model's costs plus each destination's delay, those within `maxMinutes` kept.
    /// - Throws: what the base model throws.
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double) throws -> CostMatrix {
        try delayed(from: origins, to: destinations, maxMinutes: maxMinutes, below: nil)
    }

    /// ``costs(from:to:maxMinutes:)`` strictly below each origin's limit. The base model is asked
    /// for the drives below the same limits (a drive plus a delay ≥ 0 is never shorter than the drive).
    /// - Throws: what the base model throws.
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double, below limits: [Double]) throws -> CostMatrix {
        try delayed(from: origins, to: destinations, maxMinutes: maxMinutes, below: limits)
    }

    private func delayed(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double, below limits: [Double]?) throws -> CostMatrix {
        let delay = destinations.ids.map(delay(of:))
        let least = delay.min() ?? 0
        guard maxMinutes >= least else {
            return CostMatrix(destinationCount: destinations.count, maxMinutes: maxMinutes, rows: Array(repeating: [], count: origins.count))
        }
        let drive =
            try limits.map { try base.costs(from: origins, to: destinations, maxMinutes: maxMinutes - least, below: $0) }
            ?? base.costs(from: origins, to: destinations, maxMinutes: maxMinutes - least)
        var builder = CostMatrix.Builder(expectedEntries: drive.entryCount)
        for o in 0..<drive.originCount {
            for k in drive.rowStart[o]..<drive.rowStart[o + 1] {
                let d = Int(drive.destinations[k]), minutes = drive.minutes[k] + delay[d]
                guard minutes <= maxMinutes && minutes < (limits?[o] ?? .infinity) else { continue }
                builder.add(CostMatrix.Entry(destination: d, minutes: minutes, kilometres: drive.kilometres[k]))
            }
            builder.endRow()
        }
        return builder.matrix(destinationCount: destinations.count, maxMinutes: maxMinutes)
    }

    /// The nearest site of each group and the count within `countMinutes`, delays included.
    /// With one delay for every destination, the base model's fast answer shifted by it;
    /// otherwise read off ``costs(from:to:maxMinutes:)``.
    /// - Throws: what the base model throws.
    public func nearest(
        from origins: CostPoints, to destinations: CostPoints, groups: [Int?], groupCount: Int, maxMinutes: Double, countMinutes: Double
    ) throws -> NearestCosts {
        let delay = Set(destinations.ids.map(delay(of:)))
        guard delay.count == 1, let shift = delay.first, maxMinutes >= shift else {
            let matrix = try costs(from: origins, to: destinations, maxMinutes: maxMinutes)
            return NearestCosts(matrix, groups: groups, groupCount: groupCount, countMinutes: countMinutes)
        }
        var result = try base.nearest(
            from: origins, to: destinations, groups: groups, groupCount: groupCount, maxMinutes: maxMinutes - shift,
            countMinutes: countMinutes - shift)
        for g in result.nearest.indices {
            for o in result.nearest[g].indices { result.nearest[g][o]?.minutes += shift }
        }
        return result
    }
}
