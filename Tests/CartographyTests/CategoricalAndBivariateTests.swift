import Cartography
import Testing

@Suite struct CategoricalAndBivariateTests {
    /// Terciles as mapclassify `Quantiles(k=3)` gives them, computed by hand: numpy percentiles
    /// at 33⅓ and 66⅔ % with linear interpolation (position p·(n − 1) in the sorted values).
    @Test func tercileBreaksAreTheHandComputedOnes() throws {
        // n = 10: positions 3 and 6 → 4 and 7; the maximum 10.
        let tenths = try BivariateClasses(x: (1...10).map { Double($0) }, y: [5, 1, 3, nil, 4, 2])
        #expect(tenths.xBreaks == [4, 7, 10])
        // y = 1…5 (nil ignored): positions 4/3 and 8/3 → 2 + 1/3 and 3 + 2/3; the maximum 5.
        #expect(tenths.yBreaks.count == 3)
        #expect(abs(tenths.yBreaks[0] - 7.0 / 3) < 1e-12 && abs(tenths.yBreaks[1] - 11.0 / 3) < 1e-12 && tenths.yBreaks[2] == 5)
        // Class 3·row + column: x 4 is in the first tercile (≤ 4), y 4 in the third (> 11/3).
        #expect(tenths.index(x: 4, y: 4) == 6)
        #expect(tenths.index(x: 4.5, y: 1) == 1)
        #expect(tenths.index(x: 10, y: 5) == 8)
        #expect(tenths.index(x: nil, y: 5) == nil && tenths.index(x: 1, y: nil) == nil)
        #expect(throws: CartographyError.self) { try BivariateClasses(x: [nil, nil], y: [1, 2]) }
    }

    /// Every pair with both values lands in exactly one of the 9 classes, each class's count
    /// is that of the pairs in its terciles, and the counts and the missing add up to n.
    @Test(arguments: [1, 2, 3, 4, 5]) func everyPairInExactlyOneClass(seed: UInt64) throws {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 33) / Double(1 << 31)
        }
        let n = 200
        let xs: [Double?] = (0..<n).map { _ in next() < 0.1 ? nil : (next() * 10).rounded() }
        let ys: [Double?] = (0..<n).map { _ in next() < 0.1 ? nil : next() * 100 }
        let classes = try BivariateClasses(x: xs, y: ys)
        var counts = Array(repeating: 0, count: 9), missing = 0
        for (x, y) in zip(xs, ys) {
            guard let k = classes.index(x: x, y: y) else {
                #expect(x == nil || y == nil)
                missing += 1
                continue
            }
            let inColumn = (0..<3).filter { c in c < classes.xBreaks.count && x! <= classes.xBreaks[c] && (c == 0 || x! > classes.xBreaks[c - 1]) }
            let inRow = (0..<3).filter { r in r < classes.yBreaks.count && y! <= classes.yBreaks[r] && (r == 0 || y! > classes.yBreaks[r - 1]) }
            #expect(inColumn.count == 1 && inRow.count == 1 && k == 3 * inRow[0] + inColumn[0])
            counts[k] += 1
        }
        #expect(counts.reduce(0, +) + missing == n)
    }

    /// LISA clusters take GeoDa's colours in their conventional order; other categories follow
    /// sorted, in ColorBrewer Set2 then Paired; too many categories is an error.
    @Test func categoriesHaveFixedOrderAndColours() throws {
        let lisa = try CategoricalColors.classes(of: ["not significant", "low-low", "high-high", "high-low", "low-high"])
        #expect(lisa.names == ["high-high", "low-low", "low-high", "high-low", "not significant"])
        #expect(lisa.colors == ["#d7191c", "#2c7bb6", "#abd9e9", "#fdae61", "#eeeeee"])
        let mixed = try CategoricalColors.classes(of: ["zeta", "high-high", "alpha", "Beta"])
        #expect(mixed.names == ["high-high", "Beta", "alpha", "zeta"])
        #expect(mixed.colors == ["#d7191c", "#66c2a5", "#fc8d62", "#8da0cb"])
        let many = Set((0..<21).map { "c\($0)" })
        #expect(throws: CartographyError.self) { try CategoricalColors.classes(of: many) }
        #expect(try CategoricalColors.classes(of: Set((0..<20).map { "c\($0)" })).colors.last == "#b15928")
        #expect(BivariateClasses.stevens == ["#e8e8e8", "#ace4e4", "#5ac8c8", "#dfb0d6", "#a5add3", "#5698b9", "#be64ac", "#8c62aa", "#3b4994"])
    }
}
