import ArgumentParser
import GeoCore
import GeoHealthKit

/// `--site-kind`, with one meaning in every command: the site kinds the analysis is about
/// (``SiteKindList``). Commands about several kinds take every kind when it is not given
/// (`access`, `coverage`, `distance`); commands about one kind (`site`, `report`, the travel
/// rule of `gaps`, the sites drawn by `map`) refuse a list of several, and `site` and `report`
/// need it (their `validate()`).
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The site kinds the analysis is about, comma-separated (e.g. msp,hospital; a kind whose name has commas is taken whole when the sites have it); "
            + "site, report, gaps and map take one.",
        valueName: "kinds"))
    var siteKind: SiteKindList?

    /// The kinds among the study's sites, or nil (every kind) when not given.
    func kinds(in study: Study) -> [SiteKind]? {
        siteKind?.kinds(in: study)
    }

    /// The one kind of a command about one, or nil when not given.
    func single(in study: Study, command: String) throws -> SiteKind? {
        try siteKind?.single(in: study, command: command)
    }

    /// Throws the usage error of a command that needs `--site-kind` (what it is used for).
    func require(_ command: String, for use: String) throws {
        guard siteKind == nil else { return }
        throw ValidationError("\(command) needs --site-kind: \(use)")
    }
}
