import Foundation
import GeoCore

/// The inputs of a study that do not depend on the communes — the commune history, the
/// population table, the site files, the territories — read on another thread while the commune
/// files are read (``readInBackground(_:)``): a national study's communes keep both cores busy
/// but for the tail of the last files, and these smaller reads fill it. Each read keeps its own
/// error, so that the loader throws them in the order the sequential loader met them, after any
/// error of the communes themselves.
struct SideInputs: Sendable {
    var history: Result<CommuneHistory?, any Error>
    var population: Result<PopulationTable, any Error>?
    var sites: [Result<SiteTable.Result, any Error>]
    var territories: Result<[Territory], any Error>?

    /// Reads them on this thread.
    init(_ sources: StudySources) {
        history = Result { try sources.history.map { try CommuneHistory.read(contentsOf: $0, since: sources.historySince) } }
        population = sources.population.map { url in
            Result { try PopulationTable.read(url, key: sources.populationKey, field: sources.populationField) }
        }
        sites = sources.sites.map { source in
            Result { try SiteTable.read(source.url, kind: source.kind, crs: sources.sitesCRS, schema: sources.siteSchema) }
        }
        territories = sources.territories.map { url in Result { try TerritoryTable.read(url) } }
    }

    /// Starts reading them on another thread; the value never fails (the errors are in its fields).
    static func readInBackground(_ sources: StudySources) -> Background<SideInputs> {
        Background { SideInputs(sources) }
    }
}
