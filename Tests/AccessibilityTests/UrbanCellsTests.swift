import Accessibility
import GeoCore
import Testing

/// The urban rule of docs/roads.md §3 on a hand-built grid.
@Suite struct UrbanCellsTests {
    /// `count` horizontal segments of `metres` inside the cell whose lower-left corner is (x0, y0).
    func fill(_ cells: inout UrbanCells, x0: Double, y0: Double, count: Int, metres: Double) {
        for k in 0..<count {
            let y = y0 + 10 + Double(k) * (980 / Double(max(count, 1)))
            cells.add(Coordinate(x0 + 10, y), Coordinate(x0 + 10 + metres, y))
        }
    }

    @Test func fifteenKilometresMakeACellUrban() {
        var cells = UrbanCells()
        fill(&cells, x0: 2000, y0: 6_000_000, count: 15, metres: 1000 - 20)   // 14.7 km: rural
        fill(&cells, x0: 3000, y0: 6_000_000, count: 16, metres: 940)         // 15.04 km: urban
        fill(&cells, x0: -1000, y0: -1000, count: 30, metres: 600)           // 18 km, negative cell (-1, -1)
        #expect(!cells.isUrban(Coordinate(2100, 6_000_100), Coordinate(2200, 6_000_100)))
        #expect(cells.isUrban(Coordinate(3100, 6_000_100), Coordinate(3200, 6_000_100)))
        #expect(cells.isUrban(Coordinate(-900, -900), Coordinate(-800, -800)))
        #expect(!cells.isUrban(Coordinate(100, 100), Coordinate(200, 200)), "cell (0, 0) is empty: floor, not truncation")
        #expect(abs(cells.metres(around: Coordinate(3500, 6_000_500), Coordinate(3500, 6_000_500)) - 16 * 940) < 1e-6)
    }

    @Test func aSegmentCountsInTheCellOfItsMidpoint() {
        var cells = UrbanCells()
        // 15 segments of 1.2 km from x = 500 to 1700: midpoint 1100, cell 1, not cell 0.
        for k in 0..<15 { cells.add(Coordinate(500, 10 + Double(k) * 60), Coordinate(1700, 10 + Double(k) * 60)) }
        #expect(cells.isUrban(Coordinate(1000, 500), Coordinate(1400, 500)))
        #expect(!cells.isUrban(Coordinate(100, 500), Coordinate(200, 500)))
        #expect(cells.metres(around: Coordinate(1500, 500), Coordinate(1500, 500)) == 18_000)
    }

    @Test func aLineIsCutWhereItsSettingChanges() {
        var cells = UrbanCells()
        fill(&cells, x0: 1000, y0: 0, count: 20, metres: 900)   // cell (1, 0) urban
        let line = [Coordinate(100, 500), Coordinate(900, 500), Coordinate(1100, 500), Coordinate(1900, 500), Coordinate(2100, 500), Coordinate(2300, 500)]
        let runs = cells.settings(of: line)
        // Segment midpoints: 500 (cell 0), 1000 (cell 1), 1500 (cell 1), 2000 (cell 2), 2200 (cell 2).
        #expect(runs.map(\.vertices) == [0...1, 1...3, 3...5])
        #expect(runs.map(\.urban) == [false, true, false])
        #expect(cells.settings(of: [Coordinate(0, 0)]).isEmpty)
        #expect(cells.settings(of: [Coordinate(0, 0), Coordinate(5, 5)]).map(\.vertices) == [0...1])
    }

    @Test func nonFinitePositionsAreRural() {
        var cells = UrbanCells()
        cells.add(Coordinate(.nan, 0), Coordinate(1, 1))
        cells.add(Coordinate(.infinity, 0), Coordinate(1, 1))
        #expect(!cells.isUrban(Coordinate(.nan, 0), Coordinate(1, 1)))
    }
}
