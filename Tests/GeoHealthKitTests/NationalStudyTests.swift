import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import Testing

/// What the national study needs of every command, on small hand-made inputs: registries read
/// as given, missing values counted rather than fatal, unreachable kept apart from "no data",
/// insets for the overseas départements, and refusals that name what is available.
@Suite struct NationalStudyTests {
    static func sample() throws -> Study { try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study }

    @Test func anUnknownGroupByFieldNamesTheFieldsThereAre() throws {
        var o = TravelAnalysis.Options()
        o.groupBy = "ZONES"
        let e = try #require(throws: ParameterError.self) { try TravelAnalysis.run(Self.sample(), options: o) }
        #expect(e.parameters == [.groupBy] && e.description.contains("group_by ZONES") && e.description.contains("ZONE") && e.description.contains("departement"))
        var a = AccessAnalysis.Options()
        a.groupBy = "ZONES"
        #expect(throws: ParameterError.self) { try AccessAnalysis.run(Self.sample(), options: a) }
        o.groupBy = "departement"
        #expect(try TravelAnalysis.run(Self.sample(), options: o).groups?.allSatisfy { $0 == "00" } == true)
    }

    @Test func beyondTheBoundIsUnreachableInTablesNeverEmpty() throws {
        var o = TravelAnalysis.Options()
        o.kinds = [.hospital]
        o.cost.maxMinutes = 15
        let analysis = try TravelAnalysis.run(Self.sample(), options: o)
        let minutes = analysis.table.columns.firstIndex(of: "hospital_minutes")!
        let cells = analysis.table.rows.map { $0[minutes] }
        let far = analysis.kinds[0].nearest.filter { $0 == nil }.count
        #expect(far > 0 && cells.filter { $0 == .string("unreachable") }.count == far)
        #expect(!cells.contains(.null))
    }

    static let registry = """
        finess,hospital_name,facility_type,lon,lat,lits
        1,CH A,Centre Hospitalier (C.H.),2.1,46.1,300
        2,CH B,"Centre hospitalier, ex Hôpital local",2.2,46.2,40
        3,Clinique C,Etablissement de Soins Chirurgicaux,2.3,46.3,80
        4,CHS D,Centre Hospitalier Spécialisé lutte Maladies Mentales,2.4,46.4,120
        5,CH E,Centre Hospitalier (C.H.),2.5,46.5,

        """

    @Test func registriesAreReadAsGiven() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("finess.csv")
            try Self.registry.write(to: url, atomically: true, encoding: .utf8)
            var schema = SiteSchema()
            schema.nameField = "hospital_name"
            schema.kindField = "facility_type"
            schema.capacityField = "lits"
            try schema.select("facility_type=Centre hospitalier, ex Hôpital local")
            try schema.select("facility_type = centre hospitalier (c.h.)")
            let selected = try SiteTable.read(url, kind: nil, schema: schema)
            #expect(selected.sites.map(\.id) == ["1", "2", "5"], "a value with a comma is one value; case and spaces do not matter")
            #expect(selected.sites.map(\.name) == ["CH A", "CH B", "CH E"] && selected.sites[0].capacity == 300 && selected.sites[2].capacity == nil)
            #expect(selected.leftOut == ["not selected by site_where": 2])

            let map = dir.appendingPathComponent("kinds.csv")
            try "value,kind\nCentre Hospitalier (C.H.),hospital\n\"Centre hospitalier, ex Hôpital local\",hospital\nEtablissement de Soins Chirurgicaux,clinic\n".write(to: map, atomically: true, encoding: .utf8)
            var mapped = SiteSchema()
            mapped.kindField = "facility_type"
            mapped.kindMap = try SiteSchema.kindMap(from: map)
            let result = try SiteTable.read(url, kind: nil, schema: mapped)
            #expect(result.sites.map(\.kind) == [.hospital, .hospital, SiteKind("clinic"), .hospital])
            #expect(result.leftOut == ["kind not in the map: Centre Hospitalier Spécialisé lutte Maladies Mentales": 1])

            var wrong = SiteSchema()
            wrong.kindField = "categorie"
            let e = try #require(throws: InputError.self) { try SiteTable.read(url, kind: nil, schema: wrong) }
            #expect(e.description.contains("site_kind_field: no such column") && e.description.contains("facility_type"))
            #expect(e.parameters == [.siteKindField])
            let malformed = try #require(throws: ParameterError.self) { try wrong.select("no equals sign") }
            #expect(malformed.kind == .malformed && malformed.isUsageError && malformed.parameters == [.siteWhere])
        }
    }

    @Test func rowsWithoutValueOrWeightAreLeftOutAndCounted() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("t.csv")
            try "code,population,minutes\nA,100,10\nB,,12\nC,50,unreachable\nD,30,\nE,20,30\n".write(to: url, atomically: true, encoding: .utf8)
            let table = try InequalityAnalysis.read(url, options: InequalityAnalysis.Options(value: "minutes"))
            #expect(table.codes == ["A", "E"] && table.values == [10, 30] && table.weights == [100, 20])
            #expect(table.leftOut == ["missing population": 1, "unreachable": 1, "missing minutes": 1])
            let analysis = try InequalityAnalysis.run(table, options: InequalityAnalysis.Options(value: "minutes"))
            #expect(analysis.summary["units"] == .number(2))
            // Charts keep unreachable communes (beyond every threshold), still without the row lacking a weight.
            var chart = InequalityAnalysis.Options(value: "minutes")
            chart.allowMissing = true
            let kept = try InequalityAnalysis.read(url, options: chart)
            #expect(kept.codes == ["A", "C", "E"] && kept.values[1].isNaN)
            try "code,population,minutes\nA,100,soon\n".write(to: url, atomically: true, encoding: .utf8)
            let e = try #require(throws: InputError.self) { try InequalityAnalysis.read(url, options: InequalityAnalysis.Options(value: "minutes")) }
            #expect(e.description.contains("'soon' is not a number"))
        }
    }

    /// A metropolitan commune and one of Guadeloupe: the second is drawn in an inset in its own
    /// CRS, named, with its own scale bar; nothing is left out.
    @Test func overseasCommunesGoToNamedInsets() throws {
        func square(_ x: Double, _ y: Double, _ d: Double) -> Geometry {
            .polygon(Polygon(exterior: [Coordinate(x: x, y: y), Coordinate(x: x + d, y: y), Coordinate(x: x + d, y: y + d), Coordinate(x: x, y: y + d), Coordinate(x: x, y: y)]))
        }
        try Fixtures.withTemporaryDirectory { dir in
            let layer = dir.appendingPathComponent("layer.geojson")
            try GeoJSONWriter.write([
                Feature(geometry: square(2.0, 46.0, 0.1), properties: Properties([("code", .string("03001")), ("minutes", .number(12))])),
                Feature(geometry: square(2.1, 46.0, 0.1), properties: Properties([("code", .string("03002")), ("minutes", .string("unreachable"))])),
                Feature(geometry: square(-61.6, 16.2, 0.1), properties: Properties([("code", .string("97101")), ("minutes", .number(25))])),
                Feature(geometry: square(-61.5, 16.2, 0.1), properties: Properties([("code", .string("97102")), ("minutes", .null)])),
            ], to: layer)
            let svg = dir.appendingPathComponent("map.svg")
            let summary = try MapMaker.make(layer, options: MapMaker.Options(field: "minutes"), output: svg, inputs: [])
            #expect(summary["polygons_drawn"] == .number(4) && summary["crs"] == .string("EPSG:2154"))
            #expect(summary["unreachable"] == .number(1) && summary["no_data"] == .number(1))
            guard case .array(let insets)? = summary["insets"], case .object(let inset)? = insets.first else { Issue.record("no inset"); return }
            #expect(insets.count == 1 && inset["name"] == .string("Guadeloupe") && inset["crs"] == .string("EPSG:5490"))
            let text = try String(contentsOf: svg, encoding: .utf8)
            #expect(text.contains(">Guadeloupe</text>") && text.contains("id=\"inset-1-scale-bar\"") && text.contains("class=\"unreachable\""))
            #expect(text.contains("hors d&apos;atteinte") || text.contains("hors d'atteinte"))
            if let png = try SVGRenderer.render(svg) { #expect(png > 1_000) }
        }
    }
}
