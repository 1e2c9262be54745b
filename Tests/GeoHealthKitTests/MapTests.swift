import Cartography
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO
import GeoHealthTestSupport
import Testing

/// Maps and charts of the sample: golden SVG files (Tests/golden), the SVG structure, a real
/// renderer (rsvg-convert, from Debian's librsvg2-bin), and bad input.
@Suite(.serialized) struct MapTests {
    /// Travel times to the nearest hospital and MSP of the sample, as a GeoJSON layer.
    static func travelLayer(_ dir: URL) throws -> URL {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        var o = TravelAnalysis.Options()
        o.kinds = [.hospital, .msp]
        o.groupBy = "ZONE"
        let url = dir.appendingPathComponent("travel.geojson")
        try TravelAnalysis.run(study, options: o).table.write(to: url, inputs: [])
        return url
    }

    @Test func choroplethGoldenStructureAndRendering() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let layer = try Self.travelLayer(dir)
            let out = dir.appendingPathComponent("map.svg")
            var o = MapMaker.Options(field: "hospital_minutes")
            o.title = "Temps d'accès à l'hôpital"
            o.subtitle = "Val-de-Synthèse — ligne droite × 1,3 à 60 km/h"
            o.source = "Source : GeoHealth, données synthétiques (seed 1)"
            o.sites = Fixtures.sample.appendingPathComponent("sites.csv")
            o.siteKind = .hospital
            o.territories = Fixtures.sample.appendingPathComponent("cpts.csv")
            o.labels = 5
            let summary = try MapMaker.make(layer, options: o, output: out, inputs: [])
            let text = try String(contentsOf: out, encoding: .utf8)
            try assertGolden(text, "map-hospital-minutes.svg")
            #expect(summary["polygons_drawn"] == .number(236))
            // Structure: accessible, self-contained, one path per class plus missing values.
            #expect(text.contains("<title id=\"map-title\">Temps d&apos;accès") || text.contains("<title id=\"map-title\">Temps d'accès"))
            #expect(text.contains("<desc id=\"map-desc\">") && text.contains("viewBox=\"0 0 1000 "))
            #expect(!text.contains("href=\"http") && !text.contains("<image"))
            #expect(text.components(separatedBy: "class=\"class-").count - 1 == 5)
            #expect(text.contains("id=\"scale-bar\"") && text.contains("id=\"north-arrow\"") && text.contains("id=\"legend\""))
            #expect(text.contains("id=\"territories\"") && text.contains("id=\"sites\"") && text.contains("id=\"labels\""))
            if let bytes = try SVGRenderer.render(out) { #expect(bytes > 10_000) }
        }
    }

    /// A travel-time legend says its unit; other fields take the heading the user gives; the
    /// territories are called what the user calls them.
    @Test func legendsCarryTheUnitAndTheTerritoriesName() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let layer = try Self.travelLayer(dir)
            func legend(_ o: MapMaker.Options) throws -> String {
                let out = dir.appendingPathComponent("legend.svg")
                _ = try MapMaker.make(layer, options: o, output: out, inputs: [])
                let text = try String(contentsOf: out, encoding: .utf8)
                return String(text[text.range(of: "<g id=\"legend\">")!.lowerBound...])
            }
            var minutes = MapMaker.Options(field: "msp_minutes")
            minutes.territories = Fixtures.sample.appendingPathComponent("cpts.csv")
            minutes.territoryLabel = "EPCI"
            let fr = try legend(minutes)
            #expect(fr.contains(">Temps (minutes)</text>") && fr.contains(">territoire (EPCI)</text>") && !fr.contains("CPTS"))
            minutes.language = .en
            #expect(try legend(minutes).contains(">Time (minutes)</text>"))
            var other = MapMaker.Options(field: "population")
            #expect(!(try legend(other)).contains("font-weight=\"bold\""), "no heading for a field whose unit is unknown")
            other.legendTitle = "habitants"
            #expect(try legend(other).contains(">habitants</text>"))
        }
    }

    @Test func englishLabelsAndOtherSchemes() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let layer = try Self.travelLayer(dir)
            for scheme in MapMaker.Scheme.allCases where scheme != .manual {
                var o = MapMaker.Options(field: "msp_minutes")
                o.scheme = scheme
                o.palette = "YlGnBu"
                o.language = .en
                let out = dir.appendingPathComponent("map-\(scheme.rawValue).svg")
                _ = try MapMaker.make(layer, options: o, output: out, inputs: [])
                let text = try String(contentsOf: out, encoding: .utf8)
                #expect(text.contains("Source : GeoHealth") && !text.contains("pas de donnée"), "\(scheme)")
                _ = try SVGRenderer.render(out)
            }
        }
    }

    @Test func chartsGoldenAndRendering() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let layer = try Self.travelLayer(dir)
            var o = InequalityAnalysis.Options(value: "hospital_minutes")
            o.groupBy = "ZONE"
            let data = try ChartMaker.read(layer, options: o)
            for kind in ["lorenz", "histogram", "beyond"] {
                let svg = try ChartMaker.chart(kind, data: data, thresholds: [20, 30], title: nil, value: "hospital_minutes", groupBy: "ZONE", labels: MapLabels())
                let url = dir.appendingPathComponent("\(kind).svg")
                try ChartMaker.write(svg, to: url, inputs: [])
                try assertGolden(try String(contentsOf: url, encoding: .utf8), "chart-\(kind).svg")
                #expect(svg.elements(named: "title").count == 1 && svg.attribute("viewBox") == "0 0 720 460")
                _ = try SVGRenderer.render(url)
            }
        }
    }

    @Test func badFieldsAndDegenerateValues() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let layer = try Self.travelLayer(dir)
            let out = dir.appendingPathComponent("x.svg")
            let missing = try #require(throws: InputError.self) { try MapMaker.make(layer, options: MapMaker.Options(field: "nope"), output: out, inputs: []) }
            #expect(missing.message.hasPrefix("no such field; the numeric fields are: "))
            let text = try #require(throws: InputError.self) { try MapMaker.make(layer, options: MapMaker.Options(field: "name"), output: out, inputs: []) }
            #expect(text.message.contains("is not a number"))
            // All values equal: a one-class map. Fewer distinct values than classes: fewer classes.
            var o = MapMaker.Options(field: "hospital_within_20min")
            o.classes = 9
            let s = try MapMaker.make(layer, options: o, output: out, inputs: [])
            #expect(s["notes"] != nil)
            var constant = MapMaker.Options(field: "constant")
            constant.classes = 5
            let flat = dir.appendingPathComponent("flat.geojson")
            let features = try GeoJSONReader.features(contentsOf: layer).features.map { f -> Feature in
                var g = f
                g.properties["constant"] = .number(7)
                return g
            }
            try GeoJSONWriter.write(features, to: flat)
            let one = try MapMaker.make(flat, options: constant, output: out, inputs: [])
            #expect(one["classes"] == .array([.object(Properties([("upper_bound", .number(7)), ("units", .number(236))]))]))
        }
    }
}
