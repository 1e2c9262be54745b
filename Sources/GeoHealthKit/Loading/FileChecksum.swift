import Foundation
import GeoIO

/// A fast 64-bit checksum of a file's bytes, to notice that an input changed (not cryptographic).
///
/// The bytes are read in 8 MiB blocks as little-endian 64-bit words w; for each,
/// h = (h ⊕ w) × 0xff51afd7ed558ccd, then h ⊕= h >> 32 (the multiply–xorshift step of
/// MurmurHash3's 64-bit finaliser, A. Appleby); the last 1–7 bytes form a final word, zero-padded;
/// the total length is mixed in and the result goes through MurmurHash3's `fmix64`.
/// Start value 0x9e3779b97f4a7c15 (2⁶⁴ / φ).
/// - Complexity: O(bytes), one pass; memory one block.
package enum FileChecksum {
    /// The checksum of the file at `url`.
    /// - Throws: ``GeoIO/InputError`` naming the file when it is missing or cannot be read.
    package static func of(_ url: URL) throws -> UInt64 {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            let why = FileManager.default.fileExists(atPath: url.path) ? "cannot read the file" : "no such file"
            throw InputError(file: url.relativePath, message: why)
        }
        defer { try? handle.close() }
        var state = State()
        while let block = try handle.read(upToCount: 8 << 20), !block.isEmpty {
            block.withUnsafeBytes { state.add($0) }
        }
        return state.finish()
    }

    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state = State()
        state.add(bytes)
        return state.finish()
    }

    package struct State {
        var h: UInt64 = 0x9e37_79b9_7f4a_7c15
        var length: UInt64 = 0
        var pending: [UInt8] = []

        mutating func mix(_ w: UInt64) {
            h = (h ^ w) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 32
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            length += UInt64(bytes.count)
            var k = 0
            while !pending.isEmpty && k < bytes.count {
                pending.append(bytes[k])
                k += 1
                if pending.count == 8 {
                    mix(Self.word(pending))
                    pending.removeAll()
                }
            }
            while k + 8 <= bytes.count {
                mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self)))
                k += 8
            }
            pending.append(contentsOf: bytes[k...])
        }

        static func word(_ bytes: [UInt8]) -> UInt64 {
            bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }

        mutating func finish() -> UInt64 {
            if !pending.isEmpty { mix(Self.word(pending)) }
            var x = h ^ length
            x ^= x >> 33
            x = x &* 0xff51_afd7_ed55_8ccd
            x ^= x >> 33
            x = x &* 0xc4ce_b9fe_1a85_ec53
            x ^= x >> 33
            return x
        }
    }
}
