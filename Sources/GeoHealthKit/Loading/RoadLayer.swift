import Foundation
import Accessibility
import GeoCore
import GeoIO

/// Reads a road network: an OpenStreetMap file (`.osm.pbf`, through libosmium) or a line layer
/// (GeoJSON, GeoPackage, Shapefile: an OSM export, a BD TOPO layer, the synthetic roads), both
/// through the one car profile of docs/roads.md (``Accessibility/CarProfile``): which ways a car
/// may use, their direction, posted speed and snappability; the class speed of each segment
/// without a posted speed in its rural or urban setting (``Accessibility/UrbanCells``; a road
/// is cut where the setting changes, see ``RoadAssembly``).
///
/// A line layer may say `speed` or `vitesse` instead of `maxspeed`. A feature without a
/// `highway` property keeps the historic rule (every line is a road, at its BD TOPO `nature`
/// class speed when the table lists it, else the fallback speed, both ways unless `oneway`).
///
/// Features that cannot be roads are not used and are listed, never dropped silently: non-line
/// geometries (points, polygons), null geometries, and lines of zero length; ways the profile
/// refuses are counted by reason.
package enum RoadLayer {
    package struct Result: Sendable {
        /// The roads, in the study's metric CRS, OSM node ids kept for an OSM file.
        package var roads: [RoadNetwork.Road]
        /// Each road's setting (docs/roads.md §3): true when urban; for a time of day's factors.
        package var isUrban: [Bool]
        /// Line layers: "feature N: why", for every feature not used for its geometry.
        package var skipped: [String]
        /// Kept ways (OSM ways or line features) by class (`unknown` for a line without one).
        package var byClass: [String: Int]
        /// Ways (or line features) the car profile refused, by reason.
        package var refused: [CarProfile.Refusal: Int]
        /// OSM: distinct nodes that kept ways use and the extract lacks (their ways were cut).
        package var nodesMissing: Int
        /// Segments at class speed in urban cells (posted speeds not counted).
        package var urbanSegments: Int
        /// Segments at class speed outside urban cells.
        package var ruralSegments: Int
    }

    /// Whether `url` is an OpenStreetMap file read by libosmium (`.osm.pbf`, `.pbf`).
    static func isOpenStreetMap(_ url: URL) -> Bool {
        url.pathExtension.lowercased() == "pbf"
    }

    /// Reads `url` into roads in `crs` with `speeds` (ferries kept only when `ferries`).
    package static func read(_ url: URL, crs: CRS, speeds: SpeedTable = SpeedTable(), ferries: Bool = CarProfile.defaultFerries) throws -> Result {
        let profile = CarProfile(speeds: speeds, ferries: ferries)
        return isOpenStreetMap(url) ? try readOpenStreetMap(url, crs: crs, profile: profile) : try readLines(url, crs: crs, profile: profile)
    }

    /// The result once every kept road is in `assembly`.
    static func finish(
        _ assembly: consuming RoadAssembly, file: URL, skipped: [String], byClass: [String: Int], refused: [CarProfile.Refusal: Int], nodesMissing: Int
    ) throws -> Result {
        if assembly.isEmpty {
            let reasons = refused.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
            throw InputError(file: file.relativePath, message: "no road a car may use in the file" + (reasons.isEmpty ? "" : " (refused: \(reasons))"))
        }
        let (roads, isUrban, urban, rural) = assembly.roads()
        return Result(roads: roads, isUrban: isUrban, skipped: skipped, byClass: byClass, refused: refused, nodesMissing: nodesMissing, urbanSegments: urban, ruralSegments: rural)
    }
}
