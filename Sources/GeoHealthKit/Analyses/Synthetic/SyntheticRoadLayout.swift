import Foundation
import GeoCore

/// Where every node of the synthetic network is and what its id is (``SyntheticRoads``): ids
/// come in blocks, one per kind of node, each a function of the element's indices, so nodes can
/// be written in increasing id order and ways can name them without a table.
///
/// Blocks, in id order: lattice junctions (5 ids each: the centre, or the four nodes of a
/// roundabout east, north, west, south), lattice shape nodes, town street junctions, street
/// shape nodes, city interchanges, shape nodes of roads between towns, of roads between cities.
struct SyntheticRoadLayout {
    static let west = -5.0, east = 9.6, south = 41.3, north = 51.1
    static let kmPerDegree = 111.2
    /// Shape nodes per lattice edge and per town street.
    static let latticeShape = 7, streetShape = 4
    /// Town streets' spacing and the distance between shape nodes of roads between towns and cities, km.
    static let streetKm = 0.12, townRoadKm = 0.4, cityRoadKm = 0.8

    let seed: UInt64
    /// The lattice's columns and rows.
    let columns: Int, rows: Int
    /// Town centres (longitude, latitude); the first `cityCount` are cities.
    let towns: [Coordinate]
    let cityCount: Int
    /// The side of a town's street grid.
    let side: Int
    let townRoads: [SyntheticRoadPair]
    let cityRoads: [SyntheticRoadPair]

    let latticeJunctionBase: Int64 = 1
    let latticeShapeBase: Int64, streetJunctionBase: Int64, streetShapeBase: Int64
    let interchangeBase: Int64, townRoadBase: Int64, cityRoadBase: Int64

    /// The layout of about `nodes` nodes: 40 % in town streets, 55 % in the lattice, the rest in
    /// the roads between towns and cities.
    init(nodes: Int, seed: UInt64) {
        self.seed = seed
        let townCount = max(8, nodes / 8000)
        cityCount = max(5, min(100, townCount / 30))
        side = max(3, Int((0.40 * Double(nodes) / Double(townCount) / (1 + 2 * Double(Self.streetShape) * 0.95)).squareRoot()))
        let junctions = max(16, Int(0.55 * Double(nodes) / (1 + 1.8 * Double(Self.latticeShape))))
        let widthKm = (Self.east - Self.west) * Self.kmPerDegree * cos(46.2 * .pi / 180), heightKm = (Self.north - Self.south) * Self.kmPerDegree
        columns = max(4, Int((Double(junctions) * widthKm / heightKm).squareRoot()))
        rows = max(4, junctions / columns)
        var towns: [Coordinate] = []
        for t in 0..<townCount { towns.append(Self.townPosition(t, cities: cityCount, placed: towns, seed: seed)) }
        self.towns = towns
        (townRoads, cityRoads) = SyntheticRoadPair.pairs(towns: towns, cityCount: cityCount, seed: seed)

        let j = Int64(columns * rows), t = Int64(townCount), r2 = Int64(side * side)
        latticeShapeBase = latticeJunctionBase + j * 5
        streetJunctionBase = latticeShapeBase + j * 2 * Int64(Self.latticeShape)
        streetShapeBase = streetJunctionBase + t * r2
        interchangeBase = streetShapeBase + t * r2 * 2 * Int64(Self.streetShape)
        townRoadBase = interchangeBase + Int64(cityCount)
        cityRoadBase = townRoadBase + Int64(townRoads.last.map { $0.firstShape + $0.shape } ?? 0)
    }

    // MARK: Hashing: every random choice is a function of the seed and of what it is about.

    /// SplitMix64 of the seed and up to three indices.
    static func hash(_ seed: UInt64, _ a: Int, _ b: Int = 0, _ c: Int = 0) -> UInt64 {
        var z = seed &+ UInt64(truncatingIfNeeded: a) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: b) &* 0xC2B2_AE3D_27D4_EB4F
            &+ UInt64(truncatingIfNeeded: c) &* 0x1656_67B1_9E37_79F9
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1) for purpose `salt` and indices `a`, `b`.
    func unit(_ salt: Int, _ a: Int, _ b: Int = 0) -> Double {
        Double(Self.hash(seed, salt, a, b) >> 11) / Double(UInt64(1) << 53)
    }

    /// `position` moved by `dx`, `dy` kilometres.
    static func offset(_ position: Coordinate, km dx: Double, _ dy: Double) -> Coordinate {
        Coordinate(x: position.x + dx / (kmPerDegree * cos(position.y * .pi / 180)), y: position.y + dy / kmPerDegree)
    }

    /// Town `t`: a city uniformly in the extent, or a town near a city (two in three) or anywhere.
    static func townPosition(_ t: Int, cities: Int, placed: [Coordinate], seed: UInt64) -> Coordinate {
        func u(_ salt: Int) -> Double { Double(hash(seed, salt, t) >> 11) / Double(UInt64(1) << 53) }
        let uniform = Coordinate(x: west + 0.3 + u(11) * (east - west - 0.6), y: south + 0.3 + u(12) * (north - south - 0.6))
        guard t >= cities, u(13) < 2.0 / 3 else { return uniform }
        let city = placed[Int(u(14) * Double(cities)) % cities]
        let dx = (u(15) + u(16) + u(17) - 1.5) * 60, dy = (u(18) + u(19) + u(20) - 1.5) * 60
        let near = offset(city, km: dx, dy)
        return Coordinate(x: min(max(near.x, west), east), y: min(max(near.y, south), north))
    }
}
