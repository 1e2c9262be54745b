import Foundation
import Accessibility
import GeoCore
import GEOSBridge
import GeoIO

/// `geohealth coverage --population-grid FILE`: the residents inside the territories and within
/// reach of the sites, counted square by square instead of commune by commune.
///
/// - A square's residents inside the territories: for territories given as lists of communes,
///   those it gives to member communes by area (w_kc, ``GridAllocation``); for polygon
///   territories, Pₖ · |squareₖ ∩ ∪T| / |squareₖ|, exact shares of the territories' union on the
///   grid's lattice (``GeoCore/LatticeCoverage``): overlapping territories count once. With both
///   kinds, the residents outside member communes are in by the square's share in the polygons
///   (spread evenly over the square). Each territory's own residents use its own shares.
/// - Within reach: a square is covered when a site of the catchment's kinds is within the minutes
///   from its centre (a site inside it is at 0 minutes), by the study's cost model.
/// - Per commune, the share of its grid residents inside: 1 for a member commune, else
///   Σₖ w_kc aₖ / Σₖ w_kc with aₖ the square's share in the polygons; within reach,
///   Σₖ w_kc [reachedₖ] / Σₖ w_kc; groups (`--group-by`) sum their communes.
package struct GridCoverage: Sendable {
    package var study: Study
    package var options: CoverageAnalysis.Options
    package var grid: GridPopulation
    package var allocation: GridAllocation
    /// Per square: the fraction of its residents inside the territories (nil: no territory).
    package var inTerritories: [Double]?
    /// Per commune: the share of its grid residents inside the territories (nil: none).
    package var communeInTerritories: [Double?] = []
    /// Per territory: its residents, from the squares.
    package var territoryResidents: [Double]
    /// Per square: whether a site is within the catchment (nil: no catchment).
    package var inReach: [Bool]?
    package var groups: [String]?
    package var summary = Summary()

    package static func run(_ study: Study, grid: GridPopulation, options given: CoverageAnalysis.Options) throws -> GridCoverage {
        guard grid.cellCount > 0 else { throw InputError(file: grid.file, message: "the grid has no populated cell") }
        let communes = study.withoutBuffer()
        let options = try CoverageAnalysis.resolved(given, territories: communes.territories)
        if options.cost.kind == .matrix && options.catchmentMinutes != nil {
            throw ParameterError(.contradicted, "\(.originDestinationMatrix) gives costs from communes: with \(.populationGrid), cost the squares by straight line or by road")
        }
        Progress.report("cells × communes…")
        let projected = try ProjectedStudy(communes, crs: options.crs, keepGeometries: false)
        let (grid, allocation) = try GridAllocation.ofReportedSquares(grid, study: study, communes: communes, crs: options.crs)
        var coverage = GridCoverage(
            study: communes, options: options, grid: grid, allocation: allocation, territoryResidents: [],
            groups: try options.groupBy.map { try AreaGroups.labels(communes.areas, by: $0) })
        if !communes.territories.isEmpty { try coverage.coverTerritories() }
        var notes = Properties()
        if let minutes = options.catchmentMinutes {
            let kinds = Set(options.catchmentKinds ?? communes.sites.map(\.kind))
            let chosen = communes.sites.indices.filter { kinds.contains(communes.sites[$0].kind) }
            guard !chosen.isEmpty else {
                throw ParameterError(.contradicted, "no site of kind \(kinds.map(\.rawValue).sorted().joined(separator: ", ")) for the catchments")
            }
            let costs = try GridCosts(
                grid: grid, study: communes, projected: projected, siteIndices: chosen, options: options.cost, maxMinutes: minutes,
                forcedCRS: options.crs, allocation: allocation)
            notes = costs.notes
            coverage.inReach = try costs.nearest(cellCount: grid.cellCount, groupCount: 1, groupOf: chosen.map { _ in 0 })[0].map { $0 != nil }
        }
        coverage.summary = coverage.makeSummary(costNotes: notes)
        return coverage
    }

    /// Each square's fraction inside the territories, each commune's share, and each
    /// territory's residents. A member commune is inside whole; elsewhere the share of the
    /// square inside the union of the polygon territories counts (overlaps once).
    mutating func coverTerritories() throws {
        let index = study.areaIndex()
        var residents = [Double](repeating: 0, count: study.territories.count)
        var polygons: [(territory: Int, geometry: Geometry)] = []
        var member = [Bool](repeating: false, count: study.areas.count)
        for (t, territory) in study.territories.enumerated() {
            switch territory.definition {
            case .areas(let codes):
                for c in Set(codes.compactMap { index[$0] }) {
                    member[c] = true
                    residents[t] += allocation.byCommune[c].reduce(0) { $0 + $1.weight }
                }
            case .geometry(let g): polygons.append((t, g))
            }
        }
        // Per square: the fraction of its residents in member communes, and its share inside
        // the union of the polygon territories.
        var inMembers = [Double](repeating: 0, count: grid.cellCount), inPolygons = inMembers
        for (c, isMember) in member.enumerated() where isMember {
            for (k, w) in allocation.byCommune[c] { inMembers[k] += w / grid.counts[k] }
        }
        if !polygons.isEmpty {
            guard let lattices = allocation.lattices else {
                throw ParameterError(.contradicted, "polygon territories with \(.populationGrid) need square cells (INSEE ids, x/y corners or points), not polygons")
            }
            var shares = [[(cell: Int, share: Double)]](repeating: [], count: polygons.count)
            for lattice in lattices { try lattice.addShares(of: polygons.map(\.geometry), grid: grid, to: &shares) }
            for (n, list) in shares.enumerated() {
                for (k, a) in list { residents[polygons[n].territory] += grid.counts[k] * a }
            }
            let context = GEOSContext.current
            let union = try context.unionAll(polygons.map { try context.geometry($0.geometry) }).geometry()
            var unionShares = [[(cell: Int, share: Double)]](repeating: [], count: 1)
            for lattice in lattices { try lattice.addShares(of: [union], grid: grid, to: &unionShares) }
            for (k, a) in unionShares[0] { inPolygons[k] = min(1, a) }
        }
        // Residents of member communes are in; the others are in by the polygons' share.
        inTerritories = (0..<grid.cellCount).map { k in min(1, inMembers[k] + inPolygons[k] * max(0, 1 - inMembers[k])) }
        communeInTerritories = allocation.byCommune.enumerated().map { c, parts in
            let people = parts.reduce(0) { $0 + $1.weight }
            guard people > 0 else { return nil }
            return member[c] ? 1 : parts.reduce(0) { $0 + $1.weight * inPolygons[$1.cell] } / people
        }
        territoryResidents = residents
    }
}
