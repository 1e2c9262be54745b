import Foundation
import GeoCore
import GeoIO

/// A per-commune table written by one command, rewritten in another format (`.csv`,
/// `.gpkg`, `.geojson`): the columns in the order the first feature has them (then any the
/// others add), the polygons kept for GeoPackage and GeoJSON.
package enum TableConversion {
    package static func convert(_ source: URL, to target: URL, dialect: CSVDialect = .standard) throws {
        let (features, _) = try LayerReader.features(source)
        var columns: [String] = []
        var seen = Set<String>()
        for f in features { for (k, _) in f.properties where seen.insert(k).inserted { columns.append(k) } }
        let rows = features.map { f in columns.map { f.properties[$0] ?? .null } }
        try CommuneTable(columns: columns, rows: rows, geometries: features.map { $0.geometry ?? .geometryCollection([]) })
            .write(to: target, inputs: [source], dialect: dialect)
    }
}
