import Foundation
import GeoCore
import GeoIO
import GeoPackage
import Projection

/// Reads a vector layer whatever its format, with coordinates in longitude/latitude (the
/// study model's CRS): GeoJSON (`.geojson`, `.json`), GeoPackage (`.gpkg`, `FILE.gpkg:TABLE`
/// for one table of several) and ESRI Shapefile (`.shp` with its `.dbf`, `.prj`, `.cpg`;
/// ``Shapefile``). Other formats are refused with the `ogr2ogr` line that converts them
/// (GDAL is not a dependency of GeoHealth).
///
/// The CRS is the declared one (GeoJSON's legacy `crs` member, the GeoPackage `srs_id`, the
/// Shapefile's `.prj`); with
/// none declared, coordinates outside the longitude/latitude range that fall in the
/// Lambert-93 range (x −400 km…1,400 km, y 6,000…7,200 km) are read as Lambert-93, with a
/// warning; anything else outside that range is an error asking for the CRS. Projected
/// coordinates are converted to longitude/latitude with PROJ, one transformation per file.
package enum LayerReader {
    package struct Info: Sendable {
        /// `FeatureCollection`, a geometry type, or `GeoPackage table NAME`.
        package var type: String
        /// The CRS the file's coordinates were in.
        package var crs: CRS
        /// How the CRS was known: `declared`, `RFC 7946 default`, `guessed from the coordinates`.
        package var crsSource: String
        package var featureCount: Int
        package var warnings: [InputWarning]
    }

    static let unsupported: [String: String] = [
        "kml": "KML", "gml": "GML", "tab": "MapInfo TAB", "mif": "MapInfo MIF",
        "gpx": "GPX", "fgb": "FlatGeobuf", "parquet": "GeoParquet", "zip": "a zipped layer", "dbf": "a dBase table",
    ]

    /// Whether `url` names a layer this reader takes (by its extension).
    static func isLayer(_ url: URL) -> Bool {
        ["geojson", "json", "gpkg", "shp"].contains(split(url).file.pathExtension.lowercased())
    }

    /// `FILE.gpkg:TABLE` → (FILE.gpkg, TABLE).
    static func split(_ url: URL) -> (file: URL, table: String?) {
        let path = url.path
        if let r = path.range(of: ".gpkg:", options: [.caseInsensitive, .backwards]) {
            return (URL(fileURLWithPath: String(path[..<r.lowerBound]) + ".gpkg"), String(path[r.upperBound...]))
        }
        return (url, nil)
    }

    @discardableResult
    package static func read(_ url: URL, _ body: (Int, Feature) throws -> Void) throws -> Info {
        let (file, table) = split(url)
        let ext = file.pathExtension.lowercased()
        if let name = unsupported[ext] {
            let out = file.deletingPathExtension().lastPathComponent + ".gpkg"
            throw InputError(
                file: url.relativePath,
                message:
                    "\(name) is not read by GeoHealth: convert it with GDAL, e.g. `ogr2ogr -t_srs EPSG:4326 \(out) \(file.lastPathComponent)` (or `-f " +
                    "GeoJSON x.geojson`), and give the .gpkg or .geojson"
            )
        }
        var converter: Converter?
        if ext == "gpkg" {
            var declared: CRS?
            let layer = try GeoPackageReader.read(file, table: table, layerFound: { declared = $0.crs }) { i, f in
                if converter == nil { converter = try Converter(declared: declared, file: url.relativePath, first: f) }
                try body(i, try converter!.apply(f, index: i))
            }
            let c = try converter ?? Converter(declared: layer.crs, file: url.relativePath, first: nil)
            return Info(type: "GeoPackage table \(layer.table)", crs: c.source, crsSource: c.how, featureCount: layer.featureCount, warnings: c.warnings)
        }
        if ext == "shp" {
            let layer = try Shapefile.read(file)
            let c = try Converter(declared: layer.crsName.flatMap(CRS.init), file: url.relativePath, first: layer.features.first)
            for (i, f) in layer.features.enumerated() { try body(i, try c.apply(f, index: i)) }
            var warnings = c.warnings
            if layer.projection != nil && layer.crsName == nil {
                warnings.append(InputWarning(file: url.relativePath, feature: nil, message: "the .prj names no EPSG CRS GeoHealth knows; the CRS was \(c.how)"))
            }
            return Info(
                type: "Shapefile (\(layer.encoding.rawValue) attributes)", crs: c.source, crsSource: c.how, featureCount: layer.features.count,
                warnings: warnings)
        }
        var declared: CRS?
        var declaredName: String?
        let summary = try GeoJSONReader.read(contentsOf: file, crs: { name in
            declaredName = name
            declared = CRS(name)
        }) { i, f in
            if converter == nil { converter = try Converter(declared: declared, declaredName: declaredName, file: url.relativePath, first: f) }
            try body(i, try converter!.apply(f, index: i))
        }
        if let converter, let name = summary.crsName, CRS(name) != converter.source {
            throw InputError(
                file: url.relativePath,
                message: "the \"crs\" member (\(name)) comes after the features; put it before them (GDAL does) or convert with `ogr2ogr -t_srs EPSG:4326`")
        }
        let c = try converter ?? Converter(declared: declared, declaredName: declaredName, file: url.relativePath, first: nil)
        return Info(type: summary.type, crs: c.source, crsSource: c.how, featureCount: summary.featureCount, warnings: summary.warnings + c.warnings)
    }

    /// All features of a layer.
    package static func features(_ url: URL) throws -> (features: [Feature], info: Info) {
        var features: [Feature] = []
        let info = try read(url) { _, f in features.append(f) }
        return (features, info)
    }

    /// Converts features to longitude/latitude from the CRS the layer is in.
    struct Converter {
        var source: CRS
        var how: String
        var warnings: [InputWarning] = []
        var transformer: CoordinateTransformer?
        let file: String

        init(declared: CRS?, declaredName: String? = nil, file: String, first: Feature?) throws {
            self.file = file
            if let declared {
                source = declared
                how = "declared"
            } else if let name = declaredName {
                throw InputError(file: file, message: "the declared CRS '\(name)' is not an EPSG code; convert with `ogr2ogr -t_srs EPSG:4326`")
            } else {
                let box = first?.geometry?.boundingBox ?? .empty
                if box.isEmpty || (box.minX >= -180 && box.maxX <= 180 && box.minY >= -90 && box.maxY <= 90) {
                    source = .wgs84
                    how = "RFC 7946 default"
                } else if box.minX > -400_000, box.maxX < 1_400_000, box.minY > 6_000_000, box.maxY < 7_200_000 {
                    source = .lambert93
                    how = "guessed from the coordinates"
                    warnings.append(InputWarning(file: file, feature: nil,
                                                 message: "no CRS declared and the coordinates are in the Lambert-93 range: read as EPSG:2154"))
                } else {
                    throw InputError(
                        file: file, feature: 0,
                        message:
                            "coordinates (\(box.minX), \(box.minY)) are not longitude/latitude and no CRS is declared; declare it (a \"crs\" member) " +
                            "or convert with `ogr2ogr -t_srs EPSG:4326`"
                    )
                }
            }
            if !source.isGeographic || source.epsg != 4326 && source.epsg != 4171 && source.epsg != 4258 {
                do {
                    transformer = try CoordinateTransformer.shared(from: source, to: .wgs84)
                    if how == "declared" {
                        warnings.append(InputWarning(file: file, feature: nil, message: "coordinates in \(source) (declared), converted to longitude/latitude"))
                    }
                } catch {
                    throw InputError(file: file, message: "cannot convert from \(source) to longitude/latitude: \(error)")
                }
            }
        }

        /// The feature in longitude/latitude, its `NAME_unreachable` flags folded back into
        /// the word (``UnreachableFlags``), whatever the format.
        func apply(_ f: Feature, index: Int) throws -> Feature {
            var f = f
            if f.properties.contains(where: { $0.key.hasSuffix(UnreachableFlags.suffix) }) { UnreachableFlags.fold(&f.properties) }
            guard let transformer, var g = f.geometry else { return f }
            do {
                try transformer.transform(&g)
            } catch {
                throw InputError(file: file, feature: index, message: "cannot convert from \(source) to longitude/latitude: \(error)")
            }
            var out = f
            out.geometry = g
            return out
        }
    }
}
