import Foundation

/// Reading an input file's bytes: memory-mapped (large layers are not copied), and a failure
/// is an ``InputError`` naming the file.
public enum InputFile {
    public static func mapped(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw InputError(file: url.relativePath, message: "cannot read the file: \(error.localizedDescription)")
        }
    }
}
