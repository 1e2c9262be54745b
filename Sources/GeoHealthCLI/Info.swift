import ArgumentParser
import Foundation
import GeoHealthKit

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what a GeoJSON layer or CSV table holds, and what is wrong with it.",
        discussion: """
            Reports the feature count, geometry types, bounding box, CRS (declared or guessed), the metric CRS GeoHealth would use, every field with \
            its types and examples, null, empty and invalid geometries (with the GEOS reason) and repeated ids. Several files are read in parallel.

            Examples:
              geohealth info geodata/communes.geojson
              geohealth info geodata/sites.csv --format json
              geohealth info ../shared/geodata-real/communes/*.geojson --format json
            """)

    @Argument(help: "GeoJSON (.geojson, .json) or CSV (.csv, .tsv, .txt) files.")
    var files: [String]

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    func run() throws {
        output.showProgress()
        let urls = files.map { URL(fileURLWithPath: $0) }
        let results = LayerInfo.describeAll(urls)
        var failures = 0
        var summaries: [Summary] = []
        for (url, result) in zip(urls, results) {
            switch result {
            case .success(let summary): summaries.append(summary)
            case .failure(let error):
                failures += 1
                summaries.append(Summary([("file", .string(url.path)), ("error", .string(String(describing: error)))]))
                if output.quiet || output.format == .text { FileHandle.standardError.write(Data("Error: \(error)\n".utf8)) }
            }
        }
        // One layout whatever the number of files; a failed file is in the JSON with its
        // error, and on stderr for people.
        if failures == 0 || output.format == .json || summaries.count > 1 { output.print(LayerInfo.combine(summaries), command: "info") }
        if failures > 0 { throw ExitCode.failure }
    }
}
