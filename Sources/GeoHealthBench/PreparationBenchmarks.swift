import Accessibility
import Foundation
import GeoCore
import GeoHealthKit

/// `GeoHealthBench prepare FILE`: a road file (`.osm.pbf`) read as `--roads` reads it (car
/// profile, EPSG:2154), the road graph built and contracted, the prepared-graph file written
/// (to the temporary folder) and loaded back, then 35,000 random origins × 3,000 random
/// destinations (uniform in the graph's extent, seed 7) within 60 minutes on the loaded graph;
/// each step's seconds and the peak resident memory so far.
func benchPreparation(_ file: URL) throws {
    var clock = Date()
    func step(_ name: String, _ detail: String) {
        print("\(name): \(seconds(since: clock)) s, \(detail), peak memory \(ProcessUsage.current().peakResidentMegabytes) MB")
        clock = Date()
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("geohealth-bench-\(getpid()).graph")
    defer { try? FileManager.default.removeItem(at: url) }
    try {
        let network = try {
            let layer = try RoadLayer.read(file, crs: .lambert93)
            step("read", "\(layer.roads.count) roads")
            return RoadNetwork(roads: layer.roads)
        }()
        step("graph", "\(network.nodes.count) nodes, \(network.edgeCount) edges (the road layer released)")
        let hierarchy = ContractionHierarchy(network: network)
        step("contraction", "\(hierarchy.edgeCount) hierarchy edges")
        try PreparedGraphFile.write(PreparedGraphFile.Contents(network: network, hierarchy: hierarchy, notes: []), key: "bench", to: url)
        step("prepared graph written", "\(((try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) >> 20) MB")
    }()
    guard let loaded = PreparedGraphFile.read(url, key: "bench") else { throw CocoaError(.fileReadCorruptFile) }
    step("prepared graph loaded", "\(loaded.network.nodes.count) nodes")
    let network = loaded.network
    let model = NetworkModel(network: network, hierarchy: loaded.hierarchy)
    step("segment grid", "snapping index")
    let xs = network.nodes.map(\.x), ys = network.nodes.map(\.y)
    let (x0, x1, y0, y1) = (xs.min() ?? 0, xs.max() ?? 0, ys.min() ?? 0, ys.max() ?? 0)
    var rng = SeededGenerator(seed: 7)
    let place = { (r: inout SeededGenerator) in Coordinate(x: x0 + r.nextUnit() * (x1 - x0), y: y0 + r.nextUnit() * (y1 - y0)) }
    let origins = CostPoints(metric: (0..<35_000).map { _ in place(&rng) })
    let sites = CostPoints(metric: (0..<3_000).map { _ in place(&rng) })
    clock = Date()
    let matrix = try model.costs(from: origins, to: sites, maxMinutes: 60)
    step("many-to-many 35000 × 3000 within 60 min", "\(matrix.entryCount) entries")
}
