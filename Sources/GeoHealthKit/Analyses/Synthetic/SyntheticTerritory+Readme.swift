import Foundation
import GeoCore

extension SyntheticTerritory {
    /// The README written next to the generated files: how they were made and what they hold.
    func readme() -> String {
        let o = options
        let total = population.reduce(0, +)
        let kinds = Dictionary(grouping: sites, by: \.kind).map { "\($0.value.count) \($0.key.rawValue)" }.sorted().joined(separator: ", ")
        let covered = Set(cpts.flatMap(\.members)).count
        let mergeList = merges.map { "\(codes[$0.absorbed]) → \(codes[$0.into])" }.joined(separator: ", ")
        let restored = restoration.map { "\(codes[$0.restored]) restored out of \(codes[$0.from])" } ?? "none"
        return """
        # \(o.name): a synthetic département

        Made by GeoHealth, not observed: **every commune, person and site here is fictitious**
        (département code `\(o.department)`, which no real département has).

            geohealth synth --seed \(o.seed) --communes \(o.communes) --out <folder>

        The same command gives the same bytes on every machine. How the territory is drawn
        (Voronoi communes, Pareto populations, sites, CPTS, roads, commune history) is documented
        on `SyntheticTerritory` in `Sources/GeoHealthKit/Synthetic/SyntheticTerritory.swift`.

        | file | what it holds |
        |---|---|
        | `communes.geojson` | \(seats.count - (restoration == nil ? 0 : 1)) commune polygons (`code`, `nom`), WGS84, the "older vintage" |
        | `population.csv` | `;`-separated, INSEE style: `COM;Commune;ZONE;PMUN` (ZONE: `urbain` from 2,000 inhabitants, else `rural`) and the 19 five-year age groups of the DREES APL `age_00_04` … `age_90_plus`; \(total) residents; the "newer vintage" |
        | `history.csv` | INSEE "mouvements des communes" rows for the changes between the two vintages |
        | `sites.csv` | \(sites.count) sites (`id,name,kind,lon,lat,capacity,commune`): \(kinds); capacity in beds (hospital) or full-time doctors |
        | `generalistes.csv` | \(practitioners().count) general practitioners, one row each (`id,name,kind,lon,lat,activity,new_practitioner,site,commune,age`): kind `gp` (liberal, in an MSP or alone) or `centre` (salaried, centre de santé); `activity` = consultations of the year; `new_practitioner` = 1 when installed this year; `age` in years (synthetic: new GPs 28–39, the others 30–69); the supply of the DREES APL |
        | `population-grid.csv` | the same residents on a 1 km grid in EPSG:3035, INSEE (Filosofi) layout: `Idcar_1km` (`CRS3035RES1000mN…E…`: CRS, size, lower-left corner), `Ind` (residents); each commune's people spread over its squares, denser near its seat |
        | `cpts.csv` | \(cpts.count) CPTS as lists of communes (`territory,name,code`), covering \(covered) communes; the rest are white zones |
        | `roads.geojson` | \(roads.count) roads (`highway`, `name`, `maxspeed` on some, `oneway=yes` on some) |
        | `roads.osm.pbf` | the same roads as OpenStreetMap data (nodes and tagged ways), as a planner downloads an extract |

        Traps planted on purpose, as in real data: communes merged since the polygons were drawn
        (\(mergeList): the population table knows only the new commune), a commune restored since
        (\(restored): the polygons still show the merged commune), a commune that belongs to two
        CPTS, one-way streets, and roads whose speed comes from their class rather than a `maxspeed`.

        """
    }
}

extension SyntheticTerritory {
    /// What `geohealth synth` prints.
    package func summary(folder: URL) -> Summary {
        Summary([
            ("folder", .string(folder.relativePath)),
            ("seed", .int(Int(options.seed))),
            ("communes", .int(seats.count - (restoration == nil ? 0 : 1))),
            ("population", .int(population.reduce(0, +))),
            (
                "sites",
                .rows(Dictionary(grouping: sites, by: \.kind.rawValue).sorted { $0.key < $1.key }) {
                    [("kind", .string($0.key)), ("sites", .int($0.value.count))]
                }
            ),
            ("cpts", .int(cpts.count)),
            ("communes_in_a_cpts", .int(Set(cpts.flatMap(\.members)).count)),
            ("roads", .int(roads.count)),
            ("merged_since_the_polygons", .rows(merges) { [("code", .string(codes[$0.absorbed])), ("into", .string(codes[$0.into]))] }),
            (
                "restored_since_the_polygons",
                .rows(restoration.map { [$0] } ?? []) { [("code", .string(codes[$0.restored])), ("from", .string(codes[$0.from]))] }
            ),
            ("files", .strings(Self.fileNames)),
        ])
    }
}
