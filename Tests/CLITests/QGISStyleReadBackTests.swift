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
            try Self.openInQGIS(gpkg, field: field, legend: legend)
        }
    }

    /// QGIS itself (headless, Debian's `python3-qgis`) opens the layer: it must apply the stored
    /// style by itself, a graduated renderer over `field` with the legend's labels and colours.
    static func openInQGIS(_ gpkg: URL, field: String, legend: [(String, String)]) throws {
        let script = """
            import os, sys
            from qgis.core import QgsApplication, QgsVectorLayer
            QgsApplication.setPrefixPath("/usr", True)
            app = QgsApplication([], False)
            app.initQgis()
            layer = QgsVectorLayer(sys.argv[1] + "|layername=table", "table", "ogr")
            r = layer.renderer()
            print("renderer", layer.isValid(), r.type(), r.classAttribute() if r.type() == "graduatedSymbol" else "")
            for g in (r.ranges() if r.type() == "graduatedSymbol" else []): print("range", g.label(), g.symbol().color().name(), sep="|")
            sys.stdout.flush()
            os._exit(0)  # QGIS 3.22 can crash in exitQgis() without a display; the answer is printed
            """
        let file = gpkg.deletingLastPathComponent().appendingPathComponent("open-in-qgis.py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let command = "/usr/bin/python3 -c 'import qgis.core' 2>/dev/null && QT_QPA_PLATFORM=offscreen /usr/bin/python3 '\(file.path)' '\(gpkg.path)'"
        guard let out = try? CommandRunner.shell(command), out.status == 0, out.stdout.contains("renderer") else {
            print("NOTICE: QGIS check of the style skipped: Debian's python3-qgis is absent (scripts/setup --qgis installs it)")
            return
        }
        #expect(out.stdout.contains("renderer True graduatedSymbol \(field)"), "\(out.stdout)")
        let ranges = out.stdout.split(separator: "\n").filter { $0.hasPrefix("range|") }.map { line in
            let parts = line.split(separator: "|").map(String.init)
            return (parts[1], parts[2])
        }
        #expect(ranges.map(\.0) == legend.map(\.0) && ranges.map(\.1) == legend.map(\.1), "QGIS: \(ranges) vs \(legend)")
    }
}
