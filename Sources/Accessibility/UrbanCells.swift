import GeoCore

/// Where a road segment is urban (docs/roads.md §3): the 1 km × 1 km cell of the metric CRS
/// that holds its midpoint (cells aligned on the CRS origin: `floor(x / 1000)`,
/// `floor(y / 1000)`) holds at least 15 km of kept road, each segment's length counted once, in
/// the cell of its midpoint. Town streets reach 15–30 km/km², the countryside 1–5, so the rule
/// needs nothing but the roads and works on any extract.
///
/// Add every kept segment first (``add(_:_:)``), then ask (``isUrban(_:_:)``, ``settings(of:)``).
package struct UrbanCells: Sendable {
    /// Side of a cell in metres: 1,000.
    package static let defaultCellMetres = 1000.0
    /// Road length that makes a cell urban, in metres: 15,000 (15 km per km²).
    package static let defaultUrbanMetres = 15_000.0

    /// Side of a cell, metres.
    package let cellMetres: Double
    /// Road length at or above which a cell is urban, metres.
    package let urbanMetres: Double
    private var metresByCell: [SIMD2<Int64>: Double] = [:]

    /// Empty cells of `cellMetres` side, urban from `urbanMetres` of road.
    package init(cellMetres: Double = UrbanCells.defaultCellMetres, urbanMetres: Double = UrbanCells.defaultUrbanMetres) {
        precondition(cellMetres > 0 && urbanMetres >= 0, "cells need a positive side")
        self.cellMetres = cellMetres
        self.urbanMetres = urbanMetres
    }

    /// The cell holding the midpoint of segment `a`–`b` (metric CRS), nil for a non-finite one.
    func cell(_ a: Coordinate, _ b: Coordinate) -> SIMD2<Int64>? {
        let x = ((a.x + b.x) / 2 / cellMetres).rounded(.down), y = ((a.y + b.y) / 2 / cellMetres).rounded(.down)
        guard x.isFinite, y.isFinite, abs(x) < 1e15, abs(y) < 1e15 else { return nil }
        return SIMD2(Int64(x), Int64(y))
    }

    /// Counts segment `a`–`b`'s planar length in the cell of its midpoint.
    package mutating func add(_ a: Coordinate, _ b: Coordinate) {
        guard let cell = cell(a, b) else { return }
        metresByCell[cell, default: 0] += a.distance(to: b)
    }

    /// Counts every segment of a line.
    package mutating func add(line: [Coordinate]) {
        for k in line.indices.dropFirst() { add(line[k - 1], line[k]) }
    }

    /// The road length counted in the cell holding the midpoint of `a`–`b`, metres.
    package func metres(around a: Coordinate, _ b: Coordinate) -> Double {
        cell(a, b).flatMap { metresByCell[$0] } ?? 0
    }

    /// Whether segment `a`–`b` is urban: its midpoint's cell holds at least ``urbanMetres``.
    package func isUrban(_ a: Coordinate, _ b: Coordinate) -> Bool {
        metres(around: a, b) >= urbanMetres
    }

    /// A line cut where its segments change setting: runs of consecutive segments, each as the
    /// range of vertex indices it spans (segment k joins vertices k and k + 1) and whether it is
    /// urban. Consecutive runs share their end vertex.
    package func settings(of line: [Coordinate]) -> [(vertices: ClosedRange<Int>, urban: Bool)] {
        guard line.count >= 2 else { return [] }
        var runs: [(vertices: ClosedRange<Int>, urban: Bool)] = []
        var start = 0, current = isUrban(line[0], line[1])
        for k in 1..<(line.count - 1) {
            let urban = isUrban(line[k], line[k + 1])
            guard urban != current else { continue }
            runs.append((start...k, current))
            start = k
            current = urban
        }
        runs.append((start...(line.count - 1), current))
        return runs
    }
}
