import ArgumentParser

/// `--weight` of `inequality` and `chart`: the column that weighs each unit, or `none` for equal
/// weights (``InequalityAnalysis/Options/weight``).
struct WeightColumn: ExpressibleByArgument, Sendable, Equatable {
    /// The column; nil for `none`.
    let column: String?

    init(_ column: String?) { self.column = column }

    init?(argument: String) { column = argument == "none" ? nil : argument }

    var defaultValueDescription: String { column ?? "none" }
}
