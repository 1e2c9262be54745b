/// Population and communes covered, overall and by group.
///
/// Two ways to count a commune's covered population, chosen by the user:
/// - **area-proportional** (default): population × share of the commune's surface covered,
///   which assumes residents spread evenly over the commune;
/// - **representative point**: the whole population when the commune's point-on-surface is
///   covered, none otherwise.
/// A commune counts as covered when its covered share is positive (area-proportional) or its
/// point is covered (representative point).
package struct CoverageSummary: Sendable, Equatable {
    package enum Method: String, Sendable, CaseIterable {
        case areaProportional = "area"
        case representativePoint = "point"
    }

    package struct Row: Sendable, Equatable {
        package var group: String
        package var communes = 0
        package var communesCovered = 0
        package var population = 0.0
        package var populationCovered = 0.0
    }

    package var overall: Row
    package var groups: [Row]

    /// - Parameters:
    ///   - coveredShare: per commune, the fraction of its population counted as covered (0 … 1).
    ///   - groups: per commune, its group label (nil: no grouping).
    package init(population: [Double], coveredShare: [Double], groups: [String]? = nil) {
        precondition(population.count == coveredShare.count)
        func row(_ name: String, _ members: [Int]) -> Row {
            var r = Row(group: name)
            for i in members {
                r.communes += 1
                r.population += population[i]
                r.populationCovered += population[i] * coveredShare[i]
                if coveredShare[i] > 0 { r.communesCovered += 1 }
            }
            return r
        }
        overall = row("all", Array(population.indices))
        if let groups {
            let byGroup = Dictionary(grouping: population.indices, by: { groups[$0] })
            self.groups = byGroup.keys.sorted().map { row($0, byGroup[$0]!) }
        } else {
            self.groups = []
        }
    }
}
