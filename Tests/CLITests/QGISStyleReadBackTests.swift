import Foundation
import GeoHealthTestSupport
import Testing

/// The QGIS style a GeoPackage table carries (`layer_styles`), read back by GDAL as QGIS reads
/// it: one default style for the table's `geom`, whose graduated classes have the bounds,
/// labels and colours of the SVG map `geohealth map` draws of the same column.
@Suite struct QGISStyleReadBackTests {
    /// `(label, #rrggbb)` of each class of a QML's graduated renderer, in order.
    static func qmlClasses(_ text: String) -> [(String, String)] {
        let labels = matches(#"<range lower="[^"]*" upper="[^"]*" symbol="\d+" label="([^"]*)""#, in: text)
        let colors = matches(#"<prop k="color" v="(\d+),(\d+),(\d+),255"/>"#, in: text, groups: 3).map { rgb in
            "#" + rgb.map { String(format: "%02x", Int($0)!) }.joined()
        }
        return Array(zip(labels.map { $0[0] }, colors))
    }

    /// `(label without its count, fill)` of each class of an SVG legend (the swatches before
    /// the "unreachable" one).
    static func legendClasses(_ svg: String) -> [(String, String)] {
        let rows = matches(#"<rect [^>]*fill="(#[0-9a-f]{6})"[^>]*/>\n<text [^>]*>([^<]*)  \(\d+\)</text>"#, in: svg, groups: 2)
        return rows.filter { $0[0] != "#525252" }.map { ($0[1], $0[0]) }
    }

    static func matches(_ pattern: String, in text: String, groups: Int = 1) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (1...groups).map { String(text[Range(m.range(at: $0), in: text)!]) }
        }
    }

    @Test(arguments: [
        (["distance", "geodata", "--site-kind", "hospital"], "hospital_minutes", [String]()),
        (["access", "geodata", "--site-kind", "msp"], "access", ["--scheme", "quantiles", "--palette", "YlGnBu"]),
    ])
    func styleClassesAreTheSVGMapClasses(command: [String], field: String, mapOptions: [String]) throws {
        try Fixtures.withTemporaryDirectory { dir in
            let gpkg = dir.appendingPathComponent("table.gpkg"), svg = dir.appendingPathComponent("map.svg")
            let run = try CommandRunner.run(command + ["--out", gpkg.path, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let map = try CommandRunner.run(["map", gpkg.path, "--field", field, "--out", svg.path, "--quiet"] + mapOptions)
            #expect(map.status == 0, "\(map.stderr)")
            let sql = "SELECT f_table_name, f_geometry_column, styleName, useAsDefault, styleQML, styleSLD FROM layer_styles"
            guard let info = GridReadBackTests.tool("ogrinfo", ["-ro", "-q", gpkg.path, "-sql", sql]) else {
                print("NOTICE: GDAL read-back of layer_styles skipped: ogrinfo is absent (scripts/setup installs gdal-bin)")
                return
            }
            #expect(info.contains("f_table_name (String) = table") && info.contains("f_geometry_column (String) = geom"), "\(info)")
            #expect(info.contains("styleName (String) = \(field)") && info.contains("useAsDefault (Integer(Boolean)) = 1"), "\(info)")
            #expect(info.contains(#"<renderer-v2 type="graduatedSymbol" attr="\#(field)""#), "\(info)")
            let style = Self.qmlClasses(info), legend = Self.legendClasses(try String(contentsOf: svg, encoding: .utf8))
            #expect(!legend.isEmpty)
            #expect(style.map(\.0) == legend.map(\.0), "bounds: \(style) vs \(legend)")
            #expect(style.map(\.1) == legend.map(\.1), "colours: \(style) vs \(legend)")
            let sld = Self.matches(#"<se:SvgParameter name="fill">(#[0-9a-f]{6})</se:SvgParameter>"#, in: info).map { $0[0] }
            #expect(sld == legend.map(\.1), "SLD colours \(sld)")
            let tables = GridReadBackTests.tool("ogrinfo", ["-ro", "-q", gpkg.path]) ?? ""
            #expect(tables.contains("table (Multi Polygon)") && tables.contains("layer_styles (None)"), "\(tables)")
        }
    }
}
