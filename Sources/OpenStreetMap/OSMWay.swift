import GeoCore

/// One way of an OSM file as read: its id, tags, node ids and the nodes' longitude/latitude
/// (nil for a node absent from the file, as at the border of an extract).
package struct OSMWay: Sendable {
    /// The way's OSM id.
    package var id: Int64
    /// Its tags.
    package var tags: [String: String]
    /// Its nodes' ids, in the way's order.
    package var nodeIDs: [Int64]
    /// Each node's position (x longitude, y latitude, degrees), nil when the file lacks the node.
    package var coordinates: [Coordinate?]

    package init(id: Int64, tags: [String: String], nodeIDs: [Int64], coordinates: [Coordinate?]) {
        precondition(nodeIDs.count == coordinates.count, "one position per node id")
        self.id = id
        self.tags = tags
        self.nodeIDs = nodeIDs
        self.coordinates = coordinates
    }

    /// One located stretch of a way: consecutive nodes all present in the file.
    package struct Part: Sendable, Equatable {
        /// The stretch's node ids.
        package var nodeIDs: [Int64]
        /// Their positions, longitude/latitude.
        package var coordinates: [Coordinate]
    }

    /// The way cut where its nodes are missing: the maximal runs of consecutive located nodes
    /// that hold at least two nodes (docs/roads.md §1 rule 5: an extract keeps the located part
    /// of a way, and a gap splits it).
    package var locatedParts: [Part] {
        var parts: [Part] = []
        var current = Part(nodeIDs: [], coordinates: [])
        func close() {
            if current.nodeIDs.count >= 2 { parts.append(current) }
            current = Part(nodeIDs: [], coordinates: [])
        }
        for (id, position) in zip(nodeIDs, coordinates) {
            guard let position else { close(); continue }
            current.nodeIDs.append(id)
            current.coordinates.append(position)
        }
        close()
        return parts
    }

    /// How many of its node references the file lacks.
    package var missingNodeCount: Int { coordinates.lazy.filter { $0 == nil }.count }
}
