import Foundation
import GeoCore

/// A road between two towns or two cities of the synthetic network, and where its shape
/// nodes' ids start in its block.
struct SyntheticRoadPair {
    var a: Int, b: Int
    var highway: String
    var maxspeed: String?
    /// Shape nodes per carriageway, and carriageways (2 for a motorway: two one-way ways).
    var shape: Int
    var carriageways: Int
    var firstShape: Int

    /// Distance in km, planar at the pair's latitude.
    static func km(_ p: Coordinate, _ q: Coordinate) -> Double {
        let perDegree = SyntheticRoadLayout.kmPerDegree
        let dx: Double = (p.x - q.x) * perDegree * cos((p.y + q.y) / 2 * Double.pi / 180)
        let dy: Double = (p.y - q.y) * perDegree
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The `k` nearest of `candidates` to `points[i]` (ties by index), by brute force.
    static func nearest(_ i: Int, among candidates: Range<Int>, _ points: [Coordinate], k: Int) -> [Int] {
        var best: [(d: Double, j: Int)] = []
        for j in candidates where j != i {
            let d = km(points[i], points[j])
            if best.count < k || d < best[best.count - 1].d {
                best.append((d, j))
                best.sort { ($0.d, $0.j) < ($1.d, $1.j) }
                if best.count > k { best.removeLast() }
            }
        }
        return best.map(\.j)
    }

    /// Roads between towns (each to its 3 nearest: primary when a city is at either end, else
    /// secondary, then secondary, then tertiary; a fifth posted at 80) and between cities (each
    /// to its 3 nearest: two motorways, then a trunk); a pair met twice is one road.
    static func pairs(towns: [Coordinate], cityCount: Int, seed: UInt64) -> (towns: [SyntheticRoadPair], cities: [SyntheticRoadPair]) {
        var seen = Set<SIMD2<Int32>>()
        var townRoads: [SyntheticRoadPair] = [], cityRoads: [SyntheticRoadPair] = []
        var next = 0
        for t in towns.indices {
            for (rank, u) in nearest(t, among: towns.indices, towns, k: 3).enumerated() where seen.insert(SIMD2(Int32(min(t, u)), Int32(max(t, u)))).inserted {
                let highway = rank == 0 ? (t < cityCount || u < cityCount ? "primary" : "secondary") : rank == 1 ? "secondary" : "tertiary"
                let posted = SyntheticRoadLayout.hash(seed, 31, t, u) % 5 == 0 ? "80" : nil
                let shape = max(1, Int(km(towns[t], towns[u]) / SyntheticRoadLayout.townRoadKm))
                townRoads.append(SyntheticRoadPair(a: t, b: u, highway: highway, maxspeed: posted, shape: shape, carriageways: 1, firstShape: next))
                next += shape
            }
        }
        seen.removeAll()
        next = 0
        for c in 0..<cityCount {
            for (rank, d) in nearest(c, among: 0..<cityCount, towns, k: 3).enumerated() where seen.insert(SIMD2(Int32(min(c, d)), Int32(max(c, d)))).inserted {
                let motorway = rank < 2
                let shape = max(1, Int(km(towns[c], towns[d]) / SyntheticRoadLayout.cityRoadKm))
                let pair = SyntheticRoadPair(a: c, b: d, highway: motorway ? "motorway" : "trunk", maxspeed: nil, shape: shape, carriageways: motorway ? 2 : 1, firstShape: next)
                cityRoads.append(pair)
                next += shape * pair.carriageways
            }
        }
        return (townRoads, cityRoads)
    }
}
