import GeoCore

extension FloatingCatchment {
    /// A row of the cost matrix made on demand: for origin `o`, its (destination, minutes)
    /// pairs within the catchment, in any order, appended to the buffer.
    package typealias RowSource = @Sendable (_ origin: Int, _ row: inout [(destination: Int, minutes: Double)]) -> Void

    /// 2SFCA / 3SFCA (``twoStep(_:demand:supply:decay:)``, ``threeStep(_:demand:supply:decay:)``)
    /// over rows made on demand, never held: step 1 over every origin (chunks on all cores, each
    /// with its own sums, added in chunk order), then step 2 (chunks on all cores), each row
    /// made twice. Same figures as on the matrix up to the order of additions (≈ 1e-15
    /// relative); memory O(origins + cores × destinations).
    /// - Precondition: `demand` has one value per origin, `supply` one per destination.
    package static func streamed(originCount: Int, rows: RowSource, demand: [Double], supply: [Double], decay: DistanceDecay, selection: Bool) -> Result {
        precondition(demand.count == originCount)
        let chunks = stride(from: 0, to: originCount, by: 4096).map { $0..<min($0 + 4096, originCount) }
        let partial = chunks.concurrentMap { chunk -> [Double] in
            var sums = [Double](repeating: 0, count: supply.count)
            var row: [(destination: Int, minutes: Double)] = [], weights: [Double] = []
            for o in chunk where demand[o] > 0 {
                row.removeAll(keepingCapacity: true)
                rows(o, &row)
                streamedWeights(row, decay: decay, selection: selection, into: &weights)
                for (n, e) in row.enumerated() {
                    sums[e.destination] += selection ? demand[o] * weights[n] * weights[row.count + n] : demand[o] * weights[n]
                }
            }
            return sums
        }
        var denominator = [Double](repeating: 0, count: supply.count)
        for p in partial { for (j, v) in (try! p.get()).enumerated() { denominator[j] += v } }
        let ratios = ratios(supply: supply, denominator: denominator)
        let access = chunks.concurrentMap { chunk -> [Double] in
            var row: [(destination: Int, minutes: Double)] = [], weights: [Double] = []
            return chunk.map { o in
                row.removeAll(keepingCapacity: true)
                rows(o, &row)
                streamedWeights(row, decay: decay, selection: selection, into: &weights)
                var a = 0.0
                for (n, e) in row.enumerated() {
                    if let r = ratios[e.destination] { a += selection ? r * weights[n] * weights[row.count + n] : r * weights[n] }
                }
                return a
            }
        }.flatMap { try! $0.get() }
        return Result(access: access, ratios: ratios, sitesWithoutDemand: ratios.indices.filter { ratios[$0] == nil })
    }

    /// A made row's W(t), then for 3SFCA its G = W(t) / ΣW (0 when the sum is 0).
    static func streamedWeights(_ row: [(destination: Int, minutes: Double)], decay: DistanceDecay, selection: Bool, into weights: inout [Double]) {
        weights.removeAll(keepingCapacity: true)
        for e in row { weights.append(decay.weight(e.minutes)) }
        guard selection else { return }
        let total = weights.reduce(0, +)
        for n in 0..<row.count { weights.append(total > 0 ? weights[n] / total : 0) }
    }
}

extension StraightLineModel {
    /// Rows of planar straight-line costs from `origins` to `destinations` within `maxMinutes`
    /// (a ``PointGrid`` of the destinations), with `zero` pairs (origin → destinations) at 0
    /// minutes whatever their distance (``IntraAreaModel``'s rule); destinations are numbered
    /// through `number`. The same minutes as ``costs(from:to:maxMinutes:)``.
    /// - Precondition: planar (no ``geodesic``).
    package func rows(
        origins: [Coordinate], destinations: [Coordinate], number: [Int], maxMinutes: Double, zero: [Int: [Int]]
    ) -> FloatingCatchment.RowSource {
        precondition(geodesic == nil, "streamed rows are planar")
        let radius = maxMinutes / 60 * speedKmh * 1000 / detourFactor
        let grid = PointGrid(destinations, cellSize: max(radius / 2, PointGrid.suggestedCellSize(for: destinations)))
        let model = self
        return { o, row in
            let own = zero[o]
            grid.forEach(within: radius, of: origins[o]) { index, d in
                if let own, own.contains(index) { return }
                let t = model.minutes(metres: d)
                if t <= maxMinutes { row.append((number[index], t)) }
            }
            if let own { for index in own { row.append((number[index], 0)) } }
        }
    }
}
