import Foundation
import GeoCore

/// A whole JSON document (RFC 8259) read into `PropertyValue`s with GeoIO's scanner: the same
/// error messages (file, line, column) as the GeoJSON reader, and no Foundation bridging.
/// For small side files (territory member lists); layers are streamed by ``GeoJSONReader``.
package enum JSONDocument {
    package static func read(contentsOf url: URL) throws -> PropertyValue {
        let data = try InputFile.mapped(url)
        return try read(data: data, file: url.relativePath)
    }

    /// Reads a document held in memory; `file` names it in messages.
    package static func read(data: Data, file: String) throws -> PropertyValue {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress, raw.count > 0 else { throw InputError(file: file, message: "the file is empty") }
            var scanner = JSONScanner(bytes: base.assumingMemoryBound(to: UInt8.self), count: raw.count, file: file)
            let value = try scanner.parseValue()
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.error("unexpected text after the JSON value") }
            return value
        }
    }
}
