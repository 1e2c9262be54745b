import GeoCore

extension PointGrid {
    /// The k-nearest-neighbour pairs of `points` (one metric CRS): (i, j) for each point i and
    /// each of its `k` nearest other points j, i ascending, its neighbours nearest first (ties
    /// by index). Not symmetric: j need not count i among its own k nearest (spatial weights
    /// make the lists symmetric, as PySAL's `symmetrize`).
    /// - Complexity: one grid build, then one ``nearest(_:to:excluding:)`` per point.
    package static func nearestPairs(_ points: [Coordinate], k: Int) -> [(Int, Int)] {
        let grid = PointGrid(points, cellSize: PointGrid.suggestedCellSize(for: points))
        var pairs: [(Int, Int)] = []
        for i in points.indices {
            for j in grid.nearest(k, to: points[i], excluding: i) { pairs.append((i, j)) }
        }
        return pairs
    }
}
