import Accessibility
import Foundation
import GeoCore

/// A grid-like road graph of about `n` nodes, 200 m apart (jittered by up to 40 m), OSM-style
/// node ids: residential streets at 30 km/h; every 10th row and column a primary road at 75 km/h,
/// every 5th street one-way (alternating); every 100th row and column a motorway at 120 km/h that
/// places cannot snap to. Deterministic (seed 22).
func syntheticRoadGrid(nodes n: Int) -> (roads: [RoadNetwork.Road], side: Double) {
    let width = max(2, Int(Double(n).squareRoot()))
    var rng = SeededGenerator(seed: 22)
    let positions = (0..<(width * width)).map { k in
        Coordinate(x: Double(k % width) * 200 + (rng.nextUnit() - 0.5) * 80, y: Double(k / width) * 200 + (rng.nextUnit() - 0.5) * 80)
    }
    var roads: [RoadNetwork.Road] = []
    for line in 0..<width {
        for vertical in [false, true] {
            let ids = (0..<width).map { vertical ? $0 * width + line : line * width + $0 }
            let motorway = line % 100 == 50, primary = line % 10 == 0
            let direction: RoadNetwork.Direction = motorway || primary || line % 5 != 3 ? .both : (line % 10 == 3 ? .forward : .backward)
            roads.append(RoadNetwork.Road(
                coordinates: ids.map { positions[$0] }, kmh: motorway ? 120 : primary ? 75 : 30, direction: direction, snappable: !motorway,
                nodeIDs: ids.map { Int64($0) * 3 + 1 }))
        }
    }
    return (roads, Double(width) * 200)
}

/// `router N`: a synthetic grid road graph of N nodes: build, contraction (time, peak memory),
/// then 35,000 origins × 3,000 destinations within 60 minutes on the contraction hierarchy.
func benchRouter(_ argument: URL) throws {
    let n = Int(argument.lastPathComponent) ?? 1_000_000
    let start = Date()
    let (roads, side) = syntheticRoadGrid(nodes: n)
    let network = RoadNetwork(roads: roads)
    print("graph: \(network.nodes.count) nodes, \(network.edgeCount) edges, built in \(seconds(since: start)) s")
    let contraction = Date()
    let model = NetworkModel(network: network)
    let usage = ProcessUsage.current()
    print("contraction: \(seconds(since: contraction)) s, \(model.hierarchy.edgeCount) hierarchy edges, peak memory \(usage.peakResidentMegabytes) MB")
    var rng = SeededGenerator(seed: 7)
    let place = { (r: inout SeededGenerator) in Coordinate(x: r.nextUnit() * side, y: r.nextUnit() * side) }
    let origins = CostPoints(metric: (0..<35_000).map { _ in place(&rng) })
    let sites = CostPoints(metric: (0..<3_000).map { _ in place(&rng) })
    let query = Date()
    let matrix = try model.costs(from: origins, to: sites, maxMinutes: 60)
    print("many-to-many 35000 × 3000 within 60 min: \(seconds(since: query)) s, \(matrix.entryCount) entries, peak memory \(ProcessUsage.current().peakResidentMegabytes) MB")
}
