import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import Testing

/// The provenance's SHA-256 of an output hashed as it is written (`Provenance.hashOutputsAsWritten`,
/// `FileDigests`): equal to `sha256sum` of the file and to the file read back, whatever the
/// pieces it was written in; forgotten as soon as the file changes.
@Suite struct OutputDigestTests {
    /// `sha256sum FILE`'s digest (coreutils: an oracle independent of swift-crypto).
    static func sha256sum(_ url: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum", url.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: out, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    /// Sizes around SHA-256's 64-byte blocks and OutputFile's 1 MiB flushes, then random ones;
    /// each written in random pieces.
    @Test func anOutputHashedAsWrittenHasTheDigestOfItsBytes() throws {
        Provenance.hashOutputsAsWritten()
        let seed = UInt64(Date().timeIntervalSince1970)
        print("OutputDigestTests.anOutputHashedAsWrittenHasTheDigestOfItsBytes seed \(seed)")
        var rng = SeededGenerator(seed: seed)
        let sizes = [0, 1, 55, 56, 63, 64, 65, 127, 128, (1 << 20) - 1, 1 << 20, (1 << 20) + 1]
            + (0..<8).map { _ in Int(rng.nextUnit() * 2_500_000) }
        try Fixtures.withTemporaryDirectory { dir in
            for (k, size) in sizes.enumerated() {
                let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: Int(rng.nextUnit() * 256)) }
                let url = dir.appendingPathComponent("out-\(k).bin")
                let file = try OutputFile(url)
                var start = 0
                while start < size {  // pieces of 1 byte to 1.5 MiB, most of them small
                    let piece = min(size - start, 1 + Int(pow(rng.nextUnit(), 3) * 1_500_000))
                    try file.write(Array(bytes[start..<start + piece]))
                    start += piece
                }
                try file.commit()
                let known = try #require(FileDigests.known(url), "size \(size)")
                #expect(known.bytes == size)
                #expect(known.hex == (try Self.sha256sum(url)), "size \(size)")
                // The same bytes under another name are read, not known: the same digest.
                let copy = dir.appendingPathComponent("copy-\(k).bin")
                try FileManager.default.copyItem(at: url, to: copy)
                #expect(FileDigests.known(copy) == nil)
                #expect(try Provenance.sha256(copy) == known)
            }
        }
    }

    /// A file appended to, rewritten with as many bytes, or replaced by a rename after it was
    /// written is read again.
    @Test func aChangedOutputIsReadAgain() throws {
        Provenance.hashOutputsAsWritten()
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("table.csv")
            try OutputFile.write(Array("a,b\n1,2\n".utf8), to: url)
            #expect(FileDigests.known(url) != nil)

            let h = try FileHandle(forWritingTo: url)
            try h.seekToEnd()
            try h.write(contentsOf: Data("3,4\n".utf8))
            try h.close()
            #expect(FileDigests.known(url) == nil)
            #expect(try Provenance.sha256(url).hex == (try Self.sha256sum(url)))

            try OutputFile.write(Array("a,b\n1,2\n".utf8), to: url)
            let before = try #require(FileDigests.known(url))
            try Data("a,b\n9,9\n".utf8).write(to: url)  // same size, new inode
            #expect(FileDigests.known(url) == nil)
            #expect(try Provenance.sha256(url).hex != before.hex)
        }
    }

    /// A digest taken by reading a file is remembered only when the file had not changed for a
    /// second before it was read (no change in the same tick of the clock can then be missed),
    /// and is forgotten when the file changes, even to bytes of the same size.
    @Test func aReadDigestIsRememberedOnlyForASettledFile() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("map.svg")
            try Data("<svg/>".utf8).write(to: url)
            let hex = try Self.sha256sum(url)
            let fingerprint = try #require(FileFingerprint(url))
            FileDigests.recordSettled(url, hex: hex, bytes: 6, fingerprint: fingerprint, hashedAt: Date())
            #expect(FileDigests.known(url) == nil)  // written just now: not settled
            FileDigests.recordSettled(url, hex: hex, bytes: 5, fingerprint: fingerprint, hashedAt: Date(timeIntervalSinceNow: 5))
            #expect(FileDigests.known(url) == nil)  // not the size read
            FileDigests.recordSettled(url, hex: hex, bytes: 6, fingerprint: fingerprint, hashedAt: Date(timeIntervalSinceNow: 5))
            #expect(FileDigests.known(url)?.hex == hex)

            usleep(20_000)  // past a tick of the file system's clock (≤ 10 ms), as a settled file is
            let h = try FileHandle(forWritingTo: url)
            try h.write(contentsOf: Data("<SVG/>".utf8))
            try h.close()
            #expect(FileDigests.known(url) == nil)
            #expect(try Provenance.sha256(url).hex == (try Self.sha256sum(url)))
        }
    }
}
