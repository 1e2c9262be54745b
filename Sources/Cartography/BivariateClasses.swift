/// The classes of a bivariate choropleth: each polygon in one of 3 × 3 classes by the terciles
/// of two variables (x across, y up), coloured by Joshua Stevens' 3 × 3 pink–blue scheme
/// ("Bivariate Choropleth Maps: A How-to Guide", joshuastevens.net, 2015).
///
/// Terciles: ``Classification/quantiles(_:)`` with 3 classes over the present values of each
/// variable (mapclassify `Quantiles(k=3)`: the 33⅓ and 66⅔ percentiles, linear
/// interpolation, and the maximum); a value is in the first tercile whose upper bound is ≥ it.
/// Ties that merge breaks leave fewer columns (or rows) in use. Class `3·row + column` (0-based,
/// row 0 the lowest y, column 0 the lowest x); a polygon missing either value has no class.
package struct BivariateClasses: Sendable, Equatable {
    /// Stevens' colours by class, row by row from the lowest y: low x…high x.
    package static let stevens = [
        "#e8e8e8", "#ace4e4", "#5ac8c8",
        "#dfb0d6", "#a5add3", "#5698b9",
        "#be64ac", "#8c62aa", "#3b4994",
    ]

    /// The upper bounds of the terciles of x and of y.
    package var xBreaks: [Double], yBreaks: [Double]

    /// The terciles of the present (finite) values of `x` and `y`; an error when either has none.
    package init(x: [Double?], y: [Double?]) throws {
        xBreaks = try Self.terciles(x)
        yBreaks = try Self.terciles(y)
    }

    /// The class (0..<9) of a pair of values; nil when either is missing.
    package func index(x: Double?, y: Double?) -> Int? {
        guard let column = Classification.index(of: x, breaks: xBreaks), let row = Classification.index(of: y, breaks: yBreaks) else { return nil }
        return 3 * row + column
    }

    /// The upper bounds of the terciles of the finite values (fewer classes for fewer than 3 values).
    static func terciles(_ values: [Double?]) throws -> [Double] {
        let v = values.compactMap { $0 }.filter(\.isFinite)
        return try Classification.quantiles(max(1, min(3, v.count))).breaks(v)
    }
}
