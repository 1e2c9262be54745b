import Foundation
import GeoCore

extension GeoJSONWriter {
    /// Writes `count` features to each of `writers`, feature `i` of writer `w` having the
    /// properties `properties[w](i)` and the geometry `geometry(i)`: several tables of the same
    /// polygons (a report's travel and access layers). Each file gets the bytes that
    /// ``write(count:_:)`` would give it, but each geometry is encoded once for all the files,
    /// chunk by chunk on all cores, so no more than ``chunksInFlight`` chunks are held at once.
    /// - Precondition: one properties function per writer, and the writers share a precision.
    package static func write(
        _ writers: [GeoJSONWriter], count: Int, geometry: @Sendable (Int) -> Geometry?, properties: [@Sendable (Int) -> Properties]
    ) throws {
        precondition(writers.count == properties.count, "one properties function per writer")
        guard let precision = writers.first?.precision else { return }
        precondition(writers.allSatisfy { $0.precision == precision }, "writers sharing geometries share a precision")
        var start = 0
        while start < count {
            let end = min(count, start + chunkSize * chunksInFlight)
            let firsts = writers.map { $0.featureCount == 0 ? start : -1 }
            let chunks = stride(from: start, to: end, by: chunkSize).map { $0..<min($0 + chunkSize, end) }
            let encoded = [[[UInt8]]](concurrentCount: chunks.count) { k in
                var outs = [[UInt8]](repeating: [], count: properties.count)
                var shape: [UInt8] = []
                for i in chunks[k] {
                    shape.removeAll(keepingCapacity: true)
                    if let g = geometry(i) { appendGeometry(g, precision: precision, to: &shape) } else { shape.append(contentsOf: Array("null".utf8)) }
                    for w in outs.indices {
                        if i != firsts[w] { outs[w].append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
                        appendFeatureOpening(id: nil, properties: properties[w](i), to: &outs[w])
                        outs[w].append(contentsOf: shape)
                        outs[w].append(UInt8(ascii: "}"))
                    }
                }
                return outs
            }
            for (w, writer) in writers.enumerated() {
                for chunk in encoded { try writer.append(encoded: chunk[w]) }
                writer.featureCount += end - start
            }
            start = end
        }
    }

    /// Adds already encoded features to the buffer (flushed every MiB); the caller counts them.
    func append(encoded bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 {
            try output.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
