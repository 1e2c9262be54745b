import Foundation
import Accessibility
import GeoCore
import GeoIO
import Projection

extension ODMatrixReader {
    /// How far an OSRM waypoint's `location` may lie from the place its row or column stands
    /// for: 5 km. OSRM moves each point to the nearest road, which is metres to hundreds of
    /// metres away; the point a planner sent (a town hall, a centroid) may differ from the
    /// study's representative point by a few km in a large commune. A row taken for the wrong
    /// commune, by contrast, lies tens of km away: the check catches a table computed in
    /// another order. The same 5 km as the snap limit of `docs/roads.md` §5.
    package static let defaultLocationToleranceMetres = 5_000.0

    /// The matrix of an OSRM `table` response (``OSRMTable``): row `i` is `origins.ids[i]` and
    /// column `j` is `destinations.ids[j]` (the study's communes and sites in the order of their
    /// ids: ``Places/byID(_:_:)``). Seconds become minutes, metres km; a null cell is an
    /// unreachable pair.
    /// - Throws: ``InputError`` when the counts differ from the study's, or when a waypoint's
    ///   `location` lies farther than `tolerance` metres from its place (naming the index, the
    ///   id and the distance): the table was computed for other places or in another order.
    package static func readOSRM(
        _ url: URL, origins: Places, destinations: Places, tolerance: Double = defaultLocationToleranceMetres
    ) throws -> MatrixModel {
        try readOSRM(table: OSRMTable.read(contentsOf: url), file: url.relativePath, origins: origins, destinations: destinations, tolerance: tolerance)
    }

    /// The matrix of a response already read, by the rule of ``readOSRM(_:origins:destinations:tolerance:)``;
    /// `file` names it in errors.
    package static func readOSRM(
        table: OSRMTable, file: String, origins: Places, destinations: Places, tolerance: Double = defaultLocationToleranceMetres
    ) throws -> MatrixModel {
        guard table.rowCount == origins.ids.count else {
            throw InputError(
                file: file, message: "\(table.rowCount) sources (rows) but the study has \(origins.ids.count) communes: the rows must be the communes in the order of their codes")
        }
        guard table.columnCount == destinations.ids.count else {
            throw InputError(
                file: file, message: "\(table.columnCount) destinations (columns) but the study has \(destinations.ids.count) sites: the columns must be the sites in the order of their ids")
        }
        try checkLocations(table.sources, origins, "source", "commune", file: file, tolerance: tolerance)
        try checkLocations(table.destinations, destinations, "destination", "site", file: file, tolerance: tolerance)
        var pairs: [MatrixModel.Pair] = []
        pairs.reserveCapacity(table.rowCount * table.columnCount)
        for i in 0..<table.rowCount {
            for j in 0..<table.columnCount {
                let k = i * table.columnCount + j
                let seconds = table.durations.isEmpty ? .nan : table.durations[k]
                let metres = table.distances.isEmpty ? .nan : table.distances[k]
                guard !seconds.isNaN || !metres.isNaN else { continue }
                pairs.append(MatrixModel.Pair(
                    origin: origins.ids[i], destination: destinations.ids[j],
                    minutes: seconds.isNaN ? nil : seconds / 60, kilometres: metres.isNaN ? nil : metres / 1000))
            }
        }
        return MatrixModel(pairs: pairs)
    }

    /// Refuses the first waypoint farther than `tolerance` metres (geodesic, WGS84) from its place.
    private static func checkLocations(
        _ waypoints: [Coordinate]?, _ places: Places, _ role: String, _ what: String, file: String, tolerance: Double
    ) throws {
        guard let waypoints else { return }
        for (i, w) in waypoints.enumerated() {
            guard abs(w.x) <= 180, abs(w.y) <= 90 else { throw InputError(file: file, message: "\(role) \(i): location \(w) is not a longitude/latitude") }
            let metres = Geodesic.wgs84.distance(from: w, to: places.lonLat[i])
            guard metres <= tolerance else {
                throw InputError(
                    file: file,
                    message: "\(role) \(i) lies \(Int(metres.rounded())) m from \(what) '\(places.ids[i])' (at most \(Int(tolerance)) m): " +
                        "the table's \(role)s must be the study's \(what)s in the order of their ids")
            }
        }
    }
}
