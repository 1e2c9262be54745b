/// Everything one analysis needs: who lives where, where care is, and the territories of care.
///
/// Geometries are in WGS84 longitude/latitude (analyses project a copy to a metric CRS:
/// `ProjectedStudy` in GeoHealthKit).
public struct Study: Sendable {
    /// The areas of demand (communes), in the order of the areas layer.
    public var areas: [Area]
    /// The care sites of every kind loaded.
    public var sites: [Site]
    /// The territories of organised care (CPTS and others); empty when none were loaded.
    public var territories: [Territory]
    /// Per area: whether it lies in the study area. The other areas are its buffer: their
    /// residents and the sites among them take part in catchments (no edge effect at the
    /// study area's border), but no figure is reported for them. `nil`: every area is reported.
    public var studyArea: [Bool]?

    /// A study of `areas`, `sites` and `territories`, every area reported on (`studyArea` `nil`).
    public init(areas: [Area], sites: [Site] = [], territories: [Territory] = []) {
        self.areas = areas
        self.sites = sites
        self.territories = territories
    }

    /// Indices of the areas reported on (all of them without a buffer).
    public var reportedAreas: [Int] {
        guard let studyArea else { return Array(areas.indices) }
        return areas.indices.filter { studyArea[$0] }
    }

    /// The study without its buffer: the reported areas only (sites and territories kept).
    public func withoutBuffer() -> Study {
        guard studyArea != nil else { return self }
        return Study(areas: reportedAreas.map { areas[$0] }, sites: sites, territories: territories)
    }

    /// Total known population (areas without a population count as zero).
    public var totalPopulation: Double {
        areas.reduce(0) { $0 + ($1.population ?? 0) }
    }

    /// Index of each area by id, for joins.
    public func areaIndex() -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(areas.count)
        for i in areas.indices { index[areas[i].id] = i }  // by index: no copy of each area
        return index
    }

    /// Number of sites of each kind, sorted by kind.
    public var siteCountsByKind: [(kind: SiteKind, count: Int)] {
        Dictionary(grouping: sites, by: \.kind).map { ($0.key, $0.value.count) }.sorted { $0.kind < $1.kind }
    }
}
