import Foundation
import Testing

/// Renders an SVG with a real renderer, `rsvg-convert` (Debian's librsvg2-bin, installed by
/// scripts/setup), next to it as PNG; records an issue when the renderer fails. Returns the PNG's
/// size, or nil (with a NOTICE) when the renderer is absent.
public enum SVGRenderer {
    public static func render(_ svg: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert") else {
            print("NOTICE: rsvg-convert is absent (Debian librsvg2-bin): SVG rendering not checked")
            return nil
        }
        let png = svg.deletingPathExtension().appendingPathExtension("png")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/rsvg-convert")
        p.arguments = [svg.path, "-o", png.path]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus != 0 { Issue.record("rsvg-convert failed on \(svg.lastPathComponent): \(message)", sourceLocation: sourceLocation) }
        return (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
    }
}
