import Foundation
import GeoCore
import GeoIO

extension IsochroneAnalysis {
    /// A layer of the output: its name, columns, rows and polygons (longitude/latitude).
    package struct Layer: Sendable {
        /// `isochrones` or `catchments`.
        package var name: String
        /// The column names, in order.
        package var columns: [String]
        /// One row per feature, one value per column.
        package var rows: [[PropertyValue]]
        /// One polygon per row (nil: no geometry).
        package var geometries: [Geometry?]
        /// The measures (minutes, areas): REAL in a GeoPackage even when every value is whole
        /// (thresholds 10, 20, 30), so that the column's type does not change from run to run.
        package var realColumns: Set<String> = []
    }

    /// `isochrones`: id (`site_id@minutes`, so that the layer is a territory file for
    /// `coverage --territories`), site_id, site_name, kind, minutes, area_km2, population
    /// (covered, area-proportional from the communes); one feature per site and threshold, none
    /// where nothing is reached (a site off the network, a start-up delay of T or more: listed in
    /// the summary as `isochrones_not_drawn`).
    package var isochroneLayer: Layer {
        let drawn = isochrones.filter { $0.geometry != nil }
        let rows = drawn.map { i -> [PropertyValue] in
            let site = study.sites[i.site]
            return [.string("\(site.id)@\(Self.minutesText(i.minutes))"), .string(site.id), .string(site.name),
                    .string(site.kind.rawValue), .rounded(i.minutes, 2), .rounded(i.areaKm2, 3), .rounded(i.population, 0)]
        }
        return Layer(name: "isochrones", columns: ["id", "site_id", "site_name", "kind", "minutes", "area_km2", "population"],
                     rows: rows, geometries: drawn.map(\.geometry), realColumns: ["minutes", "area_km2"])
    }

    /// `catchments`: site_id (`none` for the communes that reach no site), site_name, kind,
    /// communes, population, area_km2, max_minutes, mean_minutes (population-weighted).
    package var catchmentLayer: Layer {
        let rows = catchments.map { c -> [PropertyValue] in
            let site = c.site.map { study.sites[$0] }
            return [.string(site?.id ?? "none"), site.map { .string($0.name) } ?? .null, site.map { .string($0.kind.rawValue) } ?? .null,
                    .int(c.communes.count), .rounded(c.population, 0), .rounded(c.areaKm2, 3), .rounded(c.maxMinutes, 2), .rounded(c.meanMinutes, 2)]
        }
        return Layer(name: "catchments", columns: ["site_id", "site_name", "kind", "communes", "population", "area_km2", "max_minutes", "mean_minutes"],
                     rows: rows, geometries: catchments.map(\.geometry), realColumns: ["area_km2", "max_minutes", "mean_minutes"])
    }

    /// The files ``write(to:inputs:)`` writes for `url`: the GeoPackage itself (both layers),
    /// or for `X.geojson` the two files `X-isochrones.geojson` and `X-catchments.geojson`.
    package static func outputFiles(for url: URL) -> [URL] {
        guard ["geojson", "json"].contains(url.pathExtension.lowercased()) else { return [url] }
        let stem = url.deletingPathExtension().lastPathComponent, ext = url.pathExtension
        let folder = url.deletingLastPathComponent()
        return ["isochrones", "catchments"].map { folder.appendingPathComponent("\(stem)-\($0).\(ext)") }
    }

    /// Writes both layers: one GeoPackage with the layers `isochrones` and `catchments`, or two
    /// GeoJSON files (``outputFiles(for:)``), each atomically and never over one of `inputs`.
    /// - Throws: ``ParameterError`` for another extension; the writers' errors.
    public func write(to url: URL, inputs: [URL]) throws {
        let layers = [isochroneLayer, catchmentLayer]
        switch url.pathExtension.lowercased() {
        case "geojson", "json":
            for (layer, file) in zip(layers, Self.outputFiles(for: url)) {
                let writer = try GeoJSONWriter(file, inputs: inputs)
                for (geometry, row) in zip(layer.geometries, layer.rows) {
                    try writer.write(Feature(geometry: geometry, properties: Properties(Array(zip(layer.columns, row)))))
                }
                try writer.finish()
            }
        case "gpkg":
            try GeoPackageTable.write(layers: layers.map { ($0.name, $0.columns, $0.rows, $0.geometries, $0.realColumns) }, to: url, inputs: inputs)
        default:
            throw ParameterError(.contradicted, "\(.table) \(url.relativePath): write .gpkg or .geojson")
        }
    }

    /// `15` for 15 minutes, `7.5` for 7.5: the threshold as a user writes it.
    static func minutesText(_ minutes: Double) -> String {
        minutes == minutes.rounded() && abs(minutes) < 1e9 ? String(Int(minutes)) : String(minutes)
    }

    func makeSummary(notes: Properties) -> Summary {
        let none = catchments.first { $0.site == nil }
        let people = study.areas.reduce(0) { $0 + ($1.population ?? 0) }
        return Summary([
            ("communes", .int(study.areas.count)),
            ("population", .headCount(people)),
            ("cost", .object(notes)),
            ("buffer_metres", .fixed(options.bufferMetres, 0)),
            ("startup_minutes", .fixed(options.cost.startupMinutes ?? 0, 2)),
            ("sites", .int(Set(isochrones.map(\.site)).count)),
            ("isochrones", .rows(options.thresholds.sorted().enumerated()) { k, t in
                let these = isochrones.filter { $0.minutes == t }
                return [("minutes", .fixed(t, 1)), ("drawn", .int(these.filter { $0.geometry != nil }.count)),
                        ("area_km2", .fixed(these.reduce(0) { $0 + $1.areaKm2 }, 1)),
                        ("population_within", .headCount(populationWithin[k])), ("share_within", .share(populationWithin[k], of: people))]
            }),
            ("isochrones_not_drawn", .strings(isochrones.filter { $0.geometry == nil }.map { "\(study.sites[$0.site].id)@\(Self.minutesText($0.minutes))" })),
            ("catchments", .int(catchments.filter { $0.site != nil }.count)),
            ("communes_reaching_no_site", .int(none?.communes.count ?? 0)),
            ("population_reaching_no_site", .headCount(none?.population ?? 0)),
        ])
    }
}
