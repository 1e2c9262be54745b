import Accessibility
import Foundation
import GeoCore

extension GapDrawModel {
    /// The model of `gaps`'s rules on `study` (loaded communes, buffer included) whose reported
    /// communes are `reported`: `nearest` are the travel rule's stated nearest sites of every
    /// loaded commune, `fixed` the rules not redrawn over the reported communes. The access is
    /// drawn with the access rule, or without one when `uncertainty` states an access.
    /// - Throws: ``ParameterError`` for the zone ratio (no catchment to draw), the access
    ///   analysis's and the cost model's errors.
    init(
        _ study: Study, reported: [Int], gaps: GapsAnalysis.Options, uncertainty: GapUncertainty.Options, projected: ProjectedStudy,
        nearest: [CostMatrix.Entry?]?, fixed: [String: [Bool]]
    ) throws {
        let ranges = uncertainty.ranges
        names = gaps.ruleNames
        combineAll = gaps.combineAll
        self.fixed = fixed
        self.reported = reported
        population = reported.map { study.areas[$0].population ?? 0 }
        keys = study.areas.map { UncertainDraw.key($0.id) }
        func startup(_ site: Int) -> Double { study.sites[site].startupMinutes ?? gaps.cost.startupMinutes ?? 0 }
        if let nearest, let limit = gaps.minutesAbove {
            let candidates = try Self.travelCandidates(study, gaps: gaps, ranges: ranges, projected: projected, nearest: nearest, startup: startup)
            travel = Travel(candidates: reported.map { candidates[$0] }, limit: limit)
        }
        if let below = gaps.accessBelow {
            access = try Self.access(study, options: gaps.accessOptions, below: below, ranges: ranges, projected: projected, startup: startup)
        } else if let stated = uncertainty.access {
            access = try Self.access(study, options: stated, below: nil, ranges: ranges, projected: projected, startup: startup)
        }
        parameters = Self.drawn(ranges: ranges, gaps: gaps, access: access)
    }

    /// The access's model: supply, demand and decay as ``AccessAnalysis`` states them for `a`,
    /// the matrix bounded by ``Accessibility/DrawnCatchment/bound(catchment:ranges:withDetour:)``.
    static func access(
        _ study: Study, options a: AccessAnalysis.Options, below: Double?, ranges: UncertaintyRanges, projected: ProjectedStudy,
        startup: (Int) -> Double
    ) throws -> Access {
        guard a.method != .ratio else {
            throw ParameterError(.contradicted, "\(.uncertainty) draws catchments: give a floating-catchment \(.accessMethod), not ratio")
        }
        let kinds = Set(a.kinds ?? study.sites.map(\.kind))
        let sites = study.sites.indices.filter { kinds.contains(study.sites[$0].kind) }
        guard !sites.isEmpty else { throw ParameterError(.contradicted, "no site of kind \(kinds.map(\.rawValue).sorted().joined(separator: ", "))") }
        var notes = Properties()
        let (supply, unit) = try AccessAnalysis.supply(study, siteIndices: sites, options: a, notes: &notes)
        let demand = try AccessAnalysis.demand(study, options: a, unit: unit, notes: &notes)
        let catchment = a.catchmentMinutes ?? AccessAnalysis.defaultCatchmentMinutes(a.method)
        let bound = DrawnCatchment.bound(catchment: catchment, ranges: ranges, withDetour: a.cost.kind == .straight)
        var cost = a.cost
        cost.maxMinutes = bound
        let (model, _) = try cost.model(for: projected, study: study)
        let matrix = try projected.costs(study, model: model, maxMinutes: bound, sites: { kinds.contains(study.sites[$0].kind) }, renumbered: true)
        let delays = sites.map(startup)
        let kernel = DrawnCatchment(
            costs: matrix, startup: delays.contains { $0 != 0 } ? delays : nil, catchment: catchment,
            decay: AccessAnalysis.decay(a, catchment: catchment), selection: a.method == .threeStep)
        return Access(catchment: kernel, demand: demand, supply: supply, below: below, per: a.per, straightLine: a.cost.kind == .straight)
    }

    /// The parameters the rules use and whose range is not a single value: catchment, decay
    /// (not for a uniform weight) and activity with the access rule; speed with either; detour
    /// with the straight line; population always.
    static func drawn(ranges: UncertaintyRanges, gaps: GapsAnalysis.Options, access: Access?) -> [UncertaintyRanges.Parameter] {
        let travels = gaps.minutesAbove != nil || access != nil
        return UncertaintyRanges.Parameter.allCases.filter { p in
            let r = ranges.range(p)
            guard r.lowerBound < r.upperBound else { return false }
            switch p {
            case .catchment, .activity: return access != nil
            case .decay: return access != nil && access!.catchment.decayIsUniform == false
            case .speed: return travels
            case .detour: return travels && (access?.straightLine ?? (gaps.cost.kind == .straight))
            case .population: return true
            }
        }
    }
}
