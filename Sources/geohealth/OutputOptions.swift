import ArgumentParser
import Foundation
import GeoHealthKit

/// How a command prints its summary: the same two formats for every command.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Print the summary as 'text' (for people) or 'json' (for scripts).")
    var format: SummaryFormat = .text

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func print(_ summary: Summary) {
        guard !quiet else { return }
        Swift.print(format == .json ? summary.json : summary.text(), terminator: "")
    }
}

/// A data error already reported in the output: exit 1 without a second message.
struct DataErrorsReported: Error, CustomStringConvertible {
    var count: Int
    var description: String { "\(count) file(s) could not be read" }
}
