import Dispatch
import Foundation
import GeoCore
import Synchronization

/// The inputs of a study that do not depend on the communes — the commune history, the
/// population table, the site files, the territories — read on another thread while the commune files are
/// read: a national study's communes keep both cores busy but for the tail of the last files,
/// and these smaller reads fill it. Errors are thrown by ``wait()`` in the order the sequential
/// loader met them, after any error of the communes themselves.
final class SideInputs: Sendable {
    struct Values: Sendable {
        var history: Result<CommuneHistory?, any Error>
        var population: Result<PopulationTable, any Error>?
        var sites: [Result<SiteTable.Result, any Error>]
        var territories: Result<[Territory], any Error>?
    }

    private let done = DispatchSemaphore(value: 0)
    private let values = Mutex<Values?>(nil)

    init(_ sources: StudySources) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let history = Result { try sources.history.map { try CommuneHistory.read(contentsOf: $0, since: sources.historySince) } }
            let population = sources.population.map { url in Result { try PopulationTable.read(url, key: sources.populationKey, field: sources.populationField) } }
            let sites = sources.sites.map { source in
                Result { try SiteTable.read(source.url, kind: source.kind, crs: sources.sitesCRS, schema: sources.siteSchema) }
            }
            let territories = sources.territories.map { url in Result { try TerritoryTable.read(url) } }
            values.withLock { $0 = Values(history: history, population: population, sites: sites, territories: territories) }
            done.signal()
        }
    }

    /// The values, once read (blocks until then); may be called again.
    func wait() -> Values {
        done.wait()
        done.signal()
        return values.withLock { $0! }
    }
}
