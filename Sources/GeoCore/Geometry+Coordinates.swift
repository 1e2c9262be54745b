extension Geometry {
    /// Calls `body` with every coordinate, in storage order.
    func forEachCoordinate(_ body: (Coordinate) throws -> Void) rethrows {
        switch self {
        case .point(let c): try body(c)
        case .multiPoint(let cs), .lineString(let cs): try cs.forEach(body)
        case .multiLineString(let lines): for l in lines { try l.forEach(body) }
        case .polygon(let p): for r in p.rings { try r.forEach(body) }
        case .multiPolygon(let ps): for p in ps { for r in p.rings { try r.forEach(body) } }
        case .geometryCollection(let gs): for g in gs { try g.forEachCoordinate(body) }
        }
    }

    /// Calls `body` with every coordinate array (a ring, a line, the points of a multipoint; a
    /// point as an array of one), in storage order: the arrays ``mutateCoordinateArrays(_:)`` visits.
    func forEachCoordinateArray(_ body: ([Coordinate]) throws -> Void) rethrows {
        switch self {
        case .point(let c): try body([c])
        case .multiPoint(let cs), .lineString(let cs): try body(cs)
        case .multiLineString(let lines): for l in lines { try body(l) }
        case .polygon(let p): for r in p.rings { try body(r) }
        case .multiPolygon(let ps): for p in ps { for r in p.rings { try body(r) } }
        case .geometryCollection(let gs): for g in gs { try g.forEachCoordinateArray(body) }
        }
    }

    /// Rewrites every coordinate array in place; the batch hook used by projections.
    ///
    /// `body` receives whole arrays (a ring, a line, the points of a multipoint), so a
    /// transformer can process each with one library call.
    public mutating func mutateCoordinateArrays(_ body: (inout [Coordinate]) throws -> Void) rethrows {
        switch self {
        case .point(let c):
            var a = [c]
            try body(&a)
            self = .point(a[0])
        case .multiPoint(var cs):
            try body(&cs)
            self = .multiPoint(cs)
        case .lineString(var cs):
            try body(&cs)
            self = .lineString(cs)
        case .multiLineString(var lines):
            for i in lines.indices { try body(&lines[i]) }
            self = .multiLineString(lines)
        case .polygon(var p):
            for i in p.rings.indices { try body(&p.rings[i]) }
            self = .polygon(p)
        case .multiPolygon(var ps):
            for i in ps.indices { for j in ps[i].rings.indices { try body(&ps[i].rings[j]) } }
            self = .multiPolygon(ps)
        case .geometryCollection(var gs):
            for i in gs.indices { try gs[i].mutateCoordinateArrays(body) }
            self = .geometryCollection(gs)
        }
    }

    /// The number of stored positions.
    public var coordinateCount: Int {
        switch self {
        case .point: 1
        case .multiPoint(let cs), .lineString(let cs): cs.count
        case .multiLineString(let ls): ls.reduce(0) { $0 + $1.count }
        case .polygon(let p): p.rings.reduce(0) { $0 + $1.count }
        case .multiPolygon(let ps): ps.reduce(0) { acc, p in p.rings.reduce(acc) { $0 + $1.count } }
        case .geometryCollection(let gs): gs.reduce(0) { $0 + $1.coordinateCount }
        }
    }

    /// The smallest box holding every position (NaN coordinates are passed over, as
    /// ``BoundingBox/extend(_:)-(Coordinate)`` does). Array by array, over buffers: a tight
    /// loop the compiler vectorises, not a closure call per position.
    public var boundingBox: BoundingBox {
        var box = BoundingBox.empty
        if case .point(let c) = self {
            box.extend(c)
            return box
        }
        forEachCoordinateArray { array in
            array.withUnsafeBufferPointer { cs in
                var x0 = box.minX, y0 = box.minY, x1 = box.maxX, y1 = box.maxY
                for c in cs {
                    if c.x < x0 { x0 = c.x }
                    if c.x > x1 { x1 = c.x }
                    if c.y < y0 { y0 = c.y }
                    if c.y > y1 { y1 = c.y }
                }
                box = BoundingBox(minX: x0, minY: y0, maxX: x1, maxY: y1)
            }
        }
        return box
    }

    /// True when there is no position at all (e.g. `"coordinates": []`).
    public var isEmpty: Bool { coordinateCount == 0 }
}
