import GeoCore

/// Turns projected polygons into compact SVG path data at a fixed pixel precision.
///
/// Simplification is by quantisation (like mapshaper's snapping): every vertex is rounded to the
/// output grid, repeated vertices and vertices collinear with their neighbours are dropped.
/// Rounding is a function of the vertex alone, so two communes that share a boundary keep the
/// same boundary: no gap and no overlap appear between neighbours, whatever the scale. Rings
/// that collapse to fewer than three points are dropped (they are smaller than the grid).
/// Coordinates are relative after the first point of each ring (`l dx dy`), to keep files small.
struct PathEncoder: Sendable {
    let toPixel: @Sendable (Coordinate) -> (Double, Double)
    /// Grid step, in pixels: 10^(−precision).
    let precision: Int

    func ring(_ ring: [Coordinate]) -> [(Int64, Int64)] {
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
        // Drop collinear vertices (they do not change the shape).
        var changed = true
        while changed && pts.count >= 3 {
            changed = false
            var kept: [(Int64, Int64)] = []
            for i in pts.indices {
                let a = kept.last ?? pts[(i + pts.count - 1) % pts.count], b = pts[i], c = pts[(i + 1) % pts.count]
                let cross = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
                if cross == 0 { changed = true } else { kept.append(b) }
            }
            pts = kept
        }
        return pts.count >= 3 ? pts : []
    }

    func append(_ geometry: Geometry, to out: inout String) {
        let f = pow10(precision)
        for polygon in geometry.polygons {
            for r in polygon.rings {
                let pts = ring(r)
                guard let first = pts.first else { continue }
                out += "M" + svgNumber(Double(first.0) / f, precision) + " " + svgNumber(Double(first.1) / f, precision)
                var prev = first
                out += "l"
                for (k, p) in pts.dropFirst().enumerated() {
                    if k > 0 { out += " " }
                    out += svgNumber(Double(p.0 - prev.0) / f, precision) + " " + svgNumber(Double(p.1 - prev.1) / f, precision)
                    prev = p
                }
                out += "z"
            }
        }
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
