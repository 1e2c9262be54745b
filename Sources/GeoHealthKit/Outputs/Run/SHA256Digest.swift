import Crypto
import GeoIO

/// SHA-256 (FIPS 180-4, by swift-crypto) as a ``GeoIO/StreamingDigest``: the digest of the
/// provenance's files, fed in any pieces — the result is that of the whole bytes at once.
struct SHA256Digest: StreamingDigest {
    private var hasher = SHA256()

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    func hex() -> String {
        Self.hex(hasher.finalize())
    }

    /// Lowercase hexadecimal, two digits a byte.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(2 * SHA256.byteCount)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
