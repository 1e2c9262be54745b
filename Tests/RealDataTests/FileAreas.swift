import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

/// The surface and point on surface of every commune of some files, measured as a study
/// measures them (each commune projected to its département's metric CRS and measured by
/// ``AreaMeasure``), to be compared with shapely + pyproj.
struct FileAreas {
    var file: String
    var crs: CRS
    var ids: [String]
    /// Square metres in `crs`.
    var areas: [Double]
    /// Point on surface, in `crs`.
    var points: [Coordinate]

    var totalArea: Double { areas.reduce(0, +) }

    static func measure(_ urls: [URL]) throws -> [FileAreas] {
        try urls.map { url in
            var ids: [String] = [], geometries: [Geometry] = []
            _ = try LayerReader.read(url) { i, feature in
                ids.append(feature.value(of: "code")?.stringValue ?? "#\(i)")
                geometries.append(feature.geometry ?? .multiPolygon([]))
            }
            let crs = ids.indices.map { ProjectedStudy.crs(ofID: ids[$0], geometry: geometries[$0], forced: nil) }
            let measured = try AreaMeasure.measure(geometries, crs: crs).map(\.measure)
            return FileAreas(file: url.relativePath, crs: crs.first ?? .wgs84, ids: ids, areas: measured.map(\.surface), points: measured.map(\.point))
        }
    }
}
