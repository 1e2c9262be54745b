import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO
import GeoPackage

/// The readers the fuzzer drives, one input format each: every input must end in values or a
/// thrown error — never a crash, a hang or an allocation its size does not justify.
///
/// libFuzzer runs one target per process (`GEOHEALTH_FUZZ_TARGET`, ``LibFuzzerEntry``), so
/// each corpus and each crasher is a plain file of that reader's format, readable by the CLI
/// and replayed as it is by `FuzzTests/FuzzRegressionTests` on every test run. The corpus of a
/// target is `Tests/fixtures/fuzz-corpus/<target>`, its crashers `Tests/fixtures/fuzz-crashers/<target>`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// GeoJSON layers (read, then written back) and the same bytes as a CSV table.
    case geojson
    /// Shapefile `.shp`: the shapes, rings grouped into polygons.
    case shp
    /// Shapefile `.dbf`: header, fields, records, encoding.
    case dbf
    /// Shapefile `.prj`: the EPSG code of a WKT.
    case prj
    /// Well-Known Binary, decoded then encoded again.
    case wkb
    /// GeoPackage geometry blobs (header + WKB).
    case gpkg
    /// Study files (YAML).
    case studyFile = "study-file"
    /// Origin–destination matrices (OSRM `table` JSON, Metric-OSRM and generic CSV).
    case od
    /// Road networks (GeoJSON lines), through the layer reader and PROJ.
    case roads
    /// OpenStreetMap PBF extracts, through libosmium, the car profile and PROJ.
    case osm
    /// INSEE commune history (CSV), then every code followed forward.
    case history
    /// Territories: CSV memberships, JSON member lists or GeoJSON polygons (by content).
    case territories
    /// A whole tiny study folder (``StudyInput``): areas through the validity check and repair,
    /// the population joined through the history, sites and territories.
    case study

    /// Whether a reader ended cleanly on bad input: with a data error naming the file
    /// (``InputError``), or, for the raw decoders driven directly (`wkb`, `gpkg`, `shp` records),
    /// `WKB.Error`, which their callers turn into one. Anything else — a library's bare
    /// message, an error naming no file — is a finding, as a crash is.
    public static func isClean(_ error: any Error) -> Bool {
        if let e = error as? InputError { return !e.file.isEmpty }
        return error is WKB.Error
    }

    /// Reads `data` as this target's format; throws what the reader throws.
    public func run(_ data: Data) throws {
        switch self {
        case .geojson: try Self.geojson(data)
        case .shp: try Self.shp(data)
        case .dbf: _ = try Shapefile.readDBF(Array(data), file: "fuzz.dbf", codePage: nil)
        case .prj: _ = Shapefile.epsg(String(decoding: data, as: UTF8.self))
        case .wkb: try Self.wkb(data)
        case .gpkg: try Self.gpkg(data)
        case .studyFile: try Self.studyFile(data)
        case .od: try Self.od(data)
        case .roads: _ = try RoadLayer.read(FuzzFiles.write(data, as: "roads.geojson"), crs: .lambert93)
        case .osm: _ = try RoadLayer.read(FuzzFiles.write(data, as: "roads.osm.pbf"), crs: .lambert93)
        case .history: try Self.history(data)
        case .territories: _ = try TerritoryTable.read(FuzzFiles.write(data, as: "territories.\(FuzzFiles.territoryExtension(data))"))
        case .study: _ = try StudyLoader.load(StudySources.discover(in: FuzzFiles.studyFolder(StudyInput(data))))
        }
    }

    static func geojson(_ data: Data) throws {
        defer { _ = try? CSVTable.parse(data, file: "fuzz.csv") }
        try GeoJSONReader.read(data: data, file: "fuzz.geojson") { _, feature in
            _ = feature.geometry?.coordinateCount
            _ = GeoJSONWriter.string([feature])
        }
    }

    static func shp(_ data: Data) throws {
        for geometry in try Shapefile.readShapes(Array(data), file: "fuzz.shp") {
            guard let geometry else { continue }
            _ = geometry.boundingBox
            _ = GeoJSONWriter.string([Feature(geometry: geometry)])
        }
    }

    static func wkb(_ data: Data) throws {
        let geometry = try WKB.decode(Array(data))
        _ = try WKB.decode(WKB.encode(geometry))
        _ = geometry.boundingBox
    }

    static func gpkg(_ data: Data) throws {
        guard let geometry = try GeoPackageBinary.decode(Array(data)).geometry else { return }
        _ = geometry.boundingBox
        _ = GeoJSONWriter.string([Feature(geometry: geometry)])
    }

    /// As `--od` takes it: OSRM `table` JSON (mapped to places at its own waypoints, or at 0,0
    /// without them), else a Metric-OSRM or generic CSV.
    static func od(_ data: Data) throws {
        guard ODMatrixReader.startsLikeJSON(data) else {
            _ = try ODMatrixReader.read(table: CSVTable.parse(data, file: "fuzz-od.csv"))
            return
        }
        let table = try OSRMTable.read(data: data, file: "fuzz-od.json")
        func places(_ points: [Coordinate]?, _ count: Int) -> ODMatrixReader.Places {
            let p = points ?? Array(repeating: Coordinate(x: 0, y: 0), count: count)
            return ODMatrixReader.Places(ids: p.indices.map { String($0) }, lonLat: p)
        }
        _ = try ODMatrixReader.readOSRM(
            table: table, file: "fuzz-od.json", origins: places(table.sources, table.rowCount), destinations: places(table.destinations, table.columnCount))
    }

    /// As ``StudyFile/read(_:)`` takes it: UTF-8 text, else refused before parsing.
    static func studyFile(_ data: Data) throws {
        guard let text = String(data: data, encoding: .utf8) else { return }
        _ = try StudyFile.parse(text, url: URL(fileURLWithPath: "fuzz-study.yaml"))
    }

    static func history(_ data: Data) throws {
        let history = try CommuneHistory(table: CSVTable.parse(data, file: "fuzz-history.csv"))
        let codes = Set(history.events.flatMap { [$0.from, $0.to] })
        for code in codes {
            _ = history.currentCode(of: code) { !codes.contains($0) }
            _ = history.restorationParent(of: code)
        }
    }
}
