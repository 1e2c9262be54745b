import GeoCore

extension RoadNetwork {
    /// Node indices of every road's vertices, nodes being OSM ids: all ids sorted and
    /// de-duplicated (the node of id `i` is its rank), each node placed at its first occurrence.
    mutating func identifyByOSMID(_ roads: [Road]) -> [[Int32]] {
        var ids: [Int64] = []
        ids.reserveCapacity(roads.reduce(0) { $0 + $1.coordinates.count })
        for road in roads { ids.append(contentsOf: road.nodeIDs!) }
        ids.sort()
        var unique = 0
        for k in ids.indices where k == 0 || ids[k] != ids[unique - 1] {
            ids[unique] = ids[k]
            unique += 1
        }
        ids.removeSubrange(unique...)
        var placed = [Bool](repeating: false, count: ids.count)
        nodes = [Coordinate](repeating: Coordinate(x: 0, y: 0), count: ids.count)
        let sorted = ids
        let result = roads.map { road in
            road.nodeIDs!.enumerated().map { k, id -> Int32 in
                let node = Self.lowerBound(sorted, id)
                if !placed[node] {
                    placed[node] = true
                    nodes[node] = road.coordinates[k]
                }
                return Int32(node)
            }
        }
        nodeIDs = sorted
        return result
    }

    /// Node indices of every road's vertices, nodes being positions rounded to the centimetre.
    mutating func identifyByPosition(_ roads: [Road]) -> [[Int32]] {
        var index: [SIMD2<Int64>: Int32] = [:]
        return roads.map { road in
            road.coordinates.map { c in
                let key = SIMD2(Int64((c.x * 100).rounded()), Int64((c.y * 100).rounded()))
                if let found = index[key] { return found }
                let id = Int32(nodes.count)
                nodes.append(c)
                index[key] = id
                return id
            }
        }
    }

    /// Appends the segments between consecutive distinct nodes of `road`.
    mutating func addSegments(of road: Road, nodes ids: [Int32]) {
        let drivable = road.kmh > 0 && road.kmh.isFinite
        for k in 1..<max(ids.count, 1) where ids[k] != ids[k - 1] {
            let metres = road.coordinates[k].distance(to: road.coordinates[k - 1])
            let minutes = drivable ? metres / 1000 / road.kmh * 60 : .infinity
            segmentFrom.append(ids[k - 1])
            segmentTo.append(ids[k])
            segmentMetres.append(metres)
            segmentForwardMinutes.append(road.direction != .backward ? minutes : .infinity)
            segmentBackwardMinutes.append(road.direction != .forward ? minutes : .infinity)
            segmentSnappable.append(road.snappable)
        }
    }

    /// The forward adjacency (CSR) of the drivable directions of the segments: counted, summed,
    /// filled; edges of a node in segment order, forward direction before backward.
    mutating func buildEdges() {
        let n = nodes.count
        var start = [Int32](repeating: 0, count: n + 1)
        for s in segmentFrom.indices {
            if segmentForwardMinutes[s].isFinite { start[Int(segmentFrom[s]) + 1] += 1 }
            if segmentBackwardMinutes[s].isFinite { start[Int(segmentTo[s]) + 1] += 1 }
        }
        for v in 0..<n { start[v + 1] += start[v] }
        let count = Int(start[n])
        var fill = start
        var target = [Int32](repeating: 0, count: count)
        var minutes = [Double](repeating: 0, count: count)
        var metres = [Double](repeating: 0, count: count)
        func add(_ u: Int32, _ v: Int32, _ m: Double, _ d: Double) {
            let k = Int(fill[Int(u)])
            target[k] = v
            minutes[k] = m
            metres[k] = d
            fill[Int(u)] += 1
        }
        for s in segmentFrom.indices {
            if segmentForwardMinutes[s].isFinite { add(segmentFrom[s], segmentTo[s], segmentForwardMinutes[s], segmentMetres[s]) }
            if segmentBackwardMinutes[s].isFinite { add(segmentTo[s], segmentFrom[s], segmentBackwardMinutes[s], segmentMetres[s]) }
        }
        (edgeStart, edgeTarget, edgeMinutes, edgeMetres) = (start, target, minutes, metres)
    }
}
