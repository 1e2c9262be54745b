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
package struct SyntheticTerritory: Sendable {
    package struct Options: Sendable {
        package var seed: UInt64 = 1
        package var communes = 240
        /// A département code that is not a real one, so sample data can never be mistaken for real.
        package var department = "00"
        package var name = "Val-de-Synthèse"
        /// The centre, in Lambert-93 metres (the Berry, in the middle of France).
        package var center = Coordinate(x: 660_000, y: 6_600_000)
        /// Land per commune; the average French commune covers about 23 km² (INSEE).
        var areaPerCommune = 23e6
        /// The boundary's mean radius, from the number of communes and `areaPerCommune`.
        package var radius: Double { (Double(communes) * areaPerCommune / Double.pi).squareRoot() }
        var minimumSpacing = 1_200.0
        package var msp = 22
        package var healthCentres = 6
        package var cpts = 6
        var cptsCoverage = 0.8
        package var merges = 3

        package init() {}

        /// Refuses counts the territory cannot hold (a usage error, before anything is made):
        /// from 0 to `communes − 7` MSP (the other communes hold the hospitals and the health
        /// centres), from 1 to `communes / 4` CPTS (each needs communes of its own).
        package func check() throws {
            guard msp >= 0, msp <= communes - 7 else {
                throw ParameterError(.incomplete, "\(.sampleMSPCount) must be between 0 and \(communes - 7)")
            }
            guard communes >= 4, (1...communes / 4).contains(cpts) else {
                throw ParameterError(.incomplete, "\(.sampleCPTSCount) must be between 1 and \(communes / 4)")
            }
        }
    }

    package struct SiteRecord: Sendable {
        package var id: String
        package var name: String
        package var kind: SiteKind
        package var location: Coordinate
        package var capacity: Double
        package var commune: Int
    }

    package struct CPTSRecord: Sendable {
        package var id: String
        package var name: String
        package var members: [Int]
    }

    package struct Road: Sendable {
        package var coordinates: [Coordinate]
        package var highway: String
        package var maxspeed: Int?
        package var oneway: Bool
        package var name: String
    }

    package var options: Options
    package var boundary: Polygon
    package var seats: [Coordinate]
    package var cells: [Geometry]
    package var adjacency: [[Int]]
    package var codes: [String]
    package var names: [String]
    var towns: [Int]
    package var population: [Int]
    package var ageGroups: [String]
    package var ages: [[Int]]
    package var sites: [SiteRecord]
    package var cpts: [CPTSRecord]
    package var roads: [Road]
    /// (absorbed, into): both polygons exist; the population table has only `into`.
    package var merges: [(absorbed: Int, into: Int)]
    /// (restored, from): the polygon of `from` covers both; the table has both.
    package var restoration: (restored: Int, from: Int)?

    /// The sample territory of `options`; a ``ParameterError`` when its counts cannot fit
    /// (``Options/check()``).
    package static func generate(_ options: Options) throws -> SyntheticTerritory {
        try options.check()
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
