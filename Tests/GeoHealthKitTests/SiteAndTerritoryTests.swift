import Foundation
import GeoCore
import GeoHealthKit
import GeoIO
import GeoHealthTestSupport
import Testing

@Suite struct SiteTableTests {
    func read(_ text: String, kind: SiteKind? = nil, crs: CRS? = nil) throws -> SiteTable.Result {
        try SiteTable.read(table: CSVTable.parse(text, file: "sites.csv"), kind: kind, crs: crs)
    }

    @Test func lonLatKindCapacityAndRowsWithoutLocation() throws {
        let r = try read("id,nom,kind,lat,lon,capacity,phone\nM1,MSP Nord,MSP,46.5,2.5,4,0102\nM2,,msp,,,3,\nH1,CH,hospital,46.1,2.1,,\n")
        #expect(r.sites.map(\.id) == ["M1", "H1"])
        #expect(r.withoutLocation == ["M2"])
        #expect(r.sites[0].kind == .msp && r.sites[0].location == Coordinate(x: 2.5, y: 46.5) && r.sites[0].capacity == 4)
        #expect(r.sites[0].name == "MSP Nord" && r.sites[0].attributes["phone"] == .string("0102"))
        #expect(r.sites[1].capacity == nil)
    }

    @Test func projectedXYNeedsItsCRSAndIsTransformed() throws {
        let text = "id,x,y\nA,648235.8777,6862268.3583\n"
        let e = try #require(throws: InputError.self) { try read(text, kind: .hospital) }
        #expect(e.description == "sites.csv: x/y columns need their CRS: give sites_crs EPSG:n (e.g. EPSG:2154)")
        #expect(e.rendered { "--" + $0.name.replacingOccurrences(of: "_", with: "-") }.hasSuffix("give --sites-crs EPSG:n (e.g. EPSG:2154)"))
        let r = try read(text, kind: .hospital, crs: .lambert93)
        #expect(abs(r.sites[0].location.x - 2.294481) < 1e-8 && abs(r.sites[0].location.y - 48.858370) < 1e-8)
    }

    @Test func duplicateIdsAndMissingKindAreErrors() throws {
        let dup = try #require(throws: InputError.self) { try read("id,lon,lat\nA,1,2\nB,1,2\nA,3,4\n", kind: .msp) }
        #expect(dup.description == "sites.csv: line 4, field 'id': duplicate site id 'A' (first on line 2)")
        let kind = try #require(throws: InputError.self) { try read("id,lon,lat\nA,1,2\n") }
        #expect(kind.description == "sites.csv: no kind column; say which kind these sites are with kind (e.g. kind hospital)")
        let swapped = try #require(throws: InputError.self) { try read("id,lon,lat\nA,652000,6862000\n", kind: .msp) }
        #expect(swapped.message.contains("is not a longitude/latitude"))
    }
}

@Suite struct TerritoryTableTests {
    @Test func membershipRowsBecomeTerritoriesInOrder() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("cpts.csv")
            try Data("territory;name;code\nT2;Sud;003\nT1;Nord;001\nT2;Sud;004\nT1;Nord;003\n".utf8).write(to: url)
            let t = try TerritoryTable.read(url)
            #expect(t.map(\.id) == ["T2", "T1"])
            #expect(t[0].memberIDs == ["003", "004"] && t[1].memberIDs == ["001", "003"])
            #expect(t[0].name == "Sud" && t[0].kind == "cpts")
            try Data("territory,code\nT1,001\nT1,001\n".utf8).write(to: url)
            let e = try #require(throws: InputError.self) { try TerritoryTable.read(url) }
            #expect(e.message == "commune 001 is listed twice in territory T1")
        }
    }

    /// The official EPCI list form (etalab/decoupage-administratif `epci.json`): members as
    /// objects with a code, or plain codes; errors name the file, the territory and the field.
    @Test func jsonMemberListsBecomeTerritories() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("epci.json")
            let text = """
                [{"code":"200000172","nom":"CC Faucigny","type":"CC","membres":[{"code":"74042","nom":"Bonneville"},{"code":"74164"}]},
                 {"id":"T2","name":"Sud","kind":"SAS","members":["01001","01002"]}]
                """
            try Data(text.utf8).write(to: url)
            let t = try TerritoryTable.read(url)
            #expect(t.map(\.id) == ["200000172", "T2"])
            #expect(t[0].memberIDs == ["74042", "74164"] && t[1].memberIDs == ["01001", "01002"])
            #expect(t[0].name == "CC Faucigny" && t[0].kind == "cpts" && t[1].kind == "sas")
            try Data(#"[{"code":"E1","membres":[{"nom":"X"}]}]"#.utf8).write(to: url)
            var e = try #require(throws: InputError.self) { try TerritoryTable.read(url) }
            #expect(e.description == "\(url.relativePath): feature 0, field 'membres': territory 'E1': a member without a commune code")
            try Data(#"[{"code":"E1","membres":["01001","01001"]}]"#.utf8).write(to: url)
            e = try #require(throws: InputError.self) { try TerritoryTable.read(url) }
            #expect(e.message == "commune 01001 is listed twice in territory E1")
            try Data(#"[{"code":"E1"}]"#.utf8).write(to: url)
            e = try #require(throws: InputError.self) { try TerritoryTable.read(url) }
            #expect(e.message == "territory 'E1' has no member list (membres or members)")
            try Data(#"[{"code":"E1","membres":[]}] x"#.utf8).write(to: url)
            e = try #require(throws: InputError.self) { try TerritoryTable.read(url) }
            #expect(e.message.contains("unexpected text after the JSON value"), "\(e)")
        }
    }
}
