import CGEOS
import GeoCore

extension NativeGeometry {
    /// The Voronoi diagram of this geometry's vertices (GEOSVoronoiDiagram): a collection of
    /// polygons (cells, in no particular order) or, with `onlyEdges`, a multilinestring.
    /// Cells are clipped to `envelope` grown to contain the sites, when given.
    package func voronoiDiagram(envelope: NativeGeometry? = nil, tolerance: Double = 0, onlyEdges: Bool = false) throws -> NativeGeometry {
        try context.own(GEOSVoronoiDiagram_r(h, handle, envelope?.handle, tolerance, onlyEdges ? 1 : 0), "GEOSVoronoiDiagram")
    }

    /// The Delaunay triangulation of this geometry's vertices (GEOSDelaunayTriangulation):
    /// a collection of triangles or, with `onlyEdges`, a multilinestring of the edges.
    package func delaunayTriangulation(tolerance: Double = 0, onlyEdges: Bool = false) throws -> NativeGeometry {
        try context.own(GEOSDelaunayTriangulation_r(h, handle, tolerance, onlyEdges ? 1 : 0), "GEOSDelaunayTriangulation")
    }
}
