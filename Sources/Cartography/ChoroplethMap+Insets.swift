import Foundation
import GeoCore

extension ChoroplethMap {
    /// A territory drawn in a frame of its own (an overseas département beside metropolitan
    /// France): its polygons and overlays in its own metric CRS, fitted to the frame, with its
    /// name and its own scale bar. Classes and colours are the main map's.
    package struct Inset: Sendable {
        package var label: String
        package var polygons: [Geometry]
        package var values: [Double?]
        package var unreachable: [Bool]
        /// Per polygon: its value is hidden by statistical secrecy (``ChoroplethMap/secret``).
        package var secret: [Bool]
        package var sites: [Site] = []
        package var outlines: [Geometry] = []
        package var hatched: [Geometry] = []

        package init(label: String, polygons: [Geometry], values: [Double?], unreachable: [Bool]? = nil, secret: [Bool]? = nil) {
            precondition(polygons.count == values.count)
            self.label = label
            self.polygons = polygons
            self.values = values
            self.unreachable = unreachable ?? Array(repeating: false, count: polygons.count)
            self.secret = secret ?? Array(repeating: false, count: polygons.count)
        }
    }

    /// Width of the column of insets on the left of the main map (French convention for the DROM).
    static let insetColumnWidth = 150.0
    static let insetSize = 120.0
    static let unreachableFill = "#525252"
    /// The fill of values hidden by statistical secrecy: a light grey, apart from the hatched "no data".
    static let secretFill = "#bdbdbd"

    /// Where each inset is drawn: a square frame under the previous one, the territory fitted
    /// inside with a 6 px margin, north up.
    struct Frame {
        var rect: (minX: Double, minY: Double, maxX: Double, maxY: Double)
        var scale: Double
        var px: @Sendable (Coordinate) -> (Double, Double)
    }

    func insetFrames(x: Double, top: Double) -> [Frame] {
        var y = top + 16
        return insets.map { inset in
            var box = BoundingBox.empty
            for p in inset.polygons { box.extend(p.boundingBox) }
            let inner = Self.insetSize - 12
            let scale = inner / max(box.width, box.height, 1)
            let ox = x + 6 + (inner - box.width * scale) / 2, oy = y + 6 + (inner - box.height * scale) / 2
            let minX = box.minX, maxY = box.maxY
            let frame = Frame(rect: (x, y, x + Self.insetSize, y + Self.insetSize), scale: scale) { c in
                (ox + (c.x - minX) * scale, oy + (maxY - c.y) * scale)
            }
            y += Self.insetSize + 30
            return frame
        }
    }

    /// Frames, names, overlays and scale bars of the insets (their polygons are in the class paths).
    func insetLayer(_ frames: [Frame]) -> SVGNode {
        var nodes: [SVGNode] = []
        for (k, (inset, frame)) in zip(insets, frames).enumerated() {
            let r = frame.rect
            nodes.append(
                .el(
                    "rect",
                    [
                        ("x", svgNumber(r.minX)), ("y", svgNumber(r.minY)), ("width", svgNumber(r.maxX - r.minX)), ("height", svgNumber(r.maxY - r.minY)),
                        ("fill", "none"), ("stroke", "#969696"), ("stroke-width", "0.8"),
                    ]))
            nodes.append(
                .el("text", [("x", svgNumber(r.minX)), ("y", svgNumber(r.minY - 4)), ("font-size", "12"), ("font-weight", "bold")], [.text(inset.label)]))
            let encoder = PathEncoder(toPixel: frame.px, precision: precision)
            if !inset.hatched.isEmpty {
                var d = ""
                for g in inset.hatched { encoder.append(g, to: &d) }
                nodes.append(.el("path", [("fill", "url(#hatch)"), ("stroke", "#000"), ("stroke-width", "0.8"), ("d", d)]))
            }
            if !inset.outlines.isEmpty {
                var d = ""
                for g in inset.outlines { encoder.append(g, to: &d) }
                nodes.append(.el("path", [("fill", "none"), ("stroke", "#252525"), ("stroke-width", "1.2"), ("d", d)]))
            }
            if !inset.sites.isEmpty { nodes.append(siteLayer(inset.sites, frame.px, id: "inset-\(k + 1)-sites")) }
            nodes.append(
                scaleBar(
                    x: r.minX + 4, y: r.maxY + 6, pixelsPerMetre: frame.scale, frameWidth: Self.insetSize * 2.5, fontSize: 9, id: "inset-\(k + 1)-scale-bar"))
        }
        return .el("g", [("id", "insets")], nodes)
    }
}

/// The path data of each class over every frame, and the counts the legend shows.
struct ClassPaths {
    /// Path data (UTF-8) of each class, of the unreachable areas, of those without a value and
    /// of those whose value is secret.
    var byClass: [[UInt8]]
    var unreachable: [UInt8] = [], missing: [UInt8] = [], secret: [UInt8] = []
    var counts: [Int]
    var unreachableCount = 0, missingCount = 0, secretCount = 0

    init(classes: Int) {
        byClass = Array(repeating: [], count: classes)
        counts = Array(repeating: 0, count: classes)
    }

    /// Adds the polygons' path data: chunks of polygons are encoded in parallel and their paths
    /// appended in order, so the text is the same as one pass would write.
    mutating func add(_ polygons: [Geometry], values: [Double?], unreachable flags: [Bool], secret hidden: [Bool], breaks: [Double], encoder: PathEncoder) {
        let chunk = 1024
        guard polygons.count > chunk else {
            return addInOrder(polygons[...], values: values, unreachable: flags, secret: hidden, breaks: breaks, encoder: encoder)
        }
        let classes = byClass.count
        let parts = stride(from: 0, to: polygons.count, by: chunk).map { $0..<min($0 + chunk, polygons.count) }.concurrentMap { range in
            var part = ClassPaths(classes: classes)
            part.addInOrder(polygons[range], values: values, unreachable: flags, secret: hidden, breaks: breaks, encoder: encoder)
            return part
        }
        for result in parts {
            guard case .success(let part) = result else { continue }  // the closure does not throw
            for c in byClass.indices {
                byClass[c] += part.byClass[c]
                counts[c] += part.counts[c]
            }
            unreachable += part.unreachable
            missing += part.missing
            secret += part.secret
            unreachableCount += part.unreachableCount
            missingCount += part.missingCount
            secretCount += part.secretCount
        }
    }

    private mutating func addInOrder(_ polygons: ArraySlice<Geometry>, values: [Double?], unreachable flags: [Bool], secret hidden: [Bool],
                                     breaks: [Double], encoder: PathEncoder) {
        for (i, g) in zip(polygons.indices, polygons) {
            if let c = Classification.index(of: values[i], breaks: breaks) {
                encoder.append(g, to: &byClass[c])
                counts[c] += 1
            } else if flags[i] {
                encoder.append(g, to: &unreachable)
                unreachableCount += 1
            } else if hidden[i] {
                encoder.append(g, to: &secret)
                secretCount += 1
            } else {
                encoder.append(g, to: &missing)
                missingCount += 1
            }
        }
    }
}
