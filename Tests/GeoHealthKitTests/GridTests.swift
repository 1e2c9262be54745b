import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import Projection
import Testing

/// Population grids: reading the INSEE and x/y forms, splitting cells between communes by area
/// (hand-computed), and access with grid demand (closed form, and on the sample).
@Suite struct GridTests {
    @Test func inseeCellIDs() {
        let id = InseeCellID("CRS3035RES200mN2029800E4252200")
        #expect(id == InseeCellID("crs3035res200mn2029800e4252200"))
        #expect(id?.crs == CRS(epsg: 3035) && id?.size == 200 && id?.northing == 2_029_800 && id?.easting == 4_252_200)
        #expect(InseeCellID("CRS3035RES1000mN2585000E3741000")?.size == 1_000)
        for bad in ["", "3035RES200mN1E2", "CRS3035RES0mN1E2", "CRS3035RES200mN1", "CRSxRES200mN1E2"] { #expect(InseeCellID(bad) == nil, "\(bad)") }
    }

    /// Two communes side by side in Lambert-93, A = [700, 702] km × [6,600, 6,601] km and
    /// B = [702, 704] km × the same; three 1 km squares: one inside A (100 residents), one
    /// straddling A and B half and half (40), one half in B and half outside (10).
    static func communesAndGrid(_ dir: URL) throws -> (Study, GridPopulation) {
        let toWGS84 = try CoordinateTransformer(from: .lambert93, to: .wgs84)
        func rectangle(_ x0: Double, _ x1: Double) throws -> Geometry {
            try toWGS84.transformed(.polygon(Polygon(exterior: [Coordinate(x: x0, y: 6_600_000), Coordinate(x: x1, y: 6_600_000), Coordinate(x: x1, y: 6_601_000), Coordinate(x: x0, y: 6_601_000), Coordinate(x: x0, y: 6_600_000)])))
        }
        let study = Study(areas: [
            Area(id: "03001", name: "A", geometry: try rectangle(700_000, 702_000), population: 130),
            Area(id: "03002", name: "B", geometry: try rectangle(702_000, 704_000), population: 20),
        ], sites: [Site(id: "S", kind: .msp, location: try toWGS84.transform(Coordinate(x: 702_000, y: 6_600_500)), capacity: 10)])
        let csv = dir.appendingPathComponent("grid.csv")
        try "x,y,pop\n700000,6600000,100\n701500,6600000,40\n703500,6600000,10\n705000,6600000,0\n".write(to: csv, atomically: true, encoding: .utf8)
        return (study, try GridPopulation.read(csv, crs: .lambert93, cellSize: 1_000))
    }

    @Test func cellsAreSplitBetweenCommunesByArea() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (study, grid) = try Self.communesAndGrid(dir)
            #expect(grid.cellCount == 3 && grid.total == 150, "the empty square is skipped")
            let allocation = try GridAllocation.compute(grid, communes: study.areas, projected: ProjectedStudy(study))
            // A: 100 + 40/2; B: 40/2 + 10/2; outside: 10/2.
            let population = allocation.population
            #expect(abs(population[0] - 120) < 1e-6 && abs(population[1] - 25) < 1e-6)
            #expect(abs(allocation.outside - 5) < 1e-6)
            // Values 1, 2, 3 on the cells: A = (100·1 + 20·2)/120, B = (20·2 + 5·3)/25.
            let values = allocation.aggregate([1, 2, 3])
            #expect(abs(values[0]! - 140.0 / 120) < 1e-9 && abs(values[1]! - 2.2) < 1e-9)
        }
    }

    @Test func uniformReachGivesEveryCommuneSupplyOverGridDemand() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (study, grid) = try Self.communesAndGrid(dir)
            var o = AccessAnalysis.Options()
            o.method = .twoStep
            o.catchmentMinutes = 60
            let a = try GridAccess.run(study, grid: grid, options: o).analysis
            // One site within reach of every cell: Aₖ = S / Σ Dₖ = 10 / 150 for every cell and so every commune.
            #expect(a.access.allSatisfy { abs($0 - 10.0 / 150) < 1e-12 })
            #expect(a.demand.count == 2 && abs(a.demand[0] - 120) < 1e-6)
            #expect(a.summary["grid_cells"] == .number(3))
        }
    }

    @Test func theSampleGridHoldsTheSamplePopulation() throws {
        let loaded = try StudyLoader.load(StudySources.discover(in: Fixtures.sample))
        let grid = try GridPopulation.read(Fixtures.sample.appendingPathComponent("population-grid.csv"))
        #expect(grid.crs == CRS(epsg: 3035) && grid.cellSize == 1_000)
        #expect(grid.total == loaded.study.totalPopulation)
        let allocation = try GridAllocation.compute(grid, communes: loaded.study.areas, projected: ProjectedStudy(loaded.study))
        // Every resident is in a commune or counted outside (the squares at the département's edge).
        #expect(abs(allocation.population.reduce(0, +) + allocation.outside - grid.total) < 1e-6)
        #expect(allocation.outside < 0.01 * grid.total)
        var o = AccessAnalysis.Options()
        o.method = .apl
        var gps = loaded.study
        gps.sites = try SiteTable.read(Fixtures.sample.appendingPathComponent("generalistes.csv"), kind: nil).sites
        let a = try GridAccess.run(gps, grid: grid, options: o).analysis
        #expect(a.summary["demand"]?.stringValue?.contains("standardised by age") == true)
        // The grid and the communes' points describe the same residents: the two APLs differ
        // commune by commune, but their means over the residents must agree closely.
        let points = try AccessAnalysis.run(gps, options: o)
        func mean(_ s: Summary) -> Double? {
            guard case .object(let p)? = s["access"] else { return nil }
            return p["mean"]?.doubleValue
        }
        let g = try #require(mean(a.summary)), c = try #require(mean(points.summary))
        #expect(abs(g - c) / c < 0.02, "grid \(g) vs communes \(c)")
        #expect(a.access.allSatisfy { $0.isFinite }, "every commune of the sample has grid residents")
    }

    @Test func badGridsAreRefusedWithTheLine() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("g.csv")
            try "Idcar_1km,Ind\nCRS3035RES1000mN2585000E3741000,-3\n".write(to: url, atomically: true, encoding: .utf8)
            var e = try #require(throws: InputError.self) { try GridPopulation.read(url) }
            #expect(e.description.contains("line 2") && e.description.contains("'-3'"))
            try "Idcar_1km,Ind\nsquare-12,3\n".write(to: url, atomically: true, encoding: .utf8)
            e = try #require(throws: InputError.self) { try GridPopulation.read(url) }
            #expect(e.description.contains("not an INSEE cell id"))
            try "code,value\nA,3\n".write(to: url, atomically: true, encoding: .utf8)
            e = try #require(throws: InputError.self) { try GridPopulation.read(url) }
            #expect(e.description.contains("no count column"))
        }
    }
}
