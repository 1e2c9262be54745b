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
        // Each chunk's texts are encoded into buffers kept from one round to the next: no
        // allocation (nor page faults of fresh memory) per chunk after the first round.
        var buffers = [[[UInt8]]](repeating: [[UInt8]](repeating: [], count: writers.count), count: chunksInFlight)
        var start = 0
        while start < count {
            let end = min(count, start + chunkSize * chunksInFlight)
            let firsts = writers.map { $0.featureCount == 0 ? start : -1 }
            let chunks = stride(from: start, to: end, by: chunkSize).map { $0..<min($0 + chunkSize, end) }
            buffers.concurrentFill(iterations: chunks.count) { k, slots in
                var outs = slots[k]
                slots[k] = []  // `outs` the only reference: its buffers are reused, not copied
                var shape: [UInt8] = []
                for w in outs.indices { outs[w].removeAll(keepingCapacity: true) }
                for i in chunks[k] {
                    shape.removeAll(keepingCapacity: true)
                    if let g = geometry(i) { appendGeometry(g, precision: precision, to: &shape) } else { shape.append(contentsOf: "null".utf8) }
                    for w in outs.indices {
                        if i != firsts[w] { outs[w].append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
                        appendFeatureOpening(id: nil, properties: properties[w](i), to: &outs[w])
                        outs[w].append(contentsOf: shape)
                        outs[w].append(UInt8(ascii: "}"))
                    }
                }
                slots[k] = outs
            }
            for (w, writer) in writers.enumerated() {
                for k in chunks.indices { try writer.append(encoded: buffers[k][w]) }
                writer.featureCount += end - start
            }
            start = end
        }
    }

    /// Adds already encoded features to the buffer (flushed every MiB), or hands a MiB or more
    /// straight to the file when the buffer is empty; the caller counts them.
    func append(encoded bytes: [UInt8]) throws {
        if buffer.isEmpty && bytes.count >= 1 << 20 { return try output.write(bytes) }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 {
            try output.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
