import Foundation

/// Reading an input file's bytes: memory-mapped (large layers are not copied), and a failure
/// is an ``InputError`` naming the file.
package enum InputFile {
    package static func mapped(_ url: URL) throws -> Data {
        // An empty regular file is not handed to Foundation: swift-foundation (Swift 6.3, Linux)
        // leaks a 4 KB buffer for every empty file `Data(contentsOf:)` reads (found by the
        // fuzzer's LeakSanitizer).
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
           attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? NSNumber)?.intValue == 0 {
            return Data()
        }
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw InputError(file: url.relativePath, message: "cannot read the file: \(error.localizedDescription)")
        }
    }
}
