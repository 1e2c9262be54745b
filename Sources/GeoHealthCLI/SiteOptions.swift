import ArgumentParser
import GeoCore
import GeoHealthKit

/// `--site-kind`: the site kinds the analysis is about (``SiteKindList``), one value type and one
/// parsing rule in every command; what the kinds are for, and what not giving them means, is the
/// command's (``SiteKindUse``), said in its help. Commands about several kinds take every kind
/// when it is not given (`access`, `coverage`, `distance`); commands about one kind (`site`,
/// `report`, the travel rule of `gaps`, the sites drawn by `map`) refuse a list of several, and
/// `site` and `report` need it (their `validate()`).
struct SiteOptions<Use: SiteKindUse>: ParsableArguments {
    @Option(help: ArgumentHelp(Use.help, valueName: Use.valueName))
    var siteKind: SiteKindList?

    init() {}

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

/// What a command's `--site-kind` means: its help, the kinds' use and the default.
protocol SiteKindUse {
    static var help: String { get }
    /// The value's name in the help: `kinds`, or `kind` for a command about one.
    static var valueName: String { get }
}

extension SiteKindUse {
    static var valueName: String { "kinds" }
}

/// How a value names kinds, the end of every `--site-kind` help.
private let kindsForm = "comma-separated (e.g. msp,hospital); a kind whose name has commas is taken whole when the sites have it"

/// `access`: the kinds whose sites supply.
enum SupplyingKinds: SiteKindUse {
    static let help = "Site kinds that supply, \(kindsForm) (default: every kind)."
}

/// `coverage`: the kinds whose sites have catchments.
enum CatchmentKinds: SiteKindUse {
    static let help = "Catchments: site kinds, \(kindsForm) (default: every kind)."
}

/// `distance`: the kinds whose nearest site is timed, each its own column.
enum TravelledKinds: SiteKindUse {
    static let help = "Only these site kinds, \(kindsForm) (default: every kind present)."
}

/// `gaps`: the one kind of the travel rule.
enum TimedKind: SiteKindUse {
    static let valueName = "kind"
    static let help = "Travel rule: the kind of site whose nearest one is timed (one kind; needed by --minutes-above)."
}

/// `site`: the one kind of the sites added.
enum AddedKind: SiteKindUse {
    static let valueName = "kind"
    static let help = "The kind of site to add (msp, hospital, …): required, one kind."
}

/// `report`: the one kind the report is about.
enum ReportedKind: SiteKindUse {
    static let valueName = "kind"
    static let help = "The kind of site the report is about: required, one kind."
}

/// `map`: the one kind of the sites drawn.
enum DrawnKind: SiteKindUse {
    static let valueName = "kind"
    static let help = "Only sites of this kind (one kind; also the kind of rows without one)."
}
