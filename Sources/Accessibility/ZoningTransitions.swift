/// How communes move between the classes of the zonage from one scenario to another: a 3 × 3
/// matrix (before × after, in the order ZIP, ZAC, outside: ``ZoningStatus/rank``) of communes
/// and of their population.
///
/// - Complexity: O(n) for n communes.
///
/// ```swift
/// let t = ZoningTransitions(before: [.priority, .outside], after: [.complementary, .outside], population: [120, 800])
/// t.communes[0][1]   // 1: one commune left ZIP for ZAC
/// t.populationMoved  // 120
/// ```
public struct ZoningTransitions: Sendable, Equatable {
    /// `communes[b][a]`: communes of class rank b before and rank a after.
    public var communes: [[Int]]
    /// `population[b][a]`: their residents.
    public var population: [[Double]]

    /// The matrix of `before` × `after`, each commune weighing its `population`.
    /// - Precondition: the three arrays have the same length.
    public init(before: [ZoningStatus], after: [ZoningStatus], population weights: [Double]) {
        precondition(before.count == after.count && after.count == weights.count, "one status before, one after and one population per commune")
        var communes = [[Int]](repeating: [0, 0, 0], count: 3)
        var population = [[Double]](repeating: [0, 0, 0], count: 3)
        for i in before.indices {
            communes[before[i].rank][after[i].rank] += 1
            population[before[i].rank][after[i].rank] += weights[i]
        }
        self.communes = communes
        self.population = population
    }

    /// Communes whose class changed (off the diagonal).
    public var communesMoved: Int { Self.offDiagonal(communes).reduce(0, +) }
    /// Residents of the communes whose class changed.
    public var populationMoved: Double { Self.offDiagonal(population).reduce(0, +) }
    /// Residents of communes whose class rose (towards outside: better served).
    public var populationUp: Double { Self.cells(population) { $0 < $1 } }
    /// Residents of communes whose class fell (towards ZIP: less served).
    public var populationDown: Double { Self.cells(population) { $0 > $1 } }

    static func offDiagonal<T>(_ m: [[T]]) -> [T] {
        (0..<3).flatMap { b in (0..<3).filter { $0 != b }.map { m[b][$0] } }
    }

    static func cells(_ m: [[Double]], where keep: (Int, Int) -> Bool) -> Double {
        var total = 0.0
        for b in 0..<3 { for a in 0..<3 where keep(b, a) { total += m[b][a] } }
        return total
    }
}
