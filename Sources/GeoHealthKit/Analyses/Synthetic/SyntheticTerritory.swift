import GeoCore

/// A synthetic but realistic French département, for the quickstart, the tests and the
/// notebooks (`geohealth synth`). Everything is drawn from one seeded generator, so a seed
/// gives the same files on every machine.
///
/// How it is made (each step in its own file):
/// 1. **Communes** (`+Communes`): a blob-shaped boundary (a circle whose radius is modulated by
///    a few random harmonics); commune seats drawn inside it, three quarters uniformly and a
///    quarter clustered around towns, at least `minimumSpacing` apart; communes are the Voronoi
///    cells of the seats (GEOS), clipped to the boundary; adjacency from shared boundaries.
/// 2. **Population** (`+Population`): Pareto-distributed residents (heavy tail, α = 1.15, as
///    French commune sizes are), towns given fixed large populations; six broad age groups
///    whose shares follow the national pyramid, older in small communes, split into the 19
///    five-year groups of the DREES APL.
/// 3. **Sites** (`+Sites`): hospitals (with emergency departments) in the towns, MSP and
///    centres de santé drawn with probability rising with population, a SAS regulation site
///    at the prefecture; capacities in beds or full-time-equivalent doctors; and one row per
///    general practitioner with a yearly activity (`+Practitioners`), the APL's supply.
/// 4. **CPTS** (`+Territories`): territories grown over commune adjacency from seeds until
///    about `cptsCoverage` of communes are covered, leaving white zones; one commune belongs
///    to two CPTS, as happens in practice.
/// 5. **Roads** (`+Roads`): the Delaunay graph of commune seats between neighbouring communes,
///    bent at a jittered midpoint, classed by the population they link (primary, secondary,
///    tertiary, unclassified), plus a motorway between the two largest towns and a one-way
///    loop in the prefecture.
/// 6. **History** (`+History`): a few pairs of communes merged after the polygons' vintage
///    (the population table knows only the new commune, INSEE `MOD` 32) and one commune
///    restored (the polygons still show the merged commune, `MOD` 21).
///
/// Coordinates are built in Lambert-93 (EPSG:2154) metres and written in WGS84 (`+Files`).
public struct SyntheticTerritory: Sendable {
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        public var communes = 240
        /// A département code that is not a real one, so sample data can never be mistaken for real.
        public var department = "00"
        public var name = "Val-de-Synthèse"
        /// The centre, in Lambert-93 metres (the Berry, in the middle of France).
        public var center = Coordinate(x: 660_000, y: 6_600_000)
        /// Land per commune; the average French commune covers about 23 km² (INSEE).
        public var areaPerCommune = 23e6
        /// The boundary's mean radius, from the number of communes and `areaPerCommune`.
        public var radius: Double { (Double(communes) * areaPerCommune / Double.pi).squareRoot() }
        public var minimumSpacing = 1_200.0
        public var msp = 22
        public var healthCentres = 6
        public var cpts = 6
        public var cptsCoverage = 0.8
        public var merges = 3

        public init() {}
    }

    public struct SiteRecord: Sendable {
        public var id: String
        public var name: String
        public var kind: SiteKind
        public var location: Coordinate
        public var capacity: Double
        public var commune: Int
    }

    public struct CPTSRecord: Sendable {
        public var id: String
        public var name: String
        public var members: [Int]
    }

    public struct Road: Sendable {
        public var coordinates: [Coordinate]
        public var highway: String
        public var maxspeed: Int?
        public var oneway: Bool
        public var name: String
    }

    public var options: Options
    public var boundary: Polygon
    public var seats: [Coordinate]
    public var cells: [Geometry]
    public var adjacency: [[Int]]
    public var codes: [String]
    public var names: [String]
    public var towns: [Int]
    public var population: [Int]
    public var ageGroups: [String]
    public var ages: [[Int]]
    public var sites: [SiteRecord]
    public var cpts: [CPTSRecord]
    public var roads: [Road]
    /// (absorbed, into): both polygons exist; the population table has only `into`.
    public var merges: [(absorbed: Int, into: Int)]
    /// (restored, from): the polygon of `from` covers both; the table has both.
    public var restoration: (restored: Int, from: Int)?

    public static func generate(_ options: Options) throws -> SyntheticTerritory {
        var rng = SeededGenerator(seed: options.seed)
        var t = try makeCommunes(options, &rng)
        t.makePopulation(&rng)
        t.makeSites(&rng)
        t.makeCPTS(&rng)
        try t.makeRoads(&rng)
        t.makeHistory(&rng)
        return t
    }
}
