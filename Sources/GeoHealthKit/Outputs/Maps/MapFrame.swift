import Cartography
import GeoCore
import Projection

/// One frame of a map: the main map or an inset, with the features it draws projected into its
/// own metric CRS (Lambert-93 for metropolitan France, the local CRS of each overseas
/// département), and the projected extent that overlays are matched against.
struct MapFrame {
    var crs: CRS
    var label: String
    /// Indices of the layer's features drawn in this frame.
    var members: [Int]
    var projected: [Geometry]
    var extent: BoundingBox
    var transformer: CoordinateTransformer

    /// - Parameter projected: every feature of the layer, each in its own CRS (this frame's
    ///   members are in `crs`).
    init(crs: CRS, members: [Int], projected all: [Geometry], label: String) throws {
        self.crs = crs
        self.label = label
        self.members = members
        // For the overlays, on this thread: the pair was resolved when the layer was projected,
        // so the thread cache builds it from its pipeline (no new look-up in PROJ's database).
        transformer = try CoordinateTransformer.shared(from: .wgs84, to: crs)
        projected = members.map { all[$0] }
        var box = BoundingBox.empty
        for g in projected { box.extend(g.boundingBox) }
        extent = box
    }

    /// The frame each point (WGS84) falls in, and its projected position: the frame of its CRS
    /// whose extent, widened by a tenth, holds it; nil when none does. One batch transform per CRS.
    static func locate(_ points: [Coordinate], in frames: [MapFrame], forced: CRS?) throws -> [(Int, Coordinate)?] {
        let crsOf = points.map { p in forced ?? MetricCRS.forExtent(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) }
        var result = [(Int, Coordinate)?](repeating: nil, count: points.count)
        for crs in Set(frames.map(\.crs)) {
            let members = points.indices.filter { crsOf[$0] == crs }
            guard let first = frames.first(where: { $0.crs == crs }), !members.isEmpty else { continue }
            var projected = members.map { points[$0] }
            try first.transformer.transform(&projected)
            for (k, i) in members.enumerated() {
                let q = projected[k]
                result[i] = frames.indices.first { f in
                    frames[f].crs == crs && frames[f].extent.expanded(by: 0.1 * max(frames[f].extent.width, frames[f].extent.height)).contains(q)
                }.map { ($0, q) }
            }
        }
        return result
    }

    /// The frame a shape (WGS84) falls in, by the centre of its extent, and the shape projected there.
    static func locate(_ g: Geometry, in frames: [MapFrame], forced: CRS?) throws -> (Int, Geometry)? {
        guard let (f, _) = try locate([g.boundingBox.center], in: frames, forced: forced)[0] else { return nil }
        return (f, try frames[f].transformer.transformed(g))
    }
}

/// What a map draws over its polygons in one frame: site markers, territory outlines, hatched zones.
struct FrameOverlays {
    var sites: [ChoroplethMap.Site] = []
    var outlines: [Geometry] = []
    var hatched: [Geometry] = []
    /// Isochrones: drawn in the main map only (frame 0).
    var isochrones: [ChoroplethMap.Isochrone] = []

    /// Puts each frame's overlays on the map: frame 0 is the main map, frame k the inset k − 1.
    static func apply(_ overlays: [FrameOverlays], to map: inout ChoroplethMap) {
        map.sites = overlays[0].sites
        map.outlines = overlays[0].outlines
        map.hatched = overlays[0].hatched
        map.isochrones = overlays[0].isochrones
        for k in map.insets.indices {
            map.insets[k].sites = overlays[k + 1].sites
            map.insets[k].outlines = overlays[k + 1].outlines
            map.insets[k].hatched = overlays[k + 1].hatched
        }
    }
}
