import Foundation
import GeoCore
import GeoIO

extension CommuneTable {
    /// Writes each table to its GeoJSON file, as ``write(to:inputs:)`` would, each polygon
    /// encoded once for all the files when the tables share their polygons (the same list: a
    /// report's travel and access layers of one study); otherwise one table after the other.
    package static func writeGeoJSON(_ tables: [(table: CommuneTable, url: URL)], inputs: [URL]) throws {
        let geojson = tables.allSatisfy { ["geojson", "json"].contains($0.url.pathExtension.lowercased()) }
        guard geojson, let shared = tables.first?.table.geometries, tables.allSatisfy({ $0.table.geometries == shared }) else {
            for t in tables { try t.table.write(to: t.url, inputs: inputs) }
            return
        }
        let flat = tables.map { UnreachableFlags.flatten(columns: $0.table.columns, rows: $0.table.rows, costColumns: $0.table.costColumns) }
        let writers = try tables.map { try GeoJSONWriter($0.url, inputs: inputs) }
        let properties: [@Sendable (Int) -> Properties] = flat.map { f in { Properties(Array(zip(f.columns, f.rows[$0]))) } }
        try GeoJSONWriter.write(writers, count: shared.count, geometry: { shared[$0] }, properties: properties)
        for w in writers { try w.finish() }
    }
}
