import ArgumentParser
import GeoCore
import GeoHealthKit

/// `--secrecy`: how the publishing guard hides what its rule makes secret.
enum SecrecyMethod: String, ExpressibleByArgument, CaseIterable {
    /// Cells under the rule are blanked, with secondary suppression (docs/publishing.md).
    /// Merging a small commune into its group is not implemented.
    case suppress
}

/// The publishing guard (`--publish`, docs/publishing.md): the command's per-commune table, its
/// summary (and the report's text) hide the counts that a statistical-secrecy rule makes secret.
struct PublishingOptions: ParsableArguments {
    @Flag(help: """
        Guard the outputs for publication: counts under --secrecy-min-people people or --secrecy-min-practitioners practitioners/sites are \
        blanked (primary), and so are the cells that would give them back from a published total (secondary); each blanked cell's reason is \
        in a NAME_secret column, and the summary's 'secrecy' section says what was hidden.
        """)
    var publish = false

    @Option(help: "How the guard hides a secret cell: suppress (blank it; merging small communes is not implemented).")
    var secrecy: SecrecyMethod = .suppress

    @Option(help: "With --publish: a positive count of people under this is secret (default: \(SecrecyRule.defaultMinimumPeople), the 'règle des 11').")
    var secrecyMinPeople: Int?

    @Option(help: """
        With --publish: a positive count of practitioners or sites under this is secret (default: \(SecrecyRule.defaultMinimumContributors), \
        INSEE's rule of 3).
        """)
    var secrecyMinPractitioners: Int?

    func validate() throws {
        for (value, flag) in [(secrecyMinPeople, "--secrecy-min-people"), (secrecyMinPractitioners, "--secrecy-min-practitioners")] {
            guard let value else { continue }
            guard publish else { throw ValidationError("\(flag) sets the publishing guard's rule: give it with --publish") }
            guard value >= 1 else { throw ValidationError("\(flag) must be a whole number of at least 1, not \(value)") }
        }
    }

    /// The guard the options ask for; nil without `--publish`.
    var guarding: PublishingGuard? {
        guard publish else { return nil }
        return PublishingGuard(rule: SecrecyRule(minimumPeople: secrecyMinPeople ?? SecrecyRule.defaultMinimumPeople,
                                                 minimumContributors: secrecyMinPractitioners ?? SecrecyRule.defaultMinimumContributors))
    }

    /// Refuses `--publish` with a population grid, whose squares file the guard does not cover.
    func refuse(grid: String?) throws {
        if publish && grid != nil {
            throw ValidationError("--publish does not guard the squares of --population-grid yet: publish the commune table without the grid")
        }
    }

    /// The table and summary to write and print: guarded with `--publish`, else as they are.
    func apply(_ table: CommuneTable, _ summary: Summary, groupBy: String?) -> (CommuneTable, Summary) {
        guard let guarding else { return (table, summary) }
        let (out, report) = guarding.guarded(table, groupBy: groupBy)
        return (out, guarding.guarded(summary, report: report).summary)
    }
}

extension PublishingOptions: StudyFileKeys {
    static let studyFileKeys: Set<String> = ["publish", "secrecy", "secrecy_min_people", "secrecy_min_practitioners"]
}
