import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import Projection
import Testing

/// The grid at scale (issue 24): the lattice weighting against GEOS overlays, today's figures
/// against the figures of the code before it, the streamed catchments against the matrix
/// blocks, input order, the synthetic national grid's rule, and distance by squares against
/// hand-computed minutes.
@Suite struct GridScaleTests {
    static func sampleWithGPs() throws -> Study {
        var study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        study.sites = try SiteTable.read(Fixtures.sample.appendingPathComponent("generalistes.csv"), kind: nil).sites
        return study
    }

    static let sampleGrid = Fixtures.sample.appendingPathComponent("population-grid.csv")

    @Test func latticeSharesEqualGEOSOverlays() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let grid = try GridPopulation.read(Self.sampleGrid)
        let fast = try GridAllocation.compute(grid, communes: study.areas, projected: ProjectedStudy(study))
        let overlay = try GridAllocation.computeByOverlay(grid, projected: ProjectedStudy(study))
        // Same residents by commune; the overlay works in Lambert-93, the lattice in EPSG:3035.
        for (a, b) in zip(fast.population, overlay.population) { #expect(abs(a - b) < 0.1, "\(a) vs \(b)") }
        #expect(abs(fast.outside - overlay.outside) < 0.5)
        #expect(abs(fast.population.reduce(0, +) + fast.outside - grid.total) < 1e-6)
    }

    @Test(arguments: ["e2sfca", "apl", "3sfca", "g2sfca"]) func figuresAreThoseOfTheCodeBefore(method: String) throws {
        var o = AccessAnalysis.Options()
        o.method = try #require(AccessAnalysis.Method(rawValue: method))
        let a = try GridAccess.run(Self.sampleWithGPs(), grid: GridPopulation.read(Self.sampleGrid), options: o).analysis
        let before = try CSVTable.read(contentsOf: Fixtures.url("Tests/fixtures/grid-before/access-\(method).csv"))
        #expect(before.rows.count == a.study.areas.count)
        for (n, row) in before.rows.enumerated() {
            #expect(row[0] == a.study.areas[n].id)
            let demand = try #require(Double(row[3])), access = try #require(Double(row[4]))
            #expect(abs(a.demand[n] - demand) < 0.1, "\(method) \(row[0]) demand \(a.demand[n]) vs \(demand)")
            #expect(abs(a.access[n] - access) <= 1e-4 * max(abs(access), 1e-6), "\(method) \(row[0]) access \(a.access[n]) vs \(access)")
        }
    }

    @Test(arguments: ["e2sfca", "apl", "3sfca"]) func streamedCatchmentsEqualMatrixBlocks(method: String) throws {
        var o = AccessAnalysis.Options()
        o.method = try #require(AccessAnalysis.Method(rawValue: method))
        let study = try Self.sampleWithGPs(), grid = try GridPopulation.read(Self.sampleGrid)
        let streamed = try GridAccess.run(study, grid: grid, options: o)
        // A start-up delay of 0 minutes changes no cost but takes the general path: blocks of a cost matrix.
        o.cost.startupMinutes = 0
        let blocks = try GridAccess.run(study, grid: grid, options: o)
        for (a, b) in zip(streamed.cells.values[1], blocks.cells.values[1]) { #expect(abs(a - b) <= 1e-12 * max(abs(b), 1e-9)) }
        for (a, b) in zip(streamed.analysis.access, blocks.analysis.access) { #expect(abs(a - b) <= 1e-12 * max(abs(b), 1e-9)) }
    }

    @Test func theOrderOfTheSquaresChangesNothing() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let lines = try String(contentsOf: Self.sampleGrid, encoding: .utf8).split(separator: "\n")
            var rng = SeededGenerator(seed: 24)
            let shuffled = dir.appendingPathComponent("shuffled.csv")
            try ([String(lines[0])] + lines.dropFirst().map(String.init).shuffled(using: &rng)).joined(separator: "\n").write(to: shuffled, atomically: true, encoding: .utf8)
            var o = AccessAnalysis.Options()
            o.method = .apl
            let study = try Self.sampleWithGPs()
            let a = try GridAccess.run(study, grid: GridPopulation.read(Self.sampleGrid), options: o).analysis
            let b = try GridAccess.run(study, grid: GridPopulation.read(shuffled), options: o).analysis
            for (x, y) in zip(a.access, b.access) { #expect(abs(x - y) <= 1e-9 * max(abs(x), 1e-9), "seed 24") }
            for (x, y) in zip(a.demand, b.demand) { #expect(abs(x - y) < 1e-6, "seed 24") }
        }
    }

    @Test func theSyntheticGridKeepsEveryCommunesResidents() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
            let url = dir.appendingPathComponent("g.csv"), again = dir.appendingPathComponent("g2.csv")
            let written = try SyntheticGrid.write(study, to: url, inputs: [])
            _ = try SyntheticGrid.write(study, to: again, inputs: [])
            #expect(try Data(contentsOf: url) == Data(contentsOf: again), "deterministic")
            let grid = try GridPopulation.read(url)
            #expect(grid.cellCount == written.squares && grid.cellSize == 200 && grid.crs == CRS(epsg: 3035))
            #expect(grid.total == study.totalPopulation)
            // Squares are those a commune covers for at least half: by area, at least half of
            // each commune's residents come back to it, and most of the total.
            let allocation = try GridAllocation.compute(grid, communes: study.areas, projected: ProjectedStudy(study))
            for (c, area) in study.areas.enumerated() { #expect(allocation.population[c] >= 0.5 * (area.population ?? 0) - 1e-6, "\(area.id)") }
            #expect(allocation.population.reduce(0, +) > 0.97 * grid.total)
        }
    }

    @Test func distanceBySquaresIsHandComputed() throws {
        try Fixtures.withTemporaryDirectory { dir in
            // Two 1 km squares in Lambert-93 and one site at the centre of the first: 0 minutes
            // from it (inside), and 1 km × 1.3 at 60 km/h = 1.3 minutes from the second.
            let toWGS84 = try CoordinateTransformer.shared(from: .lambert93, to: .wgs84)
            func square(_ x: Double) throws -> Geometry {
                try toWGS84.transformed(.polygon(Polygon(exterior: [
                    Coordinate(x: x, y: 6_600_000), Coordinate(x: x + 1_000, y: 6_600_000), Coordinate(x: x + 1_000, y: 6_601_000),
                    Coordinate(x: x, y: 6_601_000), Coordinate(x: x, y: 6_600_000),
                ])))
            }
            let study = Study(areas: [Area(id: "03001", name: "A", geometry: .multiPolygon(try square(700_000).polygons + square(701_000).polygons), population: 50)],
                              sites: [Site(id: "S", kind: .msp, location: try toWGS84.transform(Coordinate(x: 700_500, y: 6_600_500)))])
            let csv = dir.appendingPathComponent("grid.csv")
            try "x,y,pop\n700000,6600000,20\n701000,6600000,30\n".write(to: csv, atomically: true, encoding: .utf8)
            var o = TravelAnalysis.Options()
            o.thresholds = [1]
            let t = try GridTravel.run(study, grid: GridPopulation.read(csv, crs: .lambert93, cellSize: 1_000), options: o)
            let minutes = t.nearest[0].map { $0?.minutes }
            #expect(minutes[0] == 0 && abs(minutes[1]! - 1.3) < 1e-9)
            // 30 of 50 residents beyond 1 minute; the commune's mean (20·0 + 30·1.3)/50.
            let (beyond, population, mean) = t.communeBeyond(0)
            #expect(abs(beyond[0][0] - 30) < 1e-9 && abs(population[0] - 50) < 1e-9 && abs(mean[0]! - 0.78) < 1e-9)
        }
    }

    @Test func coverageBySquaresIsHandComputed() throws {
        try Fixtures.withTemporaryDirectory { dir in
            // Two 1 km squares in Lambert-93 (20 and 30 residents), one commune over both; a
            // polygon territory over the west half of the second square, a site in the first.
            let toWGS84 = try CoordinateTransformer.shared(from: .lambert93, to: .wgs84)
            func rectangle(_ x0: Double, _ x1: Double) throws -> Geometry {
                try toWGS84.transformed(.polygon(Polygon(exterior: [
                    Coordinate(x: x0, y: 6_600_000), Coordinate(x: x1, y: 6_600_000), Coordinate(x: x1, y: 6_601_000),
                    Coordinate(x: x0, y: 6_601_000), Coordinate(x: x0, y: 6_600_000),
                ])))
            }
            var study = Study(areas: [Area(id: "03001", name: "A", geometry: try rectangle(700_000, 702_000), population: 50)],
                              sites: [Site(id: "S", kind: .msp, location: try toWGS84.transform(Coordinate(x: 700_500, y: 6_600_500)))])
            study.territories = [Territory(id: "T", name: "T", definition: .geometry(try rectangle(701_000, 701_500)))]
            let csv = dir.appendingPathComponent("grid.csv")
            try "x,y,pop\n700000,6600000,20\n701000,6600000,30\n".write(to: csv, atomically: true, encoding: .utf8)
            var o = CoverageAnalysis.Options()
            o.catchmentMinutes = 1
            let c = try GridCoverage.run(study, grid: GridPopulation.read(csv, crs: .lambert93, cellSize: 1_000), options: o)
            // Half of the second square in the territory: 15 residents; within 1 minute of the
            // site: the first square only (the second's centre is 1.3 minutes away).
            let inside = try #require(c.inTerritories), reach = try #require(c.inReach)
            #expect(abs(inside[0]) < 1e-12 && abs(inside[1] - 0.5) < 1e-9 && abs(c.territoryResidents[0] - 15) < 1e-9)
            #expect(reach == [true, false])
            let (population, covered) = c.byCommune(reach.map { $0 ? 1 : 0 })
            #expect(abs(population[0] - 50) < 1e-9 && abs(covered[0] - 20) < 1e-9)
        }
    }

    @Test func memberTerritoriesCountTheirCommunesGridResidents() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        var o = CoverageAnalysis.Options()
        o.catchmentMinutes = nil
        let c = try GridCoverage.run(study, grid: GridPopulation.read(Self.sampleGrid), options: o)
        let index = study.areaIndex()
        for (t, territory) in study.territories.enumerated() {
            guard case .areas(let codes) = territory.definition else { continue }
            let expected = Set(codes.compactMap { index[$0] }).reduce(0) { $0 + c.allocation.population[$1] }
            #expect(abs(c.territoryResidents[t] - expected) < 1e-6, "\(territory.id)")
        }
    }

    /// A regional study (the first half of the sample's communes reported, the rest its
    /// buffer) gives each of its communes the figures of the whole study, and counts only the
    /// squares that give residents to them.
    @Test func aRegionalStudyIsTheWholeRestricted() throws {
        var study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let grid = try GridPopulation.read(Self.sampleGrid)
        var o = TravelAnalysis.Options()
        o.kinds = [.msp]
        let whole = try GridTravel.run(study, grid: grid, options: o)
        study.studyArea = study.areas.indices.map { $0 < study.areas.count / 2 }
        let part = try GridTravel.run(study, grid: grid, options: o)
        #expect(part.study.areas.count == study.areas.count / 2)
        #expect(part.grid.cellCount < grid.cellCount && part.grid.cellCount > 0)
        let a = whole.communeBeyond(0), b = part.communeBeyond(0)
        for c in part.study.areas.indices {
            #expect(abs(a.population[c] - b.population[c]) < 1e-9, "\(part.study.areas[c].id)")
            for n in o.thresholds.indices { #expect(abs(a.beyond[n][c] - b.beyond[n][c]) < 1e-9) }
            // Equal but for rounding: a square shared with a buffer commune is divided by its
            // total share there (1 + 1e-16 where the shares' rounding passes 1).
            #expect(abs((a.meanMinutes[c] ?? -1) - (b.meanMinutes[c] ?? -1)) <= 1e-12 * max(1, a.meanMinutes[c] ?? 1))
        }
    }

    /// Two communes side by side in Lambert-93, A = [700, 701] km and B = [701, 702] km (× 1 km),
    /// and one 1 km square of 100 residents straddling them, half in each.
    static func straddlingSquare(_ dir: URL, a: Area? = nil, b: Area? = nil) throws -> (Study, GridPopulation, (Double, Double) throws -> Geometry) {
        let toWGS84 = try CoordinateTransformer.shared(from: .lambert93, to: .wgs84)
        func rectangle(_ x0: Double, _ x1: Double) throws -> Geometry {
            try toWGS84.transformed(.polygon(Polygon(exterior: [
                Coordinate(x: x0, y: 6_600_000), Coordinate(x: x1, y: 6_600_000), Coordinate(x: x1, y: 6_601_000),
                Coordinate(x: x0, y: 6_601_000), Coordinate(x: x0, y: 6_600_000),
            ])))
        }
        let study = Study(areas: [
            try a ?? Area(id: "03001", name: "A", geometry: rectangle(700_000, 701_000), population: 50),
            try b ?? Area(id: "03002", name: "B", geometry: rectangle(701_000, 702_000), population: 50),
        ], sites: [Site(id: "S", kind: .msp, location: try toWGS84.transform(Coordinate(x: 701_000, y: 6_600_500)))])
        let csv = dir.appendingPathComponent("grid.csv")
        try "x,y,pop\n700500,6600000,100\n".write(to: csv, atomically: true, encoding: .utf8)
        return (study, try GridPopulation.read(csv, crs: .lambert93, cellSize: 1_000), rectangle)
    }

    @Test func memberCommunesAreInsideWholeAndOverlapsCountOnce() throws {
        try Fixtures.withTemporaryDirectory { dir in
            var (study, grid, rectangle) = try Self.straddlingSquare(dir)
            study.territories = [Territory(id: "T", definition: .areas(["03001"]))]
            let members = try GridCoverage.run(study, grid: grid, options: CoverageAnalysis.Options())
            #expect(members.communeInTerritories[0] == 1 && members.communeInTerritories[1] == 0, "\(members.communeInTerritories)")
            #expect(abs(members.inTerritories![0] - 0.5) < 1e-9 && abs(members.territoryResidents[0] - 50) < 1e-9)
            // Two polygon territories over the same quarter of the square: a quarter, not a half.
            let quarter = try rectangle(700_500, 700_750)
            study.territories = [Territory(id: "P", definition: .geometry(quarter)), Territory(id: "Q", definition: .geometry(quarter))]
            let polygons = try GridCoverage.run(study, grid: grid, options: CoverageAnalysis.Options())
            #expect(abs(polygons.inTerritories![0] - 0.25) < 1e-6, "\(polygons.inTerritories!)")
            #expect(abs(polygons.territoryResidents[0] - 25) < 1e-6 && abs(polygons.territoryResidents[1] - 25) < 1e-6)
        }
    }

    @Test func aplDemandOfASquareCountsCommunesWithoutAgesAsTheyAre() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (base, _, rectangle) = try Self.straddlingSquare(dir)
            // A: 50 residents all aged 00_04; B: 50 without age groups (D = P).
            var a = base.areas[0]
            a.populationByAge = ["00_04": 50]
            let (study, grid, _) = try Self.straddlingSquare(dir, a: a, b: Area(id: "03002", name: "B", geometry: try rectangle(701_000, 702_000), population: 50))
            var o = AccessAnalysis.Options()
            o.method = .apl
            let run = try GridAccess.run(study, grid: grid, options: o)
            // D_A from the communes' own APL demand (50 residents of 00_04 × their weight).
            let communes = try AccessAnalysis.run(study, options: o)
            let ratio = communes.demand[0] / 50
            #expect(abs(ratio - 1) > 0.01, "the 00_04 weight is not 1")
            // Dₖ = 100 · (½ · D_A/P_A + ½ · 1).
            #expect(abs(run.cells.values[0][0] - 100 * (0.5 * ratio + 0.5)) < 1e-9, "\(run.cells.values[0][0])")
        }
    }

    @Test func squaresBelowAMetreAreRefused() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("g.csv")
            for id in ["CRS3035RES1E-300mN5E5", "CRS3035RES0.5mN5E5", "CRS3035RES200mN5E99999999999"] {
                try "idcar_200m,ind\n\(id),3\n".write(to: url, atomically: true, encoding: .utf8)
                #expect(throws: InputError.self, "\(id)") { try GridPopulation.read(url) }
            }
        }
    }
}
