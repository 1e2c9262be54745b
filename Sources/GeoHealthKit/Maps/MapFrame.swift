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

    init(crs: CRS, members: [Int], geometries: [Geometry], label: String) throws {
        self.crs = crs
        self.label = label
        self.members = members
        transformer = try CoordinateTransformer(from: .wgs84, to: crs)
        let t = transformer
        projected = try members.map { try t.transformed(geometries[$0]) }
        var box = BoundingBox.empty
        for g in projected { box.extend(g.boundingBox) }
        extent = box
    }

    /// The frame a point (WGS84) falls in, and its projected position: the frame of its CRS
    /// whose extent, widened by a tenth, holds it; nil when none does.
    static func locate(_ p: Coordinate, in frames: [MapFrame], forced: CRS?) throws -> (Int, Coordinate)? {
        let crs = forced ?? MetricCRS.forExtent(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y))
        for (f, frame) in frames.enumerated() where frame.crs == crs {
            let q = try frame.transformer.transform(p)
            if frame.extent.expanded(by: 0.1 * max(frame.extent.width, frame.extent.height)).contains(q) { return (f, q) }
        }
        return nil
    }

    /// The frame a shape (WGS84) falls in, by the centre of its extent, and the shape projected there.
    static func locate(_ g: Geometry, in frames: [MapFrame], forced: CRS?) throws -> (Int, Geometry)? {
        guard let (f, _) = try locate(g.boundingBox.center, in: frames, forced: forced) else { return nil }
        return (f, try frames[f].transformer.transformed(g))
    }
}
