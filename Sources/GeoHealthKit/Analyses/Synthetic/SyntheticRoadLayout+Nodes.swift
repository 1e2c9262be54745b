import Foundation
import GeoCore

/// The nodes of the synthetic network: ids and positions, and the first pass that writes them.
extension SyntheticRoadLayout {
    typealias Node = (id: Int64, position: Coordinate)

    var junctionCount: Int { columns * rows }
    /// Half the side of a roundabout, km.
    static let ringKm = 0.03
    /// The roundabout slots 1…4: east, north, west, south (counter-clockwise, as driven in France).
    static let ringDirections: [(Double, Double)] = [(1, 0), (0, 1), (-1, 0), (0, -1)]

    /// 3 % of inner junctions are roundabouts.
    func isRoundabout(_ q: Int) -> Bool {
        let ix = q % columns, iy = q / columns
        return ix > 0 && iy > 0 && ix < columns - 1 && iy < rows - 1 && unit(4, q) < 0.03
    }

    /// Whether lattice edge `dir` (0 east, 1 north) of junction `q` exists: 10 % are missing.
    func hasEdge(_ q: Int, _ dir: Int) -> Bool {
        let ix = q % columns, iy = q / columns
        if dir == 0 ? ix + 1 >= columns : iy + 1 >= rows { return false }
        return unit(3, q, dir) >= 0.10
    }

    func junctionCentre(_ q: Int) -> Coordinate {
        let ix = q % columns, iy = q / columns
        let x = Self.west + (Double(ix) + 0.5 + (unit(1, q) - 0.5) * 0.5) * (Self.east - Self.west) / Double(columns)
        let y = Self.south + (Double(iy) + 0.5 + (unit(2, q) - 0.5) * 0.5) * (Self.north - Self.south) / Double(rows)
        return Coordinate(x: x, y: y)
    }

    /// Junction `q`'s node on the side `slot` (1 east … 4 south): its centre, or a roundabout's node.
    func junctionNode(_ q: Int, slot: Int) -> Node {
        let centre = junctionCentre(q)
        guard isRoundabout(q) else { return (latticeJunctionBase + Int64(q) * 5, centre) }
        let (dx, dy) = Self.ringDirections[slot - 1]
        return (latticeJunctionBase + Int64(q) * 5 + Int64(slot), Self.offset(centre, km: dx * Self.ringKm, dy * Self.ringKm))
    }

    /// The ends of lattice edge (`q`, `dir`): `q`'s east (north) node, the neighbour's west (south) one.
    func latticeEnds(_ q: Int, _ dir: Int) -> (Node, Node) {
        (junctionNode(q, slot: dir == 0 ? 1 : 2), junctionNode(dir == 0 ? q + 1 : q + columns, slot: dir == 0 ? 3 : 4))
    }

    func latticeShapeID(_ q: Int, _ dir: Int, _ k: Int) -> Int64 {
        latticeShapeBase + Int64(q * 2 + dir) * Int64(Self.latticeShape) + Int64(k)
    }

    /// Shape node `k` of `n` between `a` and `b`: along the chord, bent sideways by up to `bend`
    /// of its length on a sine arc, with a little jitter.
    func shapePoint(_ a: Coordinate, _ b: Coordinate, _ k: Int, of n: Int, bend: Double, salt: Int, index: Int) -> Coordinate {
        let t = Double(k + 1) / Double(n + 1)
        let dx = b.x - a.x, dy = b.y - a.y
        let side = (unit(salt, index) - 0.5) * 2 * bend * sin(.pi * t) + (unit(salt + 1, index, k) - 0.5) * 0.02
        return Coordinate(x: a.x + t * dx - side * dy, y: a.y + t * dy + side * dx)
    }

    func streetJunction(_ t: Int, _ i: Int) -> Node {
        let ix = i % side, iy = i / side, half = Double(side - 1) / 2
        let dx = (Double(ix) - half) * Self.streetKm + (unit(21, t, i) - 0.5) * 0.04
        let dy = (Double(iy) - half) * Self.streetKm + (unit(22, t, i) - 0.5) * 0.04
        return (streetJunctionBase + Int64(t * side * side + i), Self.offset(towns[t], km: dx, dy))
    }

    /// The street junction at the middle of town `t`, where its roads meet.
    func townCentre(_ t: Int) -> Node { streetJunction(t, (side / 2) * side + side / 2) }

    /// Whether street `dir` (0 east, 1 north) from junction `i` of town `t` exists: 5 % are missing.
    func hasStreet(_ t: Int, _ i: Int, _ dir: Int) -> Bool {
        if dir == 0 ? i % side + 1 >= side : i / side + 1 >= side { return false }
        return unit(7, t, i * 2 + dir) >= 0.05
    }

    func streetEnds(_ t: Int, _ i: Int, _ dir: Int) -> (Node, Node) {
        (streetJunction(t, i), streetJunction(t, dir == 0 ? i + 1 : i + side))
    }

    func streetShapeID(_ t: Int, _ i: Int, _ dir: Int, _ k: Int) -> Int64 {
        streetShapeBase + Int64((t * side * side + i) * 2 + dir) * Int64(Self.streetShape) + Int64(k)
    }

    func interchange(_ c: Int) -> Node { (interchangeBase + Int64(c), Self.offset(towns[c], km: 2, 1)) }

    /// Carriageway `w` of city road `j`: the centre line, 25 m to its side.
    func cityRoadPoint(_ j: Int, _ w: Int, _ k: Int) -> Coordinate {
        let road = cityRoads[j], a = interchange(road.a).position, b = interchange(road.b).position
        let p = shapePoint(a, b, k, of: road.shape, bend: 0.04, salt: 43, index: j)
        let dx = b.x - a.x, dy = b.y - a.y, length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
        let side = (w == 0 ? 1.0 : -1.0) * 0.025 / Self.kmPerDegree / length
        return Coordinate(x: p.x - side * dy, y: p.y + side * dx)
    }

    /// Pass 1: every node, by increasing id.
    func emitNodes(_ sink: inout SyntheticRoadSink) throws {
        for q in 0..<junctionCount {
            for slot in isRoundabout(q) ? 1...4 : 1...1 { let n = junctionNode(q, slot: slot); try sink.node(n.id, n.position) }
        }
        for q in 0..<junctionCount {
            for dir in 0..<2 where hasEdge(q, dir) {
                let (a, b) = latticeEnds(q, dir)
                for k in 0..<Self.latticeShape {
                    try sink.node(latticeShapeID(q, dir, k), shapePoint(a.position, b.position, k, of: Self.latticeShape, bend: 0.06, salt: 23, index: q * 2 + dir))
                }
            }
        }
        for t in towns.indices { for i in 0..<(side * side) { let n = streetJunction(t, i); try sink.node(n.id, n.position) } }
        for t in towns.indices {
            for i in 0..<(side * side) {
                for dir in 0..<2 where hasStreet(t, i, dir) {
                    let (a, b) = streetEnds(t, i, dir)
                    for k in 0..<Self.streetShape {
                        try sink.node(streetShapeID(t, i, dir, k), shapePoint(a.position, b.position, k, of: Self.streetShape, bend: 0.03, salt: 25, index: (t * side * side + i) * 2 + dir))
                    }
                }
            }
        }
        for c in 0..<cityCount { let n = interchange(c); try sink.node(n.id, n.position) }
        for (j, road) in townRoads.enumerated() {
            let a = townCentre(road.a).position, b = townCentre(road.b).position
            for k in 0..<road.shape { try sink.node(townRoadBase + Int64(road.firstShape + k), shapePoint(a, b, k, of: road.shape, bend: 0.08, salt: 41, index: j)) }
        }
        for (j, road) in cityRoads.enumerated() {
            for w in 0..<road.carriageways {
                for k in 0..<road.shape { try sink.node(cityRoadBase + Int64(road.firstShape + w * road.shape + k), cityRoadPoint(j, w, k)) }
            }
        }
    }
}
