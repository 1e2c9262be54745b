import GeoCore

extension FloatingCatchment {
    /// Makes rows of the cost matrix on demand: for origin `o`, its (destination, minutes)
    /// pairs within the catchment, in any order, appended to the buffer. A maker may keep
    /// state between calls (the candidates of the last tile): each worker takes its own from a
    /// ``RowSource``.
    package typealias RowMaker = (_ origin: Int, _ row: inout [(destination: Int, minutes: Double)]) -> Void
    /// Gives each worker its ``RowMaker``.
    package typealias RowSource = @Sendable () -> RowMaker

    /// 2SFCA / 3SFCA (``twoStep(_:demand:supply:decay:)``, ``threeStep(_:demand:supply:decay:)``)
    /// over rows made on demand, never held: step 1 over every origin (chunks on all cores, each
    /// with its own sums, added in chunk order), then step 2 (chunks on all cores), each row
    /// made twice. Same figures as on the matrix up to the order of additions (≈ 1e-15
    /// relative); memory O(origins + cores × destinations).
    /// - Parameter order: the origins in the order to visit them (neighbours together, so that a
    ///   maker reuses its candidates); default ascending.
    /// - Precondition: `demand` has one value per origin, `supply` one per destination.
    package static func streamed(
        originCount: Int, order: [Int]? = nil, rows: RowSource, demand: [Double], supply: [Double], decay: DistanceDecay, selection: Bool
    ) -> Result {
        precondition(demand.count == originCount)
        let order = order ?? Array(0..<originCount)
        let chunks = stride(from: 0, to: order.count, by: 4096).map { Array(order[$0..<min($0 + 4096, order.count)]) }
        let partial = chunks.concurrentMap { chunk -> [Double] in
            var sums = [Double](repeating: 0, count: supply.count)
            var row: [(destination: Int, minutes: Double)] = [], weights: [Double] = []
            let rows = rows()
            for o in chunk where demand[o] > 0 {
                row.removeAll(keepingCapacity: true)
                rows(o, &row)
                rowWeights(row.lazy.map(\.minutes), decay: decay, selection: selection, into: &weights)
                for (n, e) in row.enumerated() {
                    sums[e.destination] += selection ? demand[o] * weights[n] * weights[row.count + n] : demand[o] * weights[n]
                }
            }
            return sums
        }
        var denominator = [Double](repeating: 0, count: supply.count)
        for p in partial { for (j, v) in (try! p.get()).enumerated() { denominator[j] += v } }
        let ratios = ratios(supply: supply, denominator: denominator)
        let values = chunks.concurrentMap { chunk -> [Double] in
            var row: [(destination: Int, minutes: Double)] = [], weights: [Double] = []
            let rows = rows()
            return chunk.map { o in
                row.removeAll(keepingCapacity: true)
                rows(o, &row)
                rowWeights(row.lazy.map(\.minutes), decay: decay, selection: selection, into: &weights)
                var a = 0.0
                for (n, e) in row.enumerated() {
                    if let r = ratios[e.destination] { a += selection ? r * weights[n] * weights[row.count + n] : r * weights[n] }
                }
                return a
            }
        }
        var access = [Double](repeating: 0, count: originCount)
        for (chunk, part) in zip(chunks, values) { for (o, a) in zip(chunk, try! part.get()) { access[o] = a } }
        return Result(access: access, ratios: ratios, sitesWithoutDemand: ratios.indices.filter { ratios[$0] == nil })
    }
}

extension StraightLineModel {
    /// Rows of planar straight-line costs from `origins` to `destinations` within `maxMinutes`,
    /// with `zero` pairs (origin → destinations) at 0 minutes whatever their distance
    /// (``IntraAreaModel``'s rule); destinations are numbered through `number`. The same
    /// minutes as ``costs(from:to:maxMinutes:)``: each maker keeps the destinations within
    /// radius + `tile`/√2 of the centre of the `tile` × `tile` square of its last origin (a
    /// ``PointGrid`` query per tile, not per origin) and measures each origin to those.
    /// - Precondition: planar (no ``geodesic``).
    package func rows(
        origins: [Coordinate], destinations: [Coordinate], number: [Int], maxMinutes: Double, zero: [Int: [Int]], tile: Double
    ) -> FloatingCatchment.RowSource {
        precondition(geodesic == nil, "streamed rows are planar")
        let radius = maxMinutes / 60 * speedKmh * 1000 / detourFactor
        let grid = PointGrid(destinations, cellSize: max(radius / 2, PointGrid.suggestedCellSize(for: destinations)))
        let model = self
        return {
            var current = (x: Int.min, y: Int.min)
            var candidates: [Int] = []
            return { o, row in
                let p = origins[o]
                let key = (x: Int((p.x / tile).rounded(.down)), y: Int((p.y / tile).rounded(.down)))
                if key != current {
                    current = key
                    candidates.removeAll(keepingCapacity: true)
                    let centre = Coordinate(x: (Double(key.x) + 0.5) * tile, y: (Double(key.y) + 0.5) * tile)
                    grid.forEach(within: radius + tile * 0.7072, of: centre) { index, _ in candidates.append(index) }
                }
                let own = zero[o]
                for index in candidates {
                    if let own, own.contains(index) { continue }
                    let d = destinations[index].distance(to: p)
                    guard d <= radius else { continue }
                    let t = model.minutes(metres: d)
                    if t <= maxMinutes { row.append((number[index], t)) }
                }
                if let own { for index in own { row.append((number[index], 0)) } }
            }
        }
    }
}
