import ArgumentParser
import Cartography

extension MapLabels.Language: ExpressibleByArgument {}

/// `--lang`: the language of the words a command draws or writes (maps, charts, the report).
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of the words of maps, charts and the report.")
    var lang: MapLabels.Language = .fr

    /// The words in that language.
    var labels: MapLabels { MapLabels(lang) }
}
