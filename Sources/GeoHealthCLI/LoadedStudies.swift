import GeoCore
import GeoHealthKit
import Synchronization

/// The studies `geohealth run` has loaded, by their inputs (``StudySources/loadingKey``): each
/// distinct set of inputs is read once, and every analysis of the study file that reads the
/// same inputs gets that study (a value: no analysis can change another's). Bound for the whole
/// run (``current``); a command run alone loads its study itself.
final class LoadedStudies: Sendable {
    /// The studies of the run being made; nil when a command runs alone.
    @TaskLocal static var current: LoadedStudies?

    /// A loaded study and the metric CRS its measures ahead were computed in.
    private struct Entry: Sendable {
        var loaded: StudyLoader.Loaded
        var metricCRS: CRS?
    }

    private let entries = Mutex<[[String]: Entry]>([:])
    /// Per set of inputs, how many analyses still read it (``StudyRunner/plannedLoads()``): a
    /// study is dropped after its last reader, so a run holds only the studies still to be
    /// read. Inputs the plan did not count are kept to the end.
    private let remaining: Mutex<[[String]: Int]>
    private let loads = Mutex(0)

    /// Shares studies between analyses, `uses` saying how many read each set of inputs.
    init(uses: [[String]: Int] = [:]) {
        remaining = Mutex(uses)
    }

    /// How many studies were read from their files (the others were shared).
    var loadCount: Int { loads.withLock { $0 } }

    /// The study of `sources`: read by ``StudyLoader/load(_:)`` the first time, shared after.
    /// Run alone (no ``current``), simply read. The measures computed ahead
    /// (``StudySources/measureAhead``) are handed on only to a caller that asks for them in the
    /// same metric CRS; any other gets none and measures what it needs itself. The projected
    /// polygons (``StudySources/projectAhead``) go to the first reader only: a run does not
    /// hold a second copy of the polygons for its later analyses.
    static func load(_ sources: StudySources) throws -> StudyLoader.Loaded {
        guard let studies = current else { return try StudyLoader.load(sources) }
        return try studies.load(sources)
    }

    private func load(_ sources: StudySources) throws -> StudyLoader.Loaded {
        let key = sources.loadingKey
        let last = remaining.withLock { counts -> Bool in
            guard let n = counts[key] else { return false }
            counts[key] = n - 1
            return n <= 1
        }
        guard let entry = entries.withLock({ last ? $0.removeValue(forKey: key) : $0[key] }) else {
            let loaded = try StudyLoader.load(sources)
            loads.withLock { $0 += 1 }
            if !last {
                var kept = loaded
                kept.projections = nil
                entries.withLock { $0[key] = Entry(loaded: kept, metricCRS: sources.metricCRS) }
            }
            return loaded
        }
        var loaded = entry.loaded
        if !sources.measureAhead || entry.metricCRS != sources.metricCRS { loaded.measures = nil }
        return loaded
    }
}
