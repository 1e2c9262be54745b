import Foundation
import GeoCore

extension SyntheticTerritory {
    /// Hospitals with emergency departments in the three largest towns, a SAS regulation site
    /// at the prefecture, MSP and centres de santé in communes drawn with probability ∝ pop^0.7
    /// (one per commune at most), each placed near its commune's seat.
    mutating func makeSites(_ rng: inout SeededGenerator) {
        var records: [SiteRecord] = []
        let hospitalBeds = [620.0, 240, 150]
        for (k, town) in towns.prefix(3).enumerated() {
            let location = near(town, &rng)
            records.append(
                SiteRecord(
                    id: "H\(k + 1)", name: "Centre hospitalier de \(names[town])", kind: .hospital, location: location, capacity: hospitalBeds[k], commune: town
                ))
            records.append(SiteRecord(id: "U\(k + 1)", name: "Urgences de \(names[town])", kind: .emergency, location: location, capacity: 1, commune: town))
        }
        records.append(SiteRecord(id: "S1", name: "SAS \(options.name)", kind: .sas, location: near(towns[0], &rng), capacity: 1, commune: towns[0]))
        var used = Set<Int>()
        for (count, kind, prefix, label) in [
            (options.msp, SiteKind.msp, "M", "Maison de santé"), (options.healthCentres, .healthCentre, "C", "Centre de santé"),
        ] {
            for k in 0..<count {
                let commune = drawCommune(&rng, excluding: used)
                used.insert(commune)
                let doctors = Double(2 + Int(rng.nextUnit() * (population[commune] > 3_000 ? 10 : 5)))
                records.append(
                    SiteRecord(
                        id: "\(prefix)\(k + 1)", name: "\(label) de \(names[commune])", kind: kind, location: near(commune, &rng), capacity: doctors,
                        commune: commune))
            }
        }
        sites = records
    }

    private func drawCommune(_ rng: inout SeededGenerator, excluding used: Set<Int>) -> Int {
        let weights = population.indices.map { used.contains($0) ? 0 : pow(Double(population[$0]), 0.7) }
        var target = rng.nextUnit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            target -= w
            if target <= 0, w > 0 { return i }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// A point within 400 m of the commune's seat and inside the commune (a site is in the
    /// village, not exactly at its centre); the seat itself after ten misses.
    private func near(_ commune: Int, _ rng: inout SeededGenerator) -> Coordinate {
        let seat = seats[commune]
        for _ in 0..<10 {
            let angle = rng.nextUnit() * 2 * .pi, r = 400 * rng.nextUnit()
            let p = Coordinate(x: (seat.x + r * cos(angle)).rounded(), y: (seat.y + r * sin(angle)).rounded())
            if cells[commune].contains(p) { return p }
        }
        return seat
    }
}
