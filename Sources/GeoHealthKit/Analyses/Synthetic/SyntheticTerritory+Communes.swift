import Foundation
import GeoCore
import GEOSBridge

extension SyntheticTerritory {
    /// Boundary, seats, Voronoi cells clipped to the boundary, and adjacency.
    static func makeCommunes(_ o: Options, _ rng: inout SeededGenerator) throws -> SyntheticTerritory {
        let boundary = blob(center: o.center, radius: o.radius, &rng)
        let townCentres = (0..<4).map { k -> Coordinate in
            let angle = rng.nextUnit() * 2 * .pi, r = o.radius * (k == 0 ? 0.15 : 0.35 + 0.3 * rng.nextUnit())
            return Coordinate(x: o.center.x + r * cos(angle), y: o.center.y + r * sin(angle))
        }
        var seats = townCentres
        var attempts = 0
        while seats.count < o.communes, attempts < o.communes * 200 {
            attempts += 1
            let p: Coordinate
            if rng.nextUnit() < 0.25 {
                let town = townCentres[Int(rng.nextUnit() * Double(townCentres.count))]
                p = Coordinate(x: town.x + 7_000 * rng.nextGaussian(), y: town.y + 7_000 * rng.nextGaussian())
            } else {
                p = Coordinate(x: o.center.x + o.radius * 1.4 * (2 * rng.nextUnit() - 1), y: o.center.y + o.radius * 1.4 * (2 * rng.nextUnit() - 1))
            }
            guard boundary.contains(p), !seats.contains(where: { $0.distance(to: p) < o.minimumSpacing }) else { continue }
            seats.append(p)
        }

        let context = GEOSContext.current
        let nativeBoundary = try context.geometry(.polygon(boundary))
        let diagram = try context.geometry(.multiPoint(seats)).voronoiDiagram(envelope: nativeBoundary)
        guard case .geometryCollection(let rawCells) = try diagram.geometry() else {
            throw GEOSError(operation: "GEOSVoronoiDiagram", message: "expected a collection of cells")
        }
        var cells = [Geometry?](repeating: nil, count: seats.count)
        for raw in rawCells {
            guard let owner = seats.indices.first(where: { raw.boundingBox.contains(seats[$0]) && raw.contains(seats[$0]) }) else { continue }
            let clipped = try context.geometry(raw).intersection(nativeBoundary).geometry().polygons
            cells[owner] = clipped.count == 1 ? .polygon(clipped[0]) : .multiPolygon(clipped)
        }
        guard cells.allSatisfy({ $0 != nil }) else {
            throw GEOSError(operation: "GEOSVoronoiDiagram", message: "a commune seat has no cell")
        }
        let finalCells = cells.map { $0! }
        let adjacency = try neighbours(finalCells, context: context)
        let codes = seats.indices.map { o.department + String(format: "%03d", $0 + 1) }
        var names = Set<String>()
        let communeNames = seats.indices.map { _ in uniqueName(&rng, taken: &names) }
        return SyntheticTerritory(
            options: o, boundary: boundary, seats: seats, cells: finalCells, adjacency: adjacency, codes: codes,
            names: communeNames, towns: [0, 1, 2, 3], population: [], ageGroups: [], ages: [], sites: [], cpts: [],
            roads: [], merges: [], restoration: nil)
    }

    /// A closed ring of 96 vertices: r(θ) = R (1 + Σₖ aₖ sin(kθ + φₖ)), k = 2…5, aₖ ≤ 0.16/k.
    static func blob(center: Coordinate, radius: Double, _ rng: inout SeededGenerator) -> Polygon {
        let harmonics = (2...5).map { k in (k: Double(k), a: 0.16 / Double(k) * rng.nextUnit(), phase: rng.nextUnit() * 2 * .pi) }
        var ring = (0..<96).map { i -> Coordinate in
            let theta = Double(i) / 96 * 2 * .pi
            let r = radius * (1 + harmonics.reduce(0) { $0 + $1.a * sin($1.k * theta + $1.phase) })
            return Coordinate(x: center.x + r * cos(theta), y: center.y + r * sin(theta))
        }
        ring.append(ring[0])
        return Polygon(exterior: ring)
    }

    /// Pairs of cells that share a boundary segment (GEOS intersection of dimension 1), found
    /// among envelope-overlapping pairs through an STRtree.
    static func neighbours(_ cells: [Geometry], context: GEOSContext) throws -> [[Int]] {
        let natives = try cells.map { try context.geometry($0) }
        let index = try SpatialIndex(natives, context: context)
        var adjacency = [[Int]](repeating: [], count: cells.count)
        for i in cells.indices {
            for j in try index.query(envelopeOf: natives[i]) where j > i {
                let shared = try natives[i].intersection(natives[j])
                guard try shared.length() > 1 else { continue }
                adjacency[i].append(j)
                adjacency[j].append(i)
            }
        }
        return adjacency.map { $0.sorted() }
    }

    static let prefixes = ["", "", "", "", "", "Saint-", "Sainte-", "Villiers-", "Mont"]
    static let roots = [
        "bel", "roche", "font", "cour", "mar", "ber", "vau", "lan", "mor", "sau", "bré", "char", "vil", "chaum", "aub", "gen", "tre", "lus", "quin", "neu",
    ]
    static let endings = ["ac", "y", "ières", "court", "ville", "on", "ay", "euil", "igny", "oux", "ange", "ès"]
    static let suffixes = ["", "", "", "", "-sur-Synthe", "-en-Bocage", "-les-Bois", "-le-Vieux", "-la-Rivière"]

    static func uniqueName(_ rng: inout SeededGenerator, taken: inout Set<String>) -> String {
        func pick(_ list: [String]) -> String { list[Int(rng.nextUnit() * Double(list.count))] }
        while true {
            let first = pick(roots), second = rng.nextUnit() < 0.4 ? pick(roots) : ""
            var stem = first + (second == first ? "" : second) + pick(endings)
            let prefix = pick(prefixes)
            if prefix != "Mont" { stem = stem.prefix(1).uppercased() + stem.dropFirst() }
            let name = prefix + stem + pick(suffixes)
            if taken.insert(name).inserted { return name }
        }
    }
}
