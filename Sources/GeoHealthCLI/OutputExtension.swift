import ArgumentParser

/// The formats an output option writes, known by the file's extension: checked in
/// `validate()` so that a missing or unsupported extension (`--out x.txt`, `--out x`) is a
/// usage error (exit 64) on every command, before any input is read.
enum OutputExtension {
    static let table = ["csv", "geojson", "json", "gpkg", "xlsx"]
    static let geojson = ["geojson", "json"]
    static let csv = ["csv"]
    static let svg = ["svg"]

    /// Throws a `ValidationError` naming the option and the extensions it takes when `path`
    /// (if given) ends in none of `extensions` (case ignored).
    static func check(_ path: String?, _ option: String, _ extensions: [String]) throws {
        guard let path else { return }
        let ext = path.split(separator: "/").last.flatMap { name in name.contains(".") ? name.split(separator: ".").last.map(String.init) : nil }?.lowercased()
        guard let ext, extensions.contains(ext) else {
            throw ValidationError("\(option) \(path): write \(extensions.map { "." + $0 }.joined(separator: ", ")) (the extension gives the format)")
        }
    }
}
