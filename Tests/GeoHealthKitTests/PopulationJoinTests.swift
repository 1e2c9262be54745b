import Foundation
import GeoCore
import GeoHealthKit
import GeoIO
import Testing

/// Hand-made vintages: polygons A B C D E (older), a table of the newer communes.
@Suite struct PopulationJoinTests {
    static func square(_ x: Double, _ y: Double = 0) -> Geometry {
        .polygon(Polygon(exterior: [Coordinate(x: x, y: y), Coordinate(x: x + 1, y: y), Coordinate(x: x + 1, y: y + 1), Coordinate(x: x, y: y + 1), Coordinate(x: x, y: y)]))
    }

    static func areas(_ ids: [String]) -> [Area] {
        ids.enumerated().map { Area(id: $0.element, name: "n" + $0.element, geometry: square(Double($0.offset))) }
    }

    static func table(_ text: String) throws -> PopulationTable {
        try PopulationTable(table: CSVTable.parse(text, file: "pop.csv"), key: "COM", field: "PMUN")
    }

    @Test func directMatchesAndReportsBothSides() throws {
        var areas = Self.areas(["A", "B", "C"])
        let report = try PopulationJoin.apply(try Self.table("COM;PMUN\nA;10\nB;20\nZ;5\n"), to: &areas, history: nil)
        #expect(report.matchedDirectly == 2)
        #expect(report.areasWithoutPopulation == ["C"])
        #expect(report.rowsWithoutArea == ["Z"])
        #expect(report.populationJoined == 30 && report.populationUnjoined == 5)
        #expect(areas.map(\.population) == [10, 20, nil])
    }

    @Test func mergedCommunesAreDissolvedUnderTheNewCode() throws {
        var areas = Self.areas(["A", "B", "C", "D"])  // squares at x = 0, 1, 2, 3
        let history = CommuneHistory(events: [
            .init(kind: 32, date: "2019-01-01", from: "B", to: "A"),
            .init(kind: 32, date: "2019-01-01", from: "C", to: "X"),
            .init(kind: 31, date: "2021-01-01", from: "X", to: "A"),
        ])
        let report = try PopulationJoin.apply(try Self.table("COM;PMUN\nA;100\nD;7\n"), to: &areas, history: history)
        #expect(report.merged.map(\.code) == ["A"] && report.merged[0].sources == ["A", "B", "C"])
        #expect(report.matchedDirectly == 1)
        #expect(areas.map(\.id) == ["A", "D"])
        #expect(areas[0].population == 100 && areas[0].sourceIDs == ["A", "B", "C"])
        #expect(areas[0].geometry.boundingBox == BoundingBox(minX: 0, minY: 0, maxX: 3, maxY: 1), "A, B, C dissolved into one 3×1 polygon")
        #expect(areas[0].geometry.polygons.count == 1)
        #expect(report.unchangedSource == [nil, 3], "A is a new, dissolved polygon; D keeps area 3's")
    }

    @Test func anAreaCarriedToAnotherCodeTakesIt() throws {
        var areas = Self.areas(["OLD"])
        let history = CommuneHistory(events: [.init(kind: 41, date: "2019-01-01", from: "OLD", to: "NEW")])
        let report = try PopulationJoin.apply(try Self.table("COM;PMUN\nNEW;3\n"), to: &areas, history: history)
        #expect(areas.map(\.id) == ["NEW"] && areas[0].sourceIDs == ["OLD"] && areas[0].population == 3)
        #expect(report.unchangedSource == [0], "renamed, same polygon")
        #expect(report.merged.count == 1)
    }

    @Test func restoredCommunesArePooledIntoTheOlderPolygon() throws {
        var areas = Self.areas(["P", "Q"])
        let history = CommuneHistory(events: [.init(kind: 21, date: "2025-01-01", from: "P", to: "R")])
        let report = try PopulationJoin.apply(try Self.table("COM;PMUN\nP;50\nR;8\nQ;1\n"), to: &areas, history: history)
        #expect(report.restored.map(\.code) == ["R"] && report.restored[0].into == "P")
        #expect(areas[0].population == 58)
        #expect(report.rowsWithoutArea.isEmpty && report.populationJoined == 59)
    }

    @Test func arrondissementsArePooledIntoTheWholeCommune() throws {
        var areas = Self.areas(["75056", "13055"])
        let report = try PopulationJoin.apply(try Self.table("COM;PMUN\n75101;16000\n75102;21000\n13055;870000\n13201;40000\n"), to: &areas, history: nil)
        #expect(areas[0].population == 37000)
        #expect(areas[1].population == 870000, "13055 has its own row: arrondissement rows are not added to it")
        #expect(report.arrondissements.map(\.code) == ["75101", "75102"])
        #expect(report.rowsWithoutArea == ["13201"])
    }

    @Test func ageGroupsFollowMergesAndNumbersMayBeFrench() throws {
        var areas = Self.areas(["A", "B"])
        let table = try Self.table("COM;PMUN;age_00_14;age_15_plus\nA;\"1 200,5\";200;1000,5\n;99;1;98\nB;10;4;6\n")
        #expect(table.rowsWithoutKey == 1 && table.ageGroups == ["00_14", "15_plus"])
        _ = try PopulationJoin.apply(table, to: &areas, history: nil)
        #expect(areas[0].population == 1200.5)
        #expect(areas[0].populationByAge == ["00_14": 200, "15_plus": 1000.5])
    }

    @Test func badCountsNameTheLineAndColumn() throws {
        let e = try #require(throws: InputError.self) { try Self.table("COM;PMUN\nA;10\nB;beaucoup\n") }
        #expect(e.description == "pop.csv: line 3, field 'PMUN': 'beaucoup' is not a population count (a number from 0 to 1,000,000,000)")
        #expect(throws: InputError.self) { try Self.table("COM;PMUN\nA;-3\n") }
        #expect(throws: InputError.self) { try Self.table("COM;PMUN\nA;nan\n") }
    }

    @Test func duplicateRowsKeepTheFirstAndAreReported() throws {
        var areas = Self.areas(["A"])
        let report = try PopulationJoin.apply(try Self.table("COM;PMUN\nA;1\nA;2\n"), to: &areas, history: nil)
        #expect(report.duplicateRows == ["A"] && areas[0].population == 1)
    }
}
