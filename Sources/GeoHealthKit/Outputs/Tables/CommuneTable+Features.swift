import Foundation
import GeoCore

extension CommuneTable {
    /// The table of features whose properties may differ (the joined areas of
    /// ``JoinedAreasWriter``, where only dissolved communes have `source_codes`): the columns in
    /// the order the first feature has them, then any the others add; a property a feature
    /// lacks is null; the polygons kept (an empty collection for a feature without one).
    package init(features: [Feature]) {
        var columns: [String] = []
        var seen = Set<String>()
        for f in features { for (k, _) in f.properties where seen.insert(k).inserted { columns.append(k) } }
        let rows = features.map { f in columns.map { f.properties[$0] ?? .null } }
        self.init(columns: columns, rows: rows, geometries: features.map { $0.geometry ?? .geometryCollection([]) })
    }
}
