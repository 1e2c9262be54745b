import Foundation
import Cartography
import GeoCore
import GeoIO
import GEOSBridge

extension MapMaker {
    /// The overlays of each frame — sites, territory outlines, hatched shapes — and how many
    /// fell outside every frame (not drawn).
    static func overlays(options: Options, frames: [MapFrame], codes: [String]) throws -> ([FrameOverlays], outside: Int) {
        var outside = 0
        var overlays = [FrameOverlays](repeating: FrameOverlays(), count: frames.count)
        var sites = options.drawnSites
        if let url = options.sites { sites = try sitesToDraw(url, options: options) + sites }
        if !sites.isEmpty {
            for (site, place) in zip(sites, try MapFrame.locate(sites.map(\.location), in: frames, forced: options.crs)) {
                guard let (f, p) = place else { outside += 1; continue }
                overlays[f].sites.append(ChoroplethMap.Site(position: p, kind: site.kind.rawValue, size: options.sizeByCapacity ? site.capacity : nil))
            }
        }
        if let url = options.territories {
            outside += try addOutlines(of: url, to: &overlays, frames: frames, codes: codes, forced: options.crs)
        }
        if let url = options.hatched {
            for g in try LayerReader.features(url).features.compactMap(\.geometry).filter(\.isPolygonal) {
                if let (f, shape) = try MapFrame.locate(g, in: frames, forced: options.crs) { overlays[f].hatched.append(shape) } else { outside += 1 }
            }
        }
        if let url = options.isochrones {
            outside += try addIsochrones(of: url, to: &overlays[0], frames: frames, forced: options.crs)
        }
        return (overlays, outside)
    }

    /// The isochrones of `url` (`geohealth isochrones`' layer: polygons with a numeric
    /// `minutes`), projected into the main map; those of an inset's territory or of none are
    /// counted as not drawn.
    /// - Throws: ``InputError`` naming the feature without a number in `minutes`.
    static func addIsochrones(of url: URL, to main: inout FrameOverlays, frames: [MapFrame], forced: CRS?) throws -> Int {
        var outside = 0
        for (i, feature) in try LayerReader.features(url).features.enumerated() {
            guard let g = feature.geometry, g.isPolygonal else { continue }
            guard let minutes = feature.properties["minutes"]?.doubleValue, minutes.isFinite else {
                throw InputError(file: url.relativePath, feature: i, field: "minutes", message: "an isochrone needs its minutes (a number)")
            }
            if let (f, shape) = try MapFrame.locate(g, in: frames, forced: forced), f == 0 {
                main.isochrones.append(ChoroplethMap.Isochrone(minutes: minutes, shape: shape))
            } else {
                outside += 1
            }
        }
        return outside
    }

    /// The outlines of the territories of `url`: those defined by member communes dissolved
    /// from the frames' own polygons (one outline per frame they touch), those with a polygon
    /// projected into their frame. Returns how many fell outside every frame.
    static func addOutlines(of url: URL, to overlays: inout [FrameOverlays], frames: [MapFrame], codes: [String], forced: CRS?) throws -> Int {
        var outside = 0
        let frameOf = Dictionary(uniqueKeysWithValues: frames.enumerated().flatMap { f, frame in frame.members.enumerated().map { (codes[$1], (f, $0)) } })
        let context = GEOSContext.current
        for t in try TerritoryTable.read(url) {
            switch t.definition {
            case .areas(let members):
                for (f, parts) in Dictionary(grouping: members.compactMap { frameOf[$0] }, by: \.0) {
                    overlays[f].outlines.append(try context.dissolve(parts.map { try context.geometry(frames[f].projected[$0.1]) }).geometry())
                }
            case .geometry(let g):
                if let (f, shape) = try MapFrame.locate(g, in: frames, forced: forced) { overlays[f].outlines.append(shape) } else { outside += 1 }
            }
        }
        return outside
    }

    /// The summary of a map written: file, frames, classes with their counts, what was not drawn.
    static func summary(_ read: Layer, frames: [MapFrame], classes: Classes, outside: Int, file: URL, bytes: Int, options: Options) -> Summary {
        let values = read.values, breaks = classes.breaks
        let counts = (0..<breaks.count).map { c in values.filter { Classification.index(of: $0, breaks: breaks) == c }.count }
        var summary = Summary([
            ("file", .string(file.relativePath)),
            ("bytes", .int(bytes)),
            ("polygons_drawn", .int(read.projected.count)),
            ("crs", .string(frames[0].crs.description)),
        ])
        if frames.count > 1 {
            summary["insets"] = .array(frames.dropFirst().map { f in
                .object(Properties([("name", .string(f.label)), ("crs", .string(f.crs.description)), ("polygons", .int(f.members.count))]))
            })
        }
        summary["scheme"] = .string(classes.scheme ?? options.scheme.rawValue)
        summary["palette"] = .string(classes.paletteName)
        summary["palette_reversed"] = .bool(options.reversed)
        summary["colour_blind_safe"] = .bool(classes.colorBlindSafe)
        let names = classes.names
        summary["classes"] = .rows(breaks.indices) { c in
            (c < names.count ? [("name", PropertyValue.string(names[c]))] : []) + [("upper_bound", .fixed(breaks[c], 6)), ("units", .int(counts[c]))]
        }
        summary["unreachable"] = .int(values.indices.filter { values[$0] == nil && read.unreachable[$0] }.count)
        summary["no_data"] = .int(values.indices.filter { values[$0] == nil && !read.unreachable[$0] && !read.secret[$0] }.count)
        if read.secret.contains(true) { summary["secret"] = .int(read.secret.filter { $0 }.count) }
        var notes = classes.notes
        if read.withoutPolygon > 0 { notes.append("\(read.withoutPolygon) feature(s) without a polygon (null, empty or not polygonal), not drawn") }
        if outside > 0 { notes.append("\(outside) site(s) or shape(s) outside every frame of the map, not drawn") }
        if !notes.isEmpty { summary["notes"] = .strings(notes) }
        return summary
    }
}
