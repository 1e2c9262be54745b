import GeoCore

/// The GeoJSON geometry types (RFC 7946 §1.4).
enum GeometryType: String {
    case point = "Point", multiPoint = "MultiPoint", lineString = "LineString"
    case multiLineString = "MultiLineString", polygon = "Polygon", multiPolygon = "MultiPolygon"
    case geometryCollection = "GeometryCollection"
}

extension JSONScanner {
    /// `[x, y, …]`: values after the second (elevation, measure) are read and not kept.
    @inline(__always) mutating func parsePosition(_ extra: inout Bool) throws -> Coordinate {
        try beginArray("a position [longitude, latitude]")
        let x = try parseNumber("a coordinate")
        try expect(UInt8(ascii: ","), "between the coordinates of a position (a position needs two numbers)")
        let y = try parseNumber("a coordinate")
        skipWhitespace()
        while current == UInt8(ascii: ",") {
            pos += 1
            _ = try parseNumber("a coordinate")
            extra = true
            skipWhitespace()
        }
        guard current == UInt8(ascii: "]") else { throw error("expected ',' or ']' in position, found \(found)") }
        pos += 1
        depth -= 1
        return Coordinate(x, y)
    }

    mutating func parsePositions(_ extra: inout Bool) throws -> [Coordinate] {
        try beginArray("an array of positions")
        var scratch = positions  // the scanner's reused buffer (taken, so it is not shared)
        positions = []
        scratch.removeAll(keepingCapacity: true)
        defer { positions = scratch }
        var first = true
        while try nextElement(&first) { scratch.append(try parsePosition(&extra)) }
        return scratch.withUnsafeBufferPointer { source in  // a copy of exactly this size
            [Coordinate](unsafeUninitializedCapacity: source.count) { target, initialized in
                initialized = target.initialize(fromContentsOf: source)
            }
        }
    }

    mutating func parseRings(_ extra: inout Bool) throws -> [[Coordinate]] {
        try beginArray("an array of linear rings or lines")
        var out: [[Coordinate]] = []
        var first = true
        while try nextElement(&first) { out.append(try parsePositions(&extra)) }
        return out
    }

    /// Reads the `coordinates` value of a geometry of known type (cursor on the value).
    mutating func parseCoordinates(of type: GeometryType, notes: inout GeometryNotes) throws -> Geometry {
        switch type {
        case .point:
            return .point(try parsePosition(&notes.extraDimensions))
        case .multiPoint:
            return .multiPoint(try parsePositions(&notes.extraDimensions))
        case .lineString:
            return .lineString(try parsePositions(&notes.extraDimensions))
        case .multiLineString:
            return .multiLineString(try parseRings(&notes.extraDimensions))
        case .polygon:
            let start = pos
            return .polygon(try polygon(parseRings(&notes.extraDimensions), index: nil, notes: &notes, at: start))
        case .multiPolygon:
            try beginArray("an array of polygons")
            var polygons: [Polygon] = []
            var first = true
            while try nextElement(&first) {
                let start = pos
                polygons.append(try polygon(parseRings(&notes.extraDimensions), index: polygons.count, notes: &notes, at: start))
            }
            return .multiPolygon(polygons)
        case .geometryCollection:
            throw error("a GeometryCollection has 'geometries', not 'coordinates'")
        }
    }

    /// Checks the rings of one polygon: closes unclosed rings (noted), rejects rings of fewer than 4 positions.
    private func polygon(_ rings: [[Coordinate]], index: Int?, notes: inout GeometryNotes, at start: Int) throws -> Polygon {
        var rings = rings
        for i in rings.indices {
            let label = "ring \(i)" + (index.map { " of polygon \($0)" } ?? "")
            if !rings[i].isEmpty, !Ring.isClosed(rings[i]) {
                rings[i].append(rings[i][0])
                notes.closedRings.append(label)
            }
            if !rings[i].isEmpty, rings[i].count < 4 {
                throw error("\(label) has \(rings[i].count) positions; a linear ring needs at least 4 (RFC 7946 §3.1.6)", at: start)
            }
        }
        return Polygon(rings: rings)
    }

    /// Reads a geometry object or `null` (cursor on it). `coordinates` may come before `type`:
    /// it is then skipped and read again once the type is known.
    mutating func parseGeometry(notes: inout GeometryNotes) throws -> Geometry? {
        if skipNull() { return nil }
        let objectStart = pos
        try beginObject("a geometry")
        var type: GeometryType?
        var geometry: Geometry?
        var deferred: (key: String, offset: Int)?
        var first = true
        while let key = try nextKey(&first) {
            if equals(key, "type") {
                let name = try parseString("the geometry type")
                guard let t = GeometryType(rawValue: name) else {
                    throw error("unknown geometry type '\(name)'", at: key.start - 1)
                }
                type = t
            } else if equals(key, "coordinates") || equals(key, "geometries") {
                let isCollection = equals(key, "geometries")
                if let type {
                    geometry = try parseMember(isCollection: isCollection, type: type, notes: &notes)
                } else {
                    deferred = (isCollection ? "geometries" : "coordinates", pos)
                    try skipValue()
                }
            } else {
                try skipValue()
            }
        }
        guard let type else { throw error("geometry has no \"type\" member", at: objectStart) }
        if geometry == nil, let deferred {
            let resume = pos, resumeDepth = depth
            pos = deferred.offset
            geometry = try parseMember(isCollection: deferred.key == "geometries", type: type, notes: &notes)
            pos = resume
            depth = resumeDepth
        }
        guard let geometry else {
            let member = type == .geometryCollection ? "geometries" : "coordinates"
            throw error("\(type.rawValue) geometry has no \"\(member)\" member", at: objectStart)
        }
        return geometry
    }

    private mutating func parseMember(isCollection: Bool, type: GeometryType, notes: inout GeometryNotes) throws -> Geometry {
        if isCollection {
            guard type == .geometryCollection else { throw error("a \(type.rawValue) has 'coordinates', not 'geometries'") }
            try beginArray("an array of geometries")
            var parts: [Geometry] = []
            var first = true
            while try nextElement(&first) {
                guard let g = try parseGeometry(notes: &notes) else { throw error("null inside 'geometries'") }
                parts.append(g)
            }
            return .geometryCollection(parts)
        }
        skipWhitespace()
        return try parseCoordinates(of: type, notes: &notes)
    }
}

/// What the reader repaired or dropped in one geometry, turned into warnings by the reader.
struct GeometryNotes {
    var closedRings: [String] = []
    var extraDimensions = false
}
