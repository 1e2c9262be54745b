import GeoCore
import Testing

@Suite struct MetricCRSTests {
    @Test(arguments: [
        ("01", 2154), ("2A", 2154), ("2b", 2154), ("95", 2154), ("971", 5490), ("972", 5490),
        ("973", 2972), ("974", 2975), ("976", 4471),
    ])
    func departmentCRS(code: String, epsg: Int) {
        #expect(MetricCRS.forDepartment(code) == CRS(epsg: epsg))
    }

    /// Total on extents with no position (it converted NaN to Int: SIGILL on an empty commune).
    @Test func emptyAndNonFiniteExtentsHaveACRS() {
        #expect(MetricCRS.forExtent(.empty) == .lambert93)
        #expect(MetricCRS.forExtent(BoundingBox(minX: .nan, minY: .nan, maxX: .nan, maxY: .nan)) == .lambert93)
        #expect(MetricCRS.utmZone(longitude: .nan, latitude: .nan) == CRS(epsg: 32631))
        #expect(MetricCRS.utmZone(longitude: .infinity, latitude: -10) == CRS(epsg: 32731))
        #expect(Geometry.multiPolygon([]).withoutEmptyPolygons == nil)
        #expect(Geometry.polygon(Polygon(rings: [[]])).withoutEmptyPolygons == nil)
        let square = Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)])
        #expect(Geometry.multiPolygon([square, Polygon(rings: [])]).withoutEmptyPolygons == .polygon(square))
    }

    @Test func unknownDepartmentsHaveNone() {
        for code in ["00", "96", "975", "99", "2C", "abc"] { #expect(MetricCRS.forDepartment(code) == nil) }
    }

    @Test func departmentOfCommune() {
        #expect(MetricCRS.department(ofCommune: "01053") == "01")
        #expect(MetricCRS.department(ofCommune: "2A004") == "2A")
        #expect(MetricCRS.department(ofCommune: "97411") == "974")
    }

    @Test func extentsPickTheNationalCRSOrUTM() {
        #expect(MetricCRS.forExtent(BoundingBox(minX: 2, minY: 48, maxX: 3, maxY: 49)) == .lambert93)
        #expect(MetricCRS.forExtent(BoundingBox(minX: 55.2, minY: -21.4, maxX: 55.8, maxY: -20.9)) == .reunion)
        // Brussels → UTM 31N; Montreal → 18N; Nouméa → 58S.
        #expect(MetricCRS.forExtent(BoundingBox(minX: 4.3, minY: 50.8, maxX: 4.4, maxY: 50.9)) == CRS(epsg: 32631))
        #expect(MetricCRS.utmZone(longitude: -73.6, latitude: 45.5) == CRS(epsg: 32618))
        #expect(MetricCRS.utmZone(longitude: 166.45, latitude: -22.27) == CRS(epsg: 32758))
        #expect(MetricCRS.utmZone(longitude: 180, latitude: 0) == CRS(epsg: 32601))
    }

    @Test func crsParsing() {
        #expect(CRS("EPSG:2154") == .lambert93)
        #expect(CRS("epsg:4326") == .wgs84)
        #expect(CRS("urn:ogc:def:crs:EPSG::2154") == .lambert93)
        #expect(CRS("urn:ogc:def:crs:OGC:1.3:CRS84") == .wgs84)
        #expect(CRS("Lambert") == nil)
        #expect(CRS("EPSG:") == nil)
    }
}

@Suite struct MetropolitanOutlineTests {
    static let french: [(String, Double, Double)] = [
        ("Lille", 3.06, 50.63), ("Dunkerque", 2.38, 51.03), ("Strasbourg", 7.75, 48.58), ("Mulhouse", 7.34, 47.75),
        ("Thonon", 6.48, 46.37), ("Chamonix", 6.87, 45.92), ("Menton", 7.50, 43.78), ("Perpignan", 2.90, 42.70),
        ("Hendaye", -1.78, 43.36), ("Brest", -4.49, 48.39), ("Le Conquet", -4.77, 48.36), ("Cherbourg", -1.62, 49.64),
        ("Ajaccio", 8.74, 41.92), ("Bonifacio", 9.16, 41.39), ("Paris", 2.35, 48.86), ("Givet", 4.82, 50.14), ("Annemasse", 6.24, 46.19), ("Gex", 6.058, 46.322), ("Prévessin-Moëns", 6.086, 46.248), ("Pontarlier", 6.35, 46.90), ("Morteau", 6.60, 47.06), ("Saint-Julien-en-Genevois", 6.08, 46.144), ("Saint-Louis", 7.56, 47.58), ("Bouxwiller (68)", 7.33, 47.51), ("Delle", 7.00, 47.51), ("Hyères", 6.13, 43.12), ("Porquerolles", 6.20, 43.00), ("La Seyne-sur-Mer", 5.88, 43.08), ("Carteret", -1.79, 49.37), ("Granville", -1.60, 48.84),
    ]
    static let foreign: [(String, Double, Double)] = [
        ("Brussels", 4.35, 50.85), ("Luxembourg", 6.13, 49.61), ("Basel", 7.59, 47.56), ("Geneva", 6.14, 46.20), ("La Chaux-de-Fonds", 6.83, 47.10), ("Lausanne", 6.63, 46.52),
        ("Turin", 7.69, 45.07), ("Barcelona", 2.17, 41.39), ("Jersey", -2.13, 49.21),
    ]

    @Test func frenchPlacesUseLambert93() {
        for (name, lon, lat) in Self.french {
            let box = BoundingBox(minX: lon, minY: lat, maxX: lon, maxY: lat)
            #expect(MetricCRS.forExtent(box) == .lambert93, "\(name)")
        }
    }

    @Test func neighboursUseTheirUTMZone() {
        for (name, lon, lat) in Self.foreign {
            let box = BoundingBox(minX: lon, minY: lat, maxX: lon, maxY: lat)
            #expect(MetricCRS.forExtent(box) != .lambert93, "\(name)")
        }
    }
}
