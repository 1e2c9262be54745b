import GeoCore
import GeoIO

/// The GeoPackage geometry encoding (OGC 12-128r18, §2.1.3 "GeoPackageBinary"): a header
/// (magic `GP`, version 0, flags, srs_id, envelope) followed by the geometry in WKB.
///
/// Flags byte: bit 0 byte order of the header (1 little-endian), bits 1–3 the envelope
/// (0 none, 1 [minx, maxx, miny, maxy], 2 +z, 3 +m, 4 +z+m), bit 4 empty geometry, bit 5
/// extended type (not read). Written: little-endian, xy envelope, empty flag when empty.
package enum GeoPackageBinary {
    static func encode(_ g: Geometry, srsID: Int32) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0]
        let box = g.boundingBox
        let empty = box.isEmpty
        out.append(empty ? 0x11 : 0x03)
        withUnsafeBytes(of: srsID.littleEndian) { out.append(contentsOf: $0) }
        if !empty {
            for v in [box.minX, box.maxX, box.minY, box.maxY] { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        }
        out += WKB.encode(g)
        return out
    }

    package struct Decoded {
        package var srsID: Int32
        package var geometry: Geometry?
    }

    /// The geometry of a blob: its header checked (magic, envelope indicator 0–4, envelope within
    /// the blob), then the WKB, whose counts are bounded by the bytes that remain (``WKB``).
    package static func decode(_ blob: [UInt8]) throws -> Decoded {
        guard blob.count >= 8, blob[0] == 0x47, blob[1] == 0x50 else {
            throw WKB.Error(description: "not a GeoPackage geometry (no 'GP' header)")
        }
        let flags = blob[3]
        let little = flags & 1 == 1
        var srs: UInt32 = 0
        for i in 0..<4 { srs |= UInt32(blob[4 + i]) << (8 * (little ? i : 3 - i)) }
        let indicator = Int((flags >> 1) & 7)
        guard indicator <= 4 else { throw WKB.Error(description: "GeoPackage geometry envelope indicator \(indicator) is not defined (0–4)") }
        let envelopeDoubles = [0, 4, 6, 6, 8][indicator]
        let start = 8 + 8 * envelopeDoubles
        guard start <= blob.count else { throw WKB.Error(description: "GeoPackage geometry header longer than the blob") }
        if flags & 0x10 != 0 && start == blob.count { return Decoded(srsID: Int32(bitPattern: srs), geometry: nil) }
        return Decoded(srsID: Int32(bitPattern: srs), geometry: try WKB.decode(blob, offset: start))
    }
}
