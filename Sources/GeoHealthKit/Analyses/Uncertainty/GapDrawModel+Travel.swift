import Accessibility
import Foundation
import GeoCore

extension GapDrawModel {
    /// Per loaded commune, the sites of the travel rule's kind that can be its nearest in some
    /// draw, as (stated minutes, start-up delay). A draw's time to a site, (t − s) f + s, is a
    /// line in the time factor f; when every site of the kind has the same delay the lines do
    /// not cross and the stated nearest site (`nearest`) is the nearest in every draw. Otherwise
    /// (SAS, emergency sites with delays of their own) a slow draw may prefer a site with a
    /// longer delay and a shorter drive: every site within the search bound is costed, and
    /// those beaten at both ends of the factor's range by another are dropped (a line below
    /// another at both ends stays below it between): sorted by their time at the lowest factor,
    /// a site is kept when its time at the highest is below every kept one's.
    static func travelCandidates(
        _ study: Study, gaps: GapsAnalysis.Options, ranges: UncertaintyRanges, projected: ProjectedStudy, nearest: [CostMatrix.Entry?],
        startup: (Int) -> Double
    ) throws -> [[(minutes: Double, startup: Double)]] {
        let kind = gaps.travelKind!
        let delays = Set(study.sites.indices.filter { study.sites[$0].kind == kind }.map(startup))
        guard delays.count > 1 else { return nearest.map { $0.map { [($0.minutes, startup($0.destination))] } ?? [] } }
        let straight = gaps.cost.kind == .straight
        let low = ranges.lowestTimeFactor(withDetour: straight)
        let high = (straight ? ranges.detour.upperBound : 1) / ranges.speed.lowerBound
        var cost = gaps.cost
        cost.maxMinutes = GapsAnalysis.travelSearchBound(gaps)
        let (model, _) = try cost.model(for: projected, study: study)
        let matrix = try projected.costs(study, model: model, maxMinutes: cost.maxMinutes, sites: { study.sites[$0].kind == kind })
        func at(_ f: Double, _ l: (minutes: Double, startup: Double)) -> Double { (l.minutes - l.startup) * f + l.startup }
        return (0..<matrix.originCount).map { o in
            let lines = matrix.row(o).map { (minutes: $0.minutes, startup: startup($0.destination)) }
                .sorted { (at(low, $0), at(high, $0)) < (at(low, $1), at(high, $1)) }
            var best = Double.infinity
            return lines.filter { l in
                guard at(high, l) < best else { return false }
                best = at(high, l)
                return true
            }
        }
    }
}
