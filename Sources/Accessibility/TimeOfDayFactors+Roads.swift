import GeoCore

extension TimeOfDayFactors {
    /// The speed of a road at `minutesOfDay`: `kmh` × the period's urban or rural factor.
    public func speedKmh(_ kmh: Double, at minutesOfDay: Int, urban: Bool) -> Double {
        kmh * factor(at: minutesOfDay, urban: urban)
    }

    /// The roads with their speeds at `minutesOfDay`: each road's `kmh` × its factor, urban or
    /// rural by `urban[i]` (the rule of `docs/roads.md` §3, decided by the road reader). The
    /// snap leg (`docs/roads.md` §5) keeps its own speed: it is not traffic.
    /// - Precondition: `urban.count == roads.count`.
    /// - Complexity: O(roads).
    public func applying(at minutesOfDay: Int, to roads: [RoadNetwork.Road], urban: [Bool]) -> [RoadNetwork.Road] {
        precondition(urban.count == roads.count, "one urban flag per road")
        let factors = (urban: factor(at: minutesOfDay, urban: true), rural: factor(at: minutesOfDay, urban: false))
        var result = roads
        for i in result.indices { result[i].kmh *= urban[i] ? factors.urban : factors.rural }
        return result
    }
}
