import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

/// The value of `--site-kind` (and `gaps --access-kind`): the site kinds the analysis is about,
/// comma-separated (`msp,hospital`), lower-cased as kinds are read. Registries have categories
/// with commas ("Centre hospitalier, ex Hôpital local"), so the whole value is one kind when the
/// sites have a kind of that name; otherwise its parts are the kinds. Which it is can only be
/// known once the sites are read: ``kinds(among:)`` decides.
///
/// ```swift
/// SiteKindList(argument: "MSP, hospital")!.kinds(among: [])   // [msp, hospital]
/// ```
package struct SiteKindList: ExpressibleByArgument, Sendable, Equatable {
    /// The whole value, trimmed and lower-cased.
    package let whole: SiteKind
    /// Its comma-separated parts, trimmed and lower-cased; never empty, none empty.
    let parts: [SiteKind]

    /// Refuses a value with no kind in it (empty, or only commas and spaces).
    package init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        whole = SiteKind(text)
        self.parts = parts.map { SiteKind($0) }
    }

    package var defaultValueDescription: String { whole.rawValue }

    /// The kinds: the whole value when it is one of `known` (a kind with commas in its name),
    /// otherwise the comma-separated parts.
    package func kinds(among known: Set<SiteKind>) -> [SiteKind] {
        known.contains(whole) ? [whole] : parts
    }

    /// The kinds among those of the study's sites.
    func kinds(in study: Study) -> [SiteKind] {
        kinds(among: Set(study.sites.map(\.kind)))
    }

    /// The one kind of a command that is about one (`site`, `report`, `gaps`, `map`); a usage
    /// error (exit 64) naming the command and the kinds when the value names several.
    package func single(among known: Set<SiteKind>, command: String, option: String = "--site-kind") throws -> SiteKind {
        let kinds = kinds(among: known)
        guard kinds.count == 1 else {
            let names = kinds.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("\(command) is about one site kind: \(option) names \(kinds.count) (\(names)); give one")
        }
        return kinds[0]
    }

    /// ``single(among:command:option:)`` among the kinds of the study's sites.
    func single(in study: Study, command: String) throws -> SiteKind {
        try single(among: Set(study.sites.map(\.kind)), command: command)
    }
}
