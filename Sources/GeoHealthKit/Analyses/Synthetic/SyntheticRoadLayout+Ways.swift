import GeoCore

/// The ways of the synthetic network and the second pass that writes them (``SyntheticRoads``
/// gives the class mix).
extension SyntheticRoadLayout {
    typealias Tags = [(key: String, value: String)]

    /// A lattice edge's class: 35 % tertiary, 57 % unclassified, 5 % track, 3 % footway.
    func latticeTags(_ q: Int, _ dir: Int) -> Tags {
        let u = unit(5, q, dir)
        return [("highway", u < 0.35 ? "tertiary" : u < 0.92 ? "unclassified" : u < 0.97 ? "track" : "footway")]
    }

    /// A town street's class: residential (5 % one-way, 2 % posted at 30), service, living street.
    func streetTags(_ t: Int, _ i: Int, _ dir: Int) -> Tags {
        let u = unit(8, t, i * 2 + dir)
        if u < 0.75 { return [("highway", "residential")] }
        if u < 0.80 { return [("highway", "residential"), ("oneway", "yes")] }
        if u < 0.90 { return [("highway", "service")] }
        if u < 0.93 { return [("highway", "living_street")] }
        if u < 0.95 { return [("highway", "residential"), ("maxspeed", "30")] }
        return [("highway", "residential")]
    }

    /// The lattice junction nearest to `position`, by its grid cell.
    func latticeJunction(near position: Coordinate) -> Int {
        let ix = Int((position.x - Self.west) / (Self.east - Self.west) * Double(columns)), iy = Int((position.y - Self.south) / (Self.north - Self.south) * Double(rows))
        return min(max(iy, 0), rows - 1) * columns + min(max(ix, 0), columns - 1)
    }

    /// Pass 2: every way, by increasing id (lattice, roundabouts, streets, links, town roads, city roads).
    func emitWays(_ sink: inout SyntheticRoadSink) throws {
        for q in 0..<junctionCount {
            for dir in 0..<2 where hasEdge(q, dir) {
                let (a, b) = latticeEnds(q, dir)
                try sink.way([a.id] + (0..<Self.latticeShape).map { latticeShapeID(q, dir, $0) } + [b.id], latticeTags(q, dir))
            }
        }
        for q in 0..<junctionCount where isRoundabout(q) {
            let ring = (1...4).map { junctionNode(q, slot: $0).id }
            try sink.way(ring + [ring[0]], [("highway", "tertiary"), ("junction", "roundabout")])
        }
        for t in towns.indices {
            for i in 0..<(side * side) {
                for dir in 0..<2 where hasStreet(t, i, dir) {
                    let (a, b) = streetEnds(t, i, dir)
                    try sink.way([a.id] + (0..<Self.streetShape).map { streetShapeID(t, i, dir, $0) } + [b.id], streetTags(t, i, dir))
                }
            }
        }
        for t in towns.indices {
            for (corner, slot) in [(0, 3), (side * side - 1, 1)] {
                let street = streetJunction(t, corner)
                try sink.way([street.id, junctionNode(latticeJunction(near: street.position), slot: slot).id], [("highway", "unclassified")])
            }
        }
        for road in townRoads {
            let shape = (0..<road.shape).map { townRoadBase + Int64(road.firstShape + $0) }
            var tags: Tags = [("highway", road.highway)]
            if let posted = road.maxspeed { tags.append(("maxspeed", posted)) }
            try sink.way([townCentre(road.a).id] + shape + [townCentre(road.b).id], tags)
        }
        try emitCityWays(&sink)
    }

    /// Each city's interchange joined to its centre both ways, then the motorways and trunks.
    func emitCityWays(_ sink: inout SyntheticRoadSink) throws {
        for c in 0..<cityCount {
            try sink.way([interchange(c).id, townCentre(c).id], [("highway", "motorway_link")])
            try sink.way([townCentre(c).id, interchange(c).id], [("highway", "motorway_link")])
        }
        for road in cityRoads {
            let a = interchange(road.a).id, b = interchange(road.b).id
            let forward = (0..<road.shape).map { cityRoadBase + Int64(road.firstShape + $0) }
            if road.carriageways == 2 {
                let back = (0..<road.shape).reversed().map { cityRoadBase + Int64(road.firstShape + road.shape + $0) }
                try sink.way([a] + forward + [b], [("highway", "motorway"), ("oneway", "yes")])
                try sink.way([b] + back + [a], [("highway", "motorway"), ("oneway", "yes")])
            } else {
                try sink.way([a] + forward + [b], [("highway", "trunk")])
            }
        }
    }
}
