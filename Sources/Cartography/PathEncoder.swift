import GeoCore

/// Turns projected polygons into compact SVG path data at a fixed pixel precision.
///
/// Simplification is by quantisation (like mapshaper's snapping): every vertex is rounded to the
/// output grid, repeated vertices and vertices collinear with their neighbours are dropped.
/// Rounding is a function of the vertex alone, so two communes that share a boundary keep the
/// same boundary: no gap and no overlap appear between neighbours, whatever the scale. Rings
/// that collapse to fewer than three points are dropped (they are smaller than the grid).
/// Coordinates are relative after the first point of each ring (`l dx dy`), to keep files small.
package struct PathEncoder: Sendable {
    let toPixel: @Sendable (Coordinate) -> (Double, Double)
    /// Grid step, in pixels: 10^(−precision).
    let precision: Int

    package init(toPixel: @escaping @Sendable (Coordinate) -> (Double, Double), precision: Int) {
        self.toPixel = toPixel
        self.precision = precision
    }

    /// The ring's vertices on the grid (in steps), repeated and collinear ones dropped; empty
    /// when fewer than three are left.
    package func ring(_ ring: [Coordinate]) -> [(Int64, Int64)] {
        let f = pow10(precision)
        var pts: [(Int64, Int64)] = []
        pts.reserveCapacity(ring.count)
        for c in ring {
            let (x, y) = toPixel(c)
            let q = (Int64((x * f).rounded()), Int64((y * f).rounded()))
            if let last = pts.last, last == q { continue }
            pts.append(q)
        }
        if pts.count > 1, pts.first! == pts.last! { pts.removeLast() }
        // Drop collinear vertices (they do not change the shape), pass after pass: a vertex is
        // dropped when it is collinear with the last one kept in this pass (before any, the one
        // before it) and the next one as it was at the pass's start.
        var changed = true
        while changed && pts.count >= 3 {
            changed = false
            let n = pts.count, first = pts[0]
            var kept = 0
            pts.withUnsafeMutableBufferPointer { p in  // kept vertices written in place: kept ≤ i
                for i in 0..<n {
                    let a = kept > 0 ? p[kept - 1] : p[(i + n - 1) % n], b = p[i], c = i + 1 < n ? p[i + 1] : first
                    let cross = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
                    if cross == 0 {
                        changed = true
                    } else {
                        p[kept] = b
                        kept += 1
                    }
                }
            }
            pts.removeLast(n - kept)
        }
        return pts.count >= 3 ? pts : []
    }

    package func append(_ geometry: Geometry, to out: inout String) {
        var bytes: [UInt8] = []
        append(geometry, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The path data of `geometry` as UTF-8 bytes: `M x y` then `l dx dy …` and `z` for each
    /// ring, every number the grid step count written with `precision` decimals (the text of
    /// ``svgNumber(_:_:)`` for that count ÷ 10^precision, without the division).
    package func append(_ geometry: Geometry, to out: inout [UInt8]) {
        for polygon in geometry.polygons {
            for r in polygon.rings {
                let pts = ring(r)
                guard let first = pts.first else { continue }
                out.append(UInt8(ascii: "M"))
                appendSteps(first.0, to: &out)
                out.append(UInt8(ascii: " "))
                appendSteps(first.1, to: &out)
                var prev = first
                out.append(UInt8(ascii: "l"))
                for (k, p) in pts.dropFirst().enumerated() {
                    if k > 0 { out.append(UInt8(ascii: " ")) }
                    appendSteps(p.0 - prev.0, to: &out)
                    out.append(UInt8(ascii: " "))
                    appendSteps(p.1 - prev.1, to: &out)
                    prev = p
                }
                out.append(UInt8(ascii: "z"))
            }
        }
    }

    /// `n` grid steps as pixels: `n` with ``precision`` implied decimals, trailing zeros of the
    /// fraction dropped, `0` for zero, a leading `0.` below one (as ``svgNumber(_:_:)`` writes
    /// n ÷ 10^precision).
    package func appendSteps(_ n: Int64, to out: inout [UInt8]) {
        if n == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24 + precision) { buffer in
            let end = buffer.count
            var i = end
            var magnitude = n.magnitude
            var fraction = precision
            while fraction > 0, magnitude % 10 == 0 {
                magnitude /= 10
                fraction -= 1
            }
            var written = 0
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                written += 1
                if written == fraction {
                    i -= 1
                    buffer[i] = UInt8(ascii: ".")
                }
            } while magnitude > 0 || written < fraction
            if written == fraction {
                i -= 1
                buffer[i] = UInt8(ascii: "0")
            }
            if n < 0 {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i..<end]))
        }
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
