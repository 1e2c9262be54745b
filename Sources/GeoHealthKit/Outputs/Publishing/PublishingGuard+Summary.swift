import GeoCore

extension PublishingGuard {
    /// `summary` fit for publication beside a guarded table (`report`, from
    /// ``guarded(_:groupBy:)``), with a `secrecy` section saying what was hidden:
    /// - every count of people (`population`, `population_…`) under the rule's threshold is null,
    ///   with the shares beside it (`share`, `NAME_share`), which would give it back;
    /// - in a list of groups (objects with a `group`), a count never has exactly one positive
    ///   value hidden: the smallest positive other one is hidden too (the list's total is published);
    /// - the population of the groups (objects with a `group`) and territories (with a
    ///   `territory`) whose total the table's rule hides, and the total population when it
    ///   hides it, are null.
    public func guarded(_ summary: Summary, report: SecrecyReport) -> (summary: Summary, report: SecrecyReport) {
        var out = summary, report = report, hidden = 0
        let totals = Set(report.groupTotalsHidden.map { "group:" + $0 } + report.territoryTotalsHidden.map { "territory:" + $0 })
        out.root = guardObject(summary.root, hiddenGroups: totals, hidden: &hidden)
        if report.grandTotalHidden, out["population"] != nil {
            out["population"] = .null
            hidden += 1
        }
        report.summaryValuesHidden = hidden
        out["secrecy"] = Self.section(report)
        return (out, report)
    }

    /// Whether a summary key is a count of people.
    static func isPeopleCount(_ key: String) -> Bool {
        (key == "population" || key.hasPrefix("population_")) && !Summary.isShare(key)
    }

    /// `object` guarded; `hiddenGroups` holds `group:ID` and `territory:ID` of the hidden totals.
    private func guardObject(_ object: Properties, hiddenGroups: Set<String>, hidden: inout Int) -> Properties {
        var p = object
        let inHiddenGroup = ["group", "territory"].contains { key in object[key]?.stringValue.map { hiddenGroups.contains(key + ":" + $0) } ?? false }
        for (key, value) in object {
            switch value {
            case .number(let d) where Self.isPeopleCount(key):
                guard rule.isSecret(d, unit: .people) || (inHiddenGroup && key == "population") else { continue }
                Self.hide(key, in: &p, hidden: &hidden)
            case .object(let inner):
                p[key] = .object(guardObject(inner, hiddenGroups: hiddenGroups, hidden: &hidden))
            case .array(let items):
                p[key] = .array(guardList(items, hiddenGroups: hiddenGroups, hidden: &hidden))
            default: continue
            }
        }
        return p
    }

    /// The items of a list guarded one by one, then, in a list of groups, the secondary rule per count.
    private func guardList(_ items: [PropertyValue], hiddenGroups: Set<String>, hidden: inout Int) -> [PropertyValue] {
        var out = items.map { item -> PropertyValue in
            guard case .object(let inner) = item else { return item }
            return .object(guardObject(inner, hiddenGroups: hiddenGroups, hidden: &hidden))
        }
        let objects = out.compactMap(Self.object).filter { $0["group"] != nil }
        guard objects.count == items.count, objects.count > 1 else { return out }
        for key in Set(objects.flatMap(\.keys)).sorted() where Self.isPeopleCount(key) {
            let before = items.map { Self.object($0)?[key]?.doubleValue ?? 0 }
            let after = out.map { Self.object($0)?[key]?.doubleValue }
            let lone = before.indices.filter { before[$0] > 0 && after[$0] == nil }
            guard lone.count == 1 else { continue }
            let shown = before.indices.filter { before[$0] > 0 && after[$0] != nil }.sorted { (before[$0], $0) < (before[$1], $1) }
            guard let next = shown.first, case .object(var o) = out[next] else { continue }
            Self.hide(key, in: &o, hidden: &hidden)
            out[next] = .object(o)
        }
        return out
    }

    private static func object(_ value: PropertyValue) -> Properties? {
        guard case .object(let o) = value else { return nil }
        return o
    }

    /// Sets `key` to null in `object`, with the shares beside it.
    private static func hide(_ key: String, in object: inout Properties, hidden: inout Int) {
        object[key] = .null
        hidden += 1
        for share in ["share", key + "_share"] where object[share]?.doubleValue != nil {
            object[share] = .null
            hidden += 1
        }
    }

    /// The summary's `secrecy` section.
    package static func section(_ report: SecrecyReport) -> PropertyValue {
        .object(Properties([
            ("method", .string("suppress")),
            ("min_people", .int(report.rule.minimumPeople)),
            ("min_practitioners", .int(report.rule.minimumContributors)),
            ("cells_suppressed", .object(Properties([("primary", .int(report.cells(.primary))), ("secondary", .int(report.cells(.secondary)))]))),
            ("columns", .rows(report.columns) { c in
                [("column", .string(c.name)), ("unit", .string(c.unit == .people ? "people" : "practitioners_or_sites")),
                 ("primary", .int(c.primary)), ("secondary", .int(c.secondary))]
            }),
            ("group_totals_suppressed", .strings(report.groupTotalsHidden)),
            ("territory_totals_suppressed", .strings(report.territoryTotalsHidden)),
            ("total_population_suppressed", .bool(report.grandTotalHidden)),
            ("summary_values_suppressed", .int(report.summaryValuesHidden)),
        ]))
    }
}
