import ArgumentParser
import Foundation
import GeoIO

/// A command that writes files named by its options. Before it runs (``GeoHealth/main()``, and
/// each analysis of `geohealth run`), its output paths are checked together: two options naming
/// one file would leave only the last one written, so they are a usage error naming both; a
/// folder, a symbolic link, a FIFO or a device at an output path is refused
/// (``OutputFile/refuseNonFile(_:)``). Either way nothing has been read or written yet.
protocol WritesFiles {
    /// The output options given, as (flag, path).
    var outputPaths: [(option: String, path: String)] { get }
}

extension WritesFiles {
    /// Throws a `ValidationError` (exit 64) when two output options name the same file, and an
    /// `InputError` (exit 1) when something other than a regular file is at one of them.
    func checkOutputPaths() throws {
        var seen: [String: (option: String, path: String)] = [:]
        for (option, path) in outputPaths {
            let url = URL(fileURLWithPath: path)
            let key = url.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
            if let first = seen[key] {
                throw ValidationError("\(first.option) \(first.path) and \(option) \(path) are the same file: give each output its own path")
            }
            seen[key] = (option, path)
            try OutputFile.refuseNonFile(url)
        }
    }
}

/// The given ones of `options`, as (flag, path).
private func given(_ options: [(String, String?)]) -> [(option: String, path: String)] {
    options.compactMap { option, path in path.map { (option, $0) } }
}

extension StudyCommand: WritesFiles {
    var outputPaths: [(option: String, path: String)] { given([("--out", out)]) }
}

extension Distance: WritesFiles {
    var outputPaths: [(option: String, path: String)] { given([("--out", table.out)]) }
}

extension CoverageCommand: WritesFiles {
    var outputPaths: [(option: String, path: String)] { given([("--out", table.out)]) }
}

extension AccessCommand: WritesFiles {
    var outputPaths: [(option: String, path: String)] { given([("--out", table.out), ("--sites-out", sitesOut)]) }
}

extension InequalityCommand: WritesFiles {
    var outputPaths: [(option: String, path: String)] { given([("--out", out), ("--lorenz-out", lorenzOut)]) }
}

extension GapsCommand: WritesFiles {
    var outputPaths: [(option: String, path: String)] {
        given([("--out", out), ("--csv", csv), ("--communes-out", communesOut), ("--white-zones-out", whiteZonesOut)])
    }
}

extension SiteCommand: WritesFiles {
    var outputPaths: [(option: String, path: String)] { given([("--chart-out", chartOut)]) }
}

extension ZoningCommand: WritesFiles {
    var outputPaths: [(option: String, path: String)] { given([("--out", table.out), ("--map-before", mapBefore), ("--map-after", mapAfter)]) }
}

extension MapCommand: WritesFiles {
    var outputPaths: [(option: String, path: String)] { given([("--out", out)]) }
}

extension ChartCommand: WritesFiles {
    var outputPaths: [(option: String, path: String)] { given([("--out", out)]) }
}
