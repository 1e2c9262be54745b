import Foundation
import Accessibility
import GeoCore
import Projection

/// A study's areas and sites in metric CRSs, ready for distances and overlays.
///
/// A study may span territories that no single projection serves (metropolitan France and the
/// overseas départements): areas are split into **partitions** by the metric CRS of their
/// département (DESIGN.md, "Metric CRS"); sites join the partition whose CRS their position
/// calls for. Travel is only costed within a partition (nobody drives from La Réunion to Paris).
/// `--crs` forces one partition in the given CRS.
///
/// Projection runs in parallel chunks (one PROJ transformation per thread and CRS); each area
/// gets its surface (m²) and point-on-surface, its representative point (DESIGN.md), both
/// computed in pure Swift exactly as GEOS computes them (``PlanarMeasures``): no commune goes
/// to GEOS here.
public struct ProjectedStudy: Sendable {
    /// The areas and sites projected to one metric CRS (travel is costed only within a partition).
    public struct Partition: Sendable {
        /// The partition's metric CRS (Lambert-93, or an overseas département's UTM zone).
        public var crs: CRS
        /// Indices into the study's areas of the areas in this partition, ascending.
        public var areas: [Int]
        /// Indices into the study's sites of the sites in this partition, ascending.
        public var sites: [Int]
    }

    /// The partitions, one per metric CRS the study needs (one only with a forced CRS).
    public var partitions: [Partition]
    /// Per area: geometry in its partition's CRS.
    public var geometries: [Geometry]
    /// Per area: surface in m².
    public var surfaces: [Double]
    /// Per area: point on surface, in its partition's CRS.
    public var points: [Coordinate]
    /// Per area: point on surface in longitude/latitude.
    public var pointsLonLat: [Coordinate]
    /// Per site: position in its partition's CRS.
    public var sitePoints: [Coordinate]
    /// Per area and per site: the partition index.
    var areaPartition: [Int]
    var sitePartition: [Int] = []
    /// The CRS forced with `--crs`, if any.
    let forcedCRS: CRS?
    /// ``siteAreas(of:)`` computed ahead (``rememberSiteAreas(of:)``) for the sites at these
    /// locations (the sites' partitions follow from their locations); dropped when the areas
    /// change, not used for sites elsewhere.
    var rememberedSiteAreas: (locations: [Coordinate], areas: [Int?])?

    /// - Parameter keepGeometries: false keeps the surfaces and points but not the
    ///   projected polygons (`geometries` stays empty), for jobs that need only points: the
    ///   national study then never holds two copies of every polygon.
    /// - Parameter measured: per area, its surface and point already computed in the CRS this
    ///   projection gives it (``AreaMeasure``, e.g. computed by the loader while it joined
    ///   the populations); used only where the CRS agrees, and with `keepGeometries` only
    ///   where `projected` has the polygon projected in that CRS too.
    package init(_ study: Study, crs forced: CRS? = nil, keepGeometries: Bool = true, measured: [AreaMeasure?]? = nil,
                 projected: [Geometry?]? = nil) throws {
        forcedCRS = forced
        let areaCRS: [CRS] = study.areas.indices.map { Self.crs(ofID: study.areas[$0].id, geometry: study.areas[$0].geometry, forced: forced) }
        let known = measured.flatMap { $0.count == study.areas.count ? $0 : nil }
        let knownGeometries = projected.flatMap { $0.count == study.areas.count ? $0 : nil }
        let crsList = Array(Set(areaCRS)).sorted { $0.epsg < $1.epsg }
        let slot = Dictionary(uniqueKeysWithValues: crsList.enumerated().map { ($1, $0) })
        areaPartition = areaCRS.map { slot[$0]! }
        partitions = crsList.map { crs in Partition(crs: crs, areas: study.areas.indices.filter { areaCRS[$0] == crs }, sites: []) }

        Progress.report("projecting \(study.areas.count) communes…")
        let measured = try AreaMeasure.measure(study.areas.indices.map { study.areas[$0].geometry }, crs: areaCRS, keepGeometries: keepGeometries,
                                                 known: known, knownGeometries: knownGeometries)
        let projectedPoints = measured.map(\.measure.point)
        geometries = keepGeometries ? measured.map(\.geometry) : []
        surfaces = measured.map(\.measure.surface)
        points = projectedPoints

        var lonLat = projectedPoints
        for p in partitions {
            let back = try CoordinateTransformer.shared(from: p.crs, to: .wgs84)
            var pts = p.areas.map { projectedPoints[$0] }
            try back.transform(&pts)
            for (k, i) in p.areas.enumerated() { lonLat[i] = pts[k] }
        }
        pointsLonLat = lonLat
        sitePoints = []
        try place(study.sites)
    }

    /// The metric CRS of an area (or a map feature) given by its commune code and polygon: the
    /// forced one, else its département's, else its extent's. The box is only computed for
    /// codes of no French département.
    package static func crs(ofID id: String, geometry: Geometry, forced: CRS?) -> CRS {
        forced ?? MetricCRS.forDepartment(MetricCRS.department(ofCommune: id)) ?? MetricCRS.forExtent(geometry.boundingBox)
    }

    /// The same projected areas with another set of sites (a siting scenario): the communes are
    /// not projected again, only the sites.
    func withSites(of study: Study) throws -> ProjectedStudy {
        var copy = self
        try copy.place(study.sites)
        return copy
    }

    /// Assigns each site to the partition its position calls for and projects it there.
    private mutating func place(_ sites: [Site]) throws {
        let slot = Dictionary(uniqueKeysWithValues: partitions.enumerated().map { ($1.crs, $0) })
        sitePartition = sites.map { site in
            slot[partitionCRS(of: BoundingBox(minX: site.location.x, minY: site.location.y, maxX: site.location.x, maxY: site.location.y))] ?? -1
        }
        sitePoints = sites.map(\.location)
        for k in partitions.indices {
            partitions[k].sites = sites.indices.filter { sitePartition[$0] == k }
            let forward = try CoordinateTransformer.shared(from: .wgs84, to: partitions[k].crs)
            var pts = partitions[k].sites.map { sites[$0].location }
            try forward.transform(&pts)
            for (n, s) in partitions[k].sites.enumerated() { sitePoints[s] = pts[n] }
        }
    }

    /// The CRS of the partition that a WGS84 extent (a site, a territory polygon) belongs to:
    /// the forced CRS, else the metric CRS its extent calls for.
    func partitionCRS(of box: BoundingBox) -> CRS {
        forcedCRS ?? MetricCRS.forExtent(box)
    }

    /// The same projection limited to the areas `keep` (in that order), nothing re-projected:
    /// a regional study's reported communes without its buffer. Sites are kept as they are.
    public func restricted(to keep: [Int]) -> ProjectedStudy {
        var copy = self
        copy.rememberedSiteAreas = nil
        var newIndex = [Int](repeating: -1, count: surfaces.count)
        for (k, a) in keep.enumerated() { newIndex[a] = k }
        copy.geometries = geometries.isEmpty ? [] : keep.map { geometries[$0] }
        copy.surfaces = keep.map { surfaces[$0] }
        copy.points = keep.map { points[$0] }
        copy.pointsLonLat = keep.map { pointsLonLat[$0] }
        copy.areaPartition = keep.map { areaPartition[$0] }
        for p in copy.partitions.indices {
            copy.partitions[p].areas = partitions[p].areas.compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil }
        }
        return copy
    }

    /// Sites outside every partition's territory (e.g. a hospital abroad in a French study).
    public var sitesOutside: [Int] { sitePartition.indices.filter { sitePartition[$0] < 0 } }

    /// A partition's areas (representative points) and sites as the cost models take them.
    private func costPoints(_ study: Study, areas: [Int], sites: [Int], crs: CRS) -> (origins: CostPoints, destinations: CostPoints) {
        (CostPoints(metric: areas.map { points[$0] }, lonLat: areas.map { pointsLonLat[$0] }, ids: areas.map { study.areas[$0].id }, crs: crs),
         CostPoints(metric: sites.map { sitePoints[$0] }, lonLat: sites.map { study.sites[$0].location }, ids: sites.map { study.sites[$0].id }, crs: crs))
    }

    /// Costs from every area's representative point to the sites that `include` accepts, one
    /// partition at a time, merged into one matrix over all areas × all sites.
    /// - Parameter renumbered: number the destinations among the accepted sites only (in the
    ///   study's order), instead of among all the study's sites.
    /// - Parameter limits: per area, keep only the costs strictly below it
    ///   (``TravelCostModel/costs(from:to:maxMinutes:below:)``); nil keeps every cost within `maxMinutes`.
    public func costs(
        _ study: Study, model: any TravelCostModel, maxMinutes: Double, sites include: (Int) -> Bool = { _ in true }, renumbered: Bool = false,
        below limits: [Double]? = nil
    ) throws -> CostMatrix {
        Progress.report("travel costs (\(model.name))…")
        var local: [(matrix: CostMatrix, sites: [Int])?] = Array(repeating: nil, count: partitions.count)
        var rowOf = [Int](repeating: -1, count: study.areas.count)
        for (n, p) in partitions.enumerated() {
            let siteIndices = p.sites.filter(include)
            guard !siteIndices.isEmpty, !p.areas.isEmpty else { continue }
            let (origins, destinations) = costPoints(study, areas: p.areas, sites: siteIndices, crs: p.crs)
            let matrix =
                try limits.map { l in try model.costs(from: origins, to: destinations, maxMinutes: maxMinutes, below: p.areas.map { l[$0] }) }
                ?? model.costs(from: origins, to: destinations, maxMinutes: maxMinutes)
            local[n] = (matrix, siteIndices)
            for (k, area) in p.areas.enumerated() { rowOf[area] = k }
        }
        // Stitch the partitions' rows in the study's order, destinations back to study indices
        // (or to their rank among the accepted sites), both increasing with the local ones, so
        // rows stay sorted; column by column, so the matrix is never held twice.
        var number = Array(study.sites.indices)
        var count = study.sites.count
        if renumbered {
            count = 0
            for s in study.sites.indices where include(s) {
                number[s] = count
                count += 1
            }
        }
        let renumber = local.map { l in (l?.sites ?? []).map { Int32(number[$0]) } }
        var matrices = local.map { $0?.matrix }
        local = []
        let rows = study.areas.indices.map { a -> (part: Int, row: Int)? in
            matrices[areaPartition[a]] != nil && rowOf[a] >= 0 ? (areaPartition[a], rowOf[a]) : nil
        }
        return CostMatrix.stitching(&matrices, rows: rows, renumber: renumber, destinationCount: count, maxMinutes: maxMinutes)
    }
}

extension ProjectedStudy {
    /// For every area, the nearest site of each group within `maxMinutes` and the number of
    /// the group's sites within `countMinutes` (`groupOf(site)`: its group, or nil to leave it
    /// out), one partition at a time, without a full cost matrix when the model can
    /// (``TravelCostModel/nearest(from:to:groups:groupCount:maxMinutes:countMinutes:)``).
    public func nearest(
        _ study: Study, model: any TravelCostModel, maxMinutes: Double, countMinutes: Double, groupCount: Int, groupOf: (Int) -> Int?
    ) throws -> NearestCosts {
        Progress.report("nearest sites (\(model.name))…")
        var result = NearestCosts(
            nearest: [[CostMatrix.Entry?]](repeating: [CostMatrix.Entry?](repeating: nil, count: study.areas.count), count: groupCount),
            counts: [[Int]](repeating: [Int](repeating: 0, count: study.areas.count), count: groupCount))
        for p in partitions {
            let siteIndices = p.sites.filter { groupOf($0) != nil }
            guard !siteIndices.isEmpty, !p.areas.isEmpty else { continue }
            let (origins, destinations) = costPoints(study, areas: p.areas, sites: siteIndices, crs: p.crs)
            let local = try model.nearest(
                from: origins, to: destinations, groups: siteIndices.map(groupOf), groupCount: groupCount, maxMinutes: maxMinutes, countMinutes: countMinutes)
            for g in 0..<groupCount {
                for (k, area) in p.areas.enumerated() {
                    result.nearest[g][area] = local.nearest[g][k].map {
                        CostMatrix.Entry(destination: siteIndices[$0.destination], minutes: $0.minutes, kilometres: $0.kilometres)
                    }
                    result.counts[g][area] = local.counts[g][k]
                }
            }
        }
        return result
    }
}

extension ProjectedStudy {
    /// Sites whose position lies in no area of the study (a hospital across the border, a
    /// typing error in a coordinate): listed in summaries, still used for travel costs.
    func sitesOutsideAreas(of study: Study) -> [Int] {
        siteAreas(of: study).enumerated().filter { $0.element == nil }.map(\.offset)
    }

    /// The area of `study` (the study this projection was made from) that covers each site
    /// (nil: in none), tested in longitude/latitude, where GeoJSON defines the polygons' edges
    /// (RFC 7946 §3.1.1), and within the site's partition. Pure Swift: the partition's sites are
    /// sorted by longitude; each area's box picks its candidate sites by binary search, and
    /// ``Geometry/covers(_:)`` (even–odd rule, boundary included) decides. A site on the
    /// boundary of two areas goes to the first in the study's order. Needs no projected polygon.
    /// - Complexity: O(vertices + areas × log sites + vertices of the areas holding a candidate).
    public func siteAreas(of study: Study) -> [Int?] {
        precondition(study.areas.count == areaPartition.count && study.sites.count == sitePoints.count, "siteAreas: not the projected study")
        if let remembered = rememberedSiteAreas, remembered.locations.elementsEqual(study.sites.lazy.map(\.location)) { return remembered.areas }
        var result = [Int?](repeating: nil, count: sitePoints.count)
        for p in partitions where !p.sites.isEmpty {
            let sorted = p.sites.sorted { study.sites[$0].location.x < study.sites[$1].location.x }
            let xs = sorted.map { study.sites[$0].location.x }
            let found = p.areas.concurrentMap { area -> [Int] in
                let geometry = study.areas[area].geometry
                let box = geometry.boundingBox
                var k = xs.firstIndex(notBelow: box.minX)
                var hits: [Int] = []
                while k < xs.count && xs[k] <= box.maxX {
                    let site = sorted[k], point = study.sites[site].location
                    if point.y >= box.minY && point.y <= box.maxY && geometry.covers(point) { hits.append(site) }
                    k += 1
                }
                return hits
            }
            for (k, hits) in found.enumerated() {
                for site in (try? hits.get()) ?? [] where result[site] == nil { result[site] = p.areas[k] }
            }
        }
        return result
    }
}

extension ProjectedStudy {
    /// Computes ``siteAreas(of:)`` once for `study`'s sites, so that the analyses sharing this
    /// projection (a report's travel, access, gaps and siting: each cost model and each list of
    /// sites outside the communes asks for it) get it without placing the sites again.
    package mutating func rememberSiteAreas(of study: Study) {
        rememberedSiteAreas = nil
        rememberedSiteAreas = (study.sites.map(\.location), siteAreas(of: study))
    }

    /// The partitions as summary rows: `{crs, communes, sites}`.
    var partitionRows: PropertyValue {
        .rows(partitions) { [("crs", .string($0.crs.description)), ("communes", .int($0.areas.count)), ("sites", .int($0.sites.count))] }
    }
}
