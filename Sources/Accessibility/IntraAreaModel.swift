import GeoCore

/// A travel-cost model in which the residents of an area reach every site inside that area at
/// no cost: 0 minutes, 0 km. Costs to other sites are the base model's, from the area's
/// representative point.
///
/// Why: one representative point per commune puts the whole population of a large commune at
/// its point on surface, which can lie tens of kilometres from the town where the commune's
/// hospital stands (Saint-Laurent-du-Maroni, 4,290 km², 54,000 inhabitants, its hospital in the
/// town on the river: "unreachable" from its own point). Commune-to-commune distanciers count
/// the time within a commune as zero — INSEE's Metric and the DREES APL cost travel between
/// chefs-lieux, and residents of a commune that has the facility are at 0 minutes from it
/// (INSEE, "Distancier Metric", documentation; DREES, "L'accessibilité potentielle localisée
/// (APL)", Études et Résultats n° 795, 2012, méthodologie) — so a commune that contains a site
/// always reaches it, whatever its size. `--intra-commune point` turns the rule off.
///
/// - Complexity: the base model's, plus O(origins + destinations + entries) per call.
public struct IntraAreaModel: TravelCostModel {
    /// The model that costs every pair the zero rule does not cover.
    public let base: any TravelCostModel
    /// Per site id: the id of the area whose polygon covers the site.
    public let areaOfSite: [String: String]

    /// The base model `base`, with sites at zero cost from the area `areaOfSite[site id]` that covers them.
    public init(base: any TravelCostModel, areaOfSite: [String: String]) {
        self.base = base
        self.areaOfSite = areaOfSite
    }

    /// The base model's name (the zero rule does not change how travel is costed).
    public var name: String { base.name }

    /// (origin, destination) index pairs of the sites inside their origin area.
    func ownPairs(_ origins: CostPoints, _ destinations: CostPoints) -> [(origin: Int, destination: Int)] {
        guard !areaOfSite.isEmpty else { return [] }
        var pairs: [(origin: Int, destination: Int)] = []
        var originOf: [String: Int]?
        for d in destinations.ids.indices {
            guard let area = areaOfSite[destinations.ids[d]] else { continue }
            if originOf == nil {
                var index: [String: Int] = [:]
                index.reserveCapacity(origins.count)
                for o in origins.ids.indices { index[origins.ids[o]] = o }
                originOf = index
            }
            if let o = originOf![area] { pairs.append((o, d)) }
        }
        return pairs
    }

    /// The base model's costs, with 0 minutes and 0 km from each area to the sites inside it
    /// (the entry added where the base
    /// model found the site beyond reach).
    /// - Throws: what the base model throws.
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double) throws -> CostMatrix {
        try base.costs(from: origins, to: destinations, maxMinutes: maxMinutes).settingZero(ownPairs(origins, destinations))
    }

    /// ``costs(from:to:maxMinutes:)`` strictly below each origin's limit: the base model's pairs
    /// below it, the zero rule, then the limit again (a 0-minute pair is kept when its limit is above 0).
    /// - Throws: what the base model throws.
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double, below limits: [Double]) throws -> CostMatrix {
        try base.costs(from: origins, to: destinations, maxMinutes: maxMinutes, below: limits).settingZero(ownPairs(origins, destinations))
            .keeping(below: limits)
    }

    /// The base model's nearest sites and counts, corrected by the zero rule: a site inside the
    /// origin's area is at 0 minutes (nearest, ties to the lower index) and is counted within
    /// `countMinutes` once.
    /// - Throws: what the base model throws.
    public func nearest(
        from origins: CostPoints, to destinations: CostPoints, groups: [Int?], groupCount: Int, maxMinutes: Double, countMinutes: Double
    ) throws -> NearestCosts {
        var result = try base.nearest(
            from: origins, to: destinations, groups: groups, groupCount: groupCount, maxMinutes: maxMinutes, countMinutes: countMinutes)
        let pairs = ownPairs(origins, destinations).filter { groups[$0.destination] != nil }
        guard !pairs.isEmpty else { return result }
        // Whether the base model already counted each pair within countMinutes: its cost from
        // the representative point, on a small matrix of these origins and sites only.
        let o = Array(Set(pairs.map(\.origin))).sorted(), d = Array(Set(pairs.map(\.destination))).sorted()
        let rowOf = Dictionary(uniqueKeysWithValues: o.enumerated().map { ($1, $0) })
        let columnOf = Dictionary(uniqueKeysWithValues: d.enumerated().map { ($1, $0) })
        let before = try base.costs(from: origins.subset(o), to: destinations.subset(d), maxMinutes: max(countMinutes, 0))
        for (origin, destination) in pairs {
            let g = groups[destination]!
            let counted = before.row(rowOf[origin]!).contains { $0.destination == columnOf[destination]! && $0.minutes <= countMinutes }
            if !counted { result.counts[g][origin] += 1 }
            // Ties go to the lower destination index, as everywhere.
            if let current = result.nearest[g][origin], current.minutes == 0, current.destination < destination { continue }
            result.nearest[g][origin] = CostMatrix.Entry(destination: destination, minutes: 0, kilometres: 0)
        }
        return result
    }
}

extension CostPoints {
    /// The points at `indices`, in that order.
    func subset(_ indices: [Int]) -> CostPoints {
        CostPoints(metric: indices.map { metric[$0] }, lonLat: lonLat.map { l in indices.map { l[$0] } }, ids: indices.map { ids[$0] })
    }
}

extension CostMatrix {
    /// The matrix with a cost of 0 minutes and 0 km at each (origin, destination) pair, the
    /// entry added where the pair was beyond reach; rows stay sorted by minutes, then
    /// destination.
    public func settingZero(_ pairs: [(origin: Int, destination: Int)]) -> CostMatrix {
        guard !pairs.isEmpty else { return self }
        var zeroAt: [Int: [Int]] = [:]
        for p in pairs { zeroAt[p.origin, default: []].append(p.destination) }
        var builder = Builder(expectedEntries: entryCount + pairs.count)
        for o in 0..<originCount {
            let row = rowStart[o]..<rowStart[o + 1]
            guard let own = zeroAt[o] else {
                // Untouched rows are copied as they are (already sorted).
                builder.destinations.append(contentsOf: destinations[row])
                builder.minutes.append(contentsOf: minutes[row])
                builder.kilometres.append(contentsOf: kilometres[row])
                builder.rowStart.append(builder.destinations.count)
                continue
            }
            for k in row where !own.contains(Int(destinations[k])) {
                builder.add(Entry(destination: Int(destinations[k]), minutes: minutes[k], kilometres: kilometres[k]))
            }
            for d in Set(own) { builder.add(Entry(destination: d, minutes: 0, kilometres: 0)) }
            builder.endRow()
        }
        return builder.matrix(destinationCount: destinationCount, maxMinutes: maxMinutes)
    }
}
