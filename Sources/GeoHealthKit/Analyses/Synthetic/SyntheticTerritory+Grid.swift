import Foundation
import GeoCore
import Projection

extension SyntheticTerritory {
    /// A 1 km population grid in EPSG:3035 in the INSEE (Filosofi) form, `population-grid.csv`:
    /// each commune's residents spread over the 1 km squares whose centre lies in it, with
    /// weights e^(−d / 1.5 km) by distance d to the commune's seat (people live in the village
    /// more than in its fields), apportioned in whole residents (largest remainders); a commune
    /// with no square centre inside puts everyone in the square of its seat. Deterministic,
    /// drawn from no generator: the grid follows from the communes and their populations.
    /// Returns the squares' lower-left corners (metres) and residents, ordered by row then column.
    package func populationGrid(size: Double = 1_000) throws -> [(x: Int, y: Int, count: Int)] {
        let toLAEA = try CoordinateTransformer.shared(from: .lambert93, to: CRS(epsg: 3035))
        var counts: [Int: [Int: Int]] = [:]  // y → x → residents
        for i in seats.indices where population[i] > 0 {
            let shape = try toLAEA.transformed(cells[i])
            let seat = try toLAEA.transform(seats[i])
            let box = shape.boundingBox
            var corners: [(Int, Int)] = [], weights: [Double] = []
            var y = (box.minY / size).rounded(.down) * size
            while y < box.maxY {
                var x = (box.minX / size).rounded(.down) * size
                while x < box.maxX {
                    let centre = Coordinate(x: x + size / 2, y: y + size / 2)
                    if shape.contains(centre) {
                        corners.append((Int(x), Int(y)))
                        weights.append(exp(-centre.distance(to: seat) / 1_500))
                    }
                    x += size
                }
                y += size
            }
            if corners.isEmpty {
                corners = [(Int((seat.x / size).rounded(.down) * size), Int((seat.y / size).rounded(.down) * size))]
                weights = [1]
            }
            for (corner, n) in zip(corners, Self.apportion(population[i], shares: weights)) where n > 0 {
                counts[corner.1, default: [:]][corner.0, default: 0] += n
            }
        }
        return counts.keys.sorted().flatMap { y in counts[y]!.keys.sorted().map { x in (x, y, counts[y]![x]!) } }
    }
}
