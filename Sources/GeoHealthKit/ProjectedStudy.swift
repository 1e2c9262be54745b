import Foundation
import Accessibility
import GeoCore
import GEOSBridge
import Projection

/// A study's areas and sites in metric CRSs, ready for distances and overlays.
///
/// A study may span territories that no single projection serves (metropolitan France and the
/// overseas départements): areas are split into **partitions** by the metric CRS of their
/// département (DESIGN.md, "Metric CRS"); sites join the partition whose CRS their position
/// calls for. Travel is only costed within a partition (nobody drives from La Réunion to Paris).
/// `--crs` forces one partition in the given CRS.
///
/// Projection runs in parallel chunks (one PROJ and GEOS context per thread); each area gets
/// its surface (m²) and point-on-surface, its representative point (DESIGN.md).
public struct ProjectedStudy: Sendable {
    public struct Partition: Sendable {
        public var crs: CRS
        public var areas: [Int]
        public var sites: [Int]
    }

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
    public var areaPartition: [Int]
    public var sitePartition: [Int] = []
    /// The CRS forced with `--crs`, if any.
    public let forcedCRS: CRS?

    public init(_ study: Study, crs forced: CRS? = nil) throws {
        forcedCRS = forced
        let areaCRS: [CRS] = study.areas.map { area in
            forced ?? MetricCRS.forDepartment(MetricCRS.department(ofCommune: area.id)) ?? MetricCRS.forExtent(area.geometry.boundingBox)
        }
        let crsList = Array(Set(areaCRS)).sorted { $0.epsg < $1.epsg }
        let slot = Dictionary(uniqueKeysWithValues: crsList.enumerated().map { ($1, $0) })
        areaPartition = areaCRS.map { slot[$0]! }
        partitions = crsList.map { crs in Partition(crs: crs, areas: study.areas.indices.filter { areaCRS[$0] == crs }, sites: []) }

        Progress.report("projecting \(study.areas.count) communes…")
        let chunks = stride(from: 0, to: study.areas.count, by: 256).map { $0..<min($0 + 256, study.areas.count) }
        let measured = try chunks.concurrentMap { chunk -> [(Geometry, Double, Coordinate)] in
            var transformers: [CRS: CoordinateTransformer] = [:]
            let context = GEOSContext.current
            return try chunk.map { i in
                let crs = areaCRS[i]
                let transformer = try transformers[crs] ?? CoordinateTransformer(from: .wgs84, to: crs)
                transformers[crs] = transformer
                let projected = try transformer.transformed(study.areas[i].geometry)
                let native = try context.geometry(projected)
                return (projected, try native.area(), try native.pointOnSurface() ?? projected.boundingBox.center)
            }
        }.flatMap { try $0.get() }
        let projectedPoints = measured.map(\.2)
        geometries = measured.map(\.0)
        surfaces = measured.map(\.1)
        points = projectedPoints

        var lonLat = projectedPoints
        for p in partitions {
            let back = try CoordinateTransformer(from: p.crs, to: .wgs84)
            var pts = p.areas.map { projectedPoints[$0] }
            try back.transform(&pts)
            for (k, i) in p.areas.enumerated() { lonLat[i] = pts[k] }
        }
        pointsLonLat = lonLat
        sitePoints = []
        try place(study.sites)
    }

    /// The same projected areas with another set of sites (a siting scenario): the communes are
    /// not projected again, only the sites.
    public func withSites(of study: Study) throws -> ProjectedStudy {
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
            let forward = try CoordinateTransformer(from: .wgs84, to: partitions[k].crs)
            var pts = partitions[k].sites.map { sites[$0].location }
            try forward.transform(&pts)
            for (n, s) in partitions[k].sites.enumerated() { sitePoints[s] = pts[n] }
        }
    }

    /// The CRS of the partition that a WGS84 extent (a site, a territory polygon) belongs to:
    /// the forced CRS, else the metric CRS its extent calls for.
    public func partitionCRS(of box: BoundingBox) -> CRS {
        forcedCRS ?? MetricCRS.forExtent(box)
    }

    /// The same projection limited to the areas `keep` (in that order), nothing re-projected:
    /// a regional study's reported communes without its buffer. Sites are kept as they are.
    public func restricted(to keep: [Int]) -> ProjectedStudy {
        var copy = self
        var newIndex = [Int](repeating: -1, count: geometries.count)
        for (k, a) in keep.enumerated() { newIndex[a] = k }
        copy.geometries = keep.map { geometries[$0] }
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

    /// Costs from every area's representative point to the sites that `include` accepts, one
    /// partition at a time, merged into one matrix over all areas × all sites.
    public func costs(_ study: Study, model: any TravelCostModel, maxMinutes: Double, sites include: (Int) -> Bool = { _ in true }) throws -> CostMatrix {
        Progress.report("travel costs (\(model.name))…")
        var rows = [[CostMatrix.Entry]](repeating: [], count: study.areas.count)
        for p in partitions {
            let siteIndices = p.sites.filter(include)
            guard !siteIndices.isEmpty, !p.areas.isEmpty else { continue }
            let origins = CostPoints(metric: p.areas.map { points[$0] }, lonLat: p.areas.map { pointsLonLat[$0] }, ids: p.areas.map { study.areas[$0].id })
            let destinations = CostPoints(metric: siteIndices.map { sitePoints[$0] }, lonLat: siteIndices.map { study.sites[$0].location }, ids: siteIndices.map { study.sites[$0].id })
            let local = try model.costs(from: origins, to: destinations, maxMinutes: maxMinutes)
            for (k, area) in p.areas.enumerated() {
                rows[area] = local.row(k).map { CostMatrix.Entry(destination: siteIndices[$0.destination], minutes: $0.minutes, kilometres: $0.kilometres) }
            }
        }
        return CostMatrix(destinationCount: study.sites.count, maxMinutes: maxMinutes, rows: rows)
    }
}

extension ProjectedStudy {
    /// Sites whose position lies in no area of the study (a hospital across the border, a
    /// typing error in a coordinate): listed in summaries, still used for travel costs.
    /// STRtree over the areas of each partition, then an exact `covers` on the candidates.
    public func sitesOutsideAreas() throws -> [Int] {
        try siteAreas().enumerated().filter { $0.element == nil }.map(\.offset)
    }
}

extension ProjectedStudy {
    /// The area that contains each site (nil: in none), by STRtree + `covers`.
    public func siteAreas() throws -> [Int?] {
        var result = [Int?](repeating: nil, count: sitePoints.count)
        let context = GEOSContext.current
        for p in partitions where !p.sites.isEmpty {
            let natives = try p.areas.map { try context.geometry(geometries[$0]) }
            let index = try SpatialIndex(natives, context: context)
            for s in p.sites {
                let point = sitePoints[s]
                let site = try context.point(point)
                for k in try index.query(BoundingBox(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)) where try natives[k].covers(site) {
                    result[s] = p.areas[k]
                    break
                }
            }
        }
        return result
    }
}

extension ProjectedStudy {
    /// The partitions as summary rows: `{crs, communes, sites}`.
    public var partitionRows: PropertyValue {
        .rows(partitions) { [("crs", .string($0.crs.description)), ("communes", .int($0.areas.count)), ("sites", .int($0.sites.count))] }
    }
}
