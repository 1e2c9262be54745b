import Foundation

extension CostModelOptions {
    /// The options that change the prepared road graph, as parts of its cache key
    /// (docs/roads.md §6): an option that changes which roads are kept or their speeds (ferries,
    /// time-of-day factors…) adds a `name value` line here, so that a graph prepared without it
    /// is rebuilt: ferries when kept, the time of day and its factor table (``graphKeyParts``).
    var preparedGraphOptions: [String] { (ferries ? ["ferries yes"] : []) + graphKeyParts }
}

/// What the road layer held (roads per class, features not used, ways refused by reason, nodes
/// missing from an extract), kept as lines with a prepared graph so that a reused graph reports
/// the same summary: `class\tNAME\tCOUNT`, `skipped\tTEXT`, `refused\tREASON\tCOUNT`, `missing\tN`.
struct RoadLayerNotes {
    var byClass: [(String, Int)] = []
    var skipped: [String] = []
    var refused: [(String, Int)] = []
    var nodesMissing = 0

    init(_ layer: RoadLayer.Result) {
        byClass = layer.byClass.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        skipped = layer.skipped
        refused = layer.refused.sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value) }
        nodesMissing = layer.nodesMissing
    }

    init(lines: [String]) {
        for line in lines {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 3, parts[0] == "class", let n = Int(parts[2]) { byClass.append((parts[1], n)) }
            if parts.count >= 2, parts[0] == "skipped" { skipped.append(parts.dropFirst().joined(separator: "\t")) }
            if parts.count == 3, parts[0] == "refused", let n = Int(parts[2]) { refused.append((parts[1], n)) }
            if parts.count == 2, parts[0] == "missing", let n = Int(parts[1]) { nodesMissing = n }
        }
    }

    var lines: [String] {
        byClass.map { "class\t\($0.0)\t\($0.1)" } + skipped.map { "skipped\t\($0)" } + refused.map { "refused\t\($0.0)\t\($0.1)" } + ["missing\t\(nodesMissing)"]
    }
}
