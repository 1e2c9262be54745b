import Foundation
import GeoCore

extension SyntheticTerritory {
    /// Default speeds written as `maxspeed` on primary roads and motorways only, so that the
    /// road-class speed table is exercised for the others.
    static let classes: [(highway: String, maxspeed: Int?)] = [
        ("primary", 80), ("secondary", nil), ("tertiary", nil), ("unclassified", nil),
    ]

    /// One road between every pair of neighbouring communes, from seat to seat, bent at a
    /// midpoint moved sideways by N(0, 6 %) of its length; the class grows with the smaller
    /// population it links. Plus a motorway (two one-way carriageways, 130 km/h) between the
    /// two largest towns and a one-way residential loop in the prefecture.
    mutating func makeRoads(_ rng: inout SeededGenerator) throws {
        var result: [Road] = []
        var number = 1
        for i in seats.indices {
            for j in adjacency[i] where j > i {
                let small = min(population[i], population[j]), large = max(population[i], population[j])
                let k = small >= 4_000 ? 0 : (large >= 2_000 && small >= 400 ? 1 : (small >= 150 ? 2 : 3))
                let (highway, maxspeed) = Self.classes[k]
                let name = k == 3 ? "VC \(number)" : "D\(number)"
                result.append(Road(coordinates: bent(seats[i], seats[j], &rng), highway: highway, maxspeed: maxspeed, oneway: false, name: name))
                number += 1
            }
        }
        let a = seats[towns[0]], b = seats[towns[1]]
        var motorway = [a]
        for step in 1...3 {
            let t = Double(step) / 4, dx = b.x - a.x, dy = b.y - a.y, len = (dx * dx + dy * dy).squareRoot()
            let offset = 0.04 * len * rng.nextGaussian()
            motorway.append(Coordinate(x: a.x + t * dx - offset * dy / len, y: a.y + t * dy + offset * dx / len))
        }
        motorway.append(b)
        result.append(Road(coordinates: motorway, highway: "motorway", maxspeed: 130, oneway: true, name: "A71"))
        result.append(Road(coordinates: motorway.reversed(), highway: "motorway", maxspeed: 130, oneway: true, name: "A71"))

        let c = Coordinate(x: a.x + 500, y: a.y)
        let loop = [
            Coordinate(x: c.x - 300, y: c.y - 300), Coordinate(x: c.x + 300, y: c.y - 300), Coordinate(x: c.x + 300, y: c.y + 300),
            Coordinate(x: c.x - 300, y: c.y + 300),
        ]
        result.append(Road(coordinates: [a, loop[0]], highway: "residential", maxspeed: nil, oneway: false, name: "Rue de la Gare"))
        for k in 0..<4 {
            result.append(Road(coordinates: [loop[k], loop[(k + 1) % 4]], highway: "residential", maxspeed: nil, oneway: true, name: "Boulevard circulaire"))
        }
        roads = result
    }

    private func bent(_ p: Coordinate, _ q: Coordinate, _ rng: inout SeededGenerator) -> [Coordinate] {
        let dx = q.x - p.x, dy = q.y - p.y, len = (dx * dx + dy * dy).squareRoot()
        let offset = 0.06 * len * rng.nextGaussian()
        let mid = Coordinate(x: p.x + dx / 2 - offset * dy / len, y: p.y + dy / 2 + offset * dx / len)
        return [p, mid, q]
    }
}
