/// The distinct positions of some geometries, each kept once, and for every stored position of
/// the geometries the index of its distinct one — so that a costly per-position operation (a
/// projection) runs once per distinct position and the geometries are rebuilt from the results.
///
/// Neighbouring communes share their boundary: in the national commune files about half of the
/// stored positions repeat a position of a neighbour (or close a ring), so a projection of the
/// distinct positions does half the work. Positions are equal when their bit patterns are (`0.0`
/// and `-0.0` stay apart, NaNs of one pattern are one), so a rebuilt geometry is bit for bit what
/// applying the operation to every position would have given.
///
/// The table is open addressing with linear probing over a power-of-two array of indices, at most
/// half full (Knuth, *The Art of Computer Programming* vol. 3, §6.4, algorithm L); the hash is the
/// two coordinates' bit patterns mixed by multiplication (Fibonacci hashing, Knuth §6.4).
///
/// ```swift
/// var distinct = DistinctPositions(geometries)     // positions once, indices in storage order
/// var projected = distinct.positions
/// try transformer.transform(&projected)              // one call for the distinct positions
/// let rebuilt = distinct.rebuild(geometries, from: projected)
/// ```
/// - Complexity: O(n) expected for n stored positions.
package struct DistinctPositions: Sendable {
    /// Each distinct position once, in order of first appearance.
    package private(set) var positions: [Coordinate] = []
    /// For every stored position of the geometries, in ``Geometry/forEachCoordinate(_:)`` order,
    /// the index of its distinct position.
    package private(set) var indices: [Int32] = []

    package init(_ geometries: [Geometry]) {
        let count = geometries.reduce(0) { $0 + $1.coordinateCount }
        precondition(count < Int(Int32.max), "DistinctPositions: too many positions")
        var capacity = 16
        while capacity < 2 * count { capacity *= 2 }
        let shift = UInt64(64 - capacity.trailingZeroBitCount), mask = capacity - 1
        var table = [Int32](repeating: -1, count: capacity)
        let found = UnsafeMutableBufferPointer<Coordinate>.allocate(capacity: max(count, 1))
        defer { found.deallocate() }
        var distinct = 0, stored = 0
        indices = [Int32](unsafeUninitializedCapacity: count) { index, initialized in
            table.withUnsafeMutableBufferPointer { slots in
                for geometry in geometries {
                    geometry.forEachCoordinateArray { array in
                        array.withUnsafeBufferPointer { cs in
                            for c in cs {
                                let bx = c.x.bitPattern, by = c.y.bitPattern
                                let mixed = ((bx &* 0x9E37_79B9_7F4A_7C15) ^ (by &* 0xC2B2_AE3D_27D4_EB4F) ^ (by >> 29)) &* 0x9E37_79B9_7F4A_7C15
                                var s = Int(truncatingIfNeeded: mixed >> shift)
                                while true {
                                    let k = slots[s]
                                    if k < 0 {
                                        slots[s] = Int32(distinct)
                                        found[distinct] = c
                                        index[stored] = Int32(distinct)
                                        distinct += 1
                                        break
                                    }
                                    let p = found[Int(k)]
                                    if p.x.bitPattern == bx && p.y.bitPattern == by {
                                        index[stored] = k
                                        break
                                    }
                                    s = (s + 1) & mask
                                }
                                stored += 1
                            }
                        }
                    }
                }
            }
            initialized = stored
        }
        positions = Array(found[..<distinct])
    }

    /// `geometries` (the ones this was made from, in the same order) with every position replaced
    /// by the element of `values` at its distinct index (`values` parallel to ``positions``).
    package func rebuild(_ geometries: [Geometry], from values: [Coordinate]) -> [Geometry] {
        precondition(values.count == positions.count, "DistinctPositions.rebuild: one value per distinct position")
        var next = 0
        return indices.withUnsafeBufferPointer { index in
            values.withUnsafeBufferPointer { value in
                geometries.map { geometry in
                    var g = geometry
                    g.mutateCoordinateArrays { ring in
                        ring = [Coordinate](unsafeUninitializedCapacity: ring.count) { buffer, initialized in
                            for k in 0..<buffer.count { buffer[k] = value[Int(index[next + k])] }
                            initialized = buffer.count
                        }
                        next += ring.count
                    }
                    return g
                }
            }
        }
    }
}
