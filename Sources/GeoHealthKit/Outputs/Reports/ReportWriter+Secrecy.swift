import GeoCore

/// The publishing guard in the report (``StudyReport/Options/publishing``): its tables are
/// guarded as the commands' are, its counts of people under the threshold are not printed
/// (``ReportWriter/people(_:)``), and a closing section says what was hidden.
extension ReportWriter {
    /// `table` guarded when the report publishes (grouped as the analyses are), what it hid
    /// added to ``secrecy`` under the names `file: column`; else `table` as it is.
    mutating func guarded(_ table: CommuneTable, file: String) -> CommuneTable {
        guard let publishing = options.publishing else { return table }
        let (out, hidden) = publishing.guarded(table, groupBy: options.groupBy)
        var total = secrecy ?? SecrecyReport(rule: publishing.rule)
        total.columns += hidden.columns.map { var c = $0; c.name = "\(file): \(c.name)"; return c }
        total.groupTotalsHidden = Array(Set(total.groupTotalsHidden + hidden.groupTotalsHidden)).sorted()
        total.grandTotalHidden = total.grandTotalHidden || hidden.grandTotalHidden
        secrecy = total
        if let reason = out.columns.firstIndex(of: "population" + PublishingGuard.reasonSuffix), let code = out.columns.firstIndex(of: "code") {
            hiddenPopulations.formUnion(out.rows.filter { $0[reason] != .null }.compactMap { $0[code].stringValue })
        }
        return out
    }

    /// The gap zones' table, guarded when the report publishes: a zone's population under the
    /// threshold is hidden (`primary`), and so is one whose single hidden commune its total
    /// would give back (`secondary`, ``zonePopulation(_:of:)``); the zones have no published total.
    mutating func guardedZones(_ gaps: GapsAnalysis) -> CommuneTable {
        guardedZoneTable(gaps.zoneTable, zones: gaps.zones, of: gaps, files: "gaps.csv, gaps.geojson")
    }

    /// A table of `zones` (gap zones, or robust ones) guarded as ``guardedZones(_:)`` says; its
    /// robust population, when it has one, hidden under the threshold (`primary`), and when it
    /// would give back one hidden commune (`secondary`): one of the zone's robust communes has
    /// its population hidden, or, the zone's population being published, one of the others
    /// (the zone's population minus the robust one is theirs).
    mutating func guardedZoneTable(_ zoneTable: CommuneTable, zones: [GapsAnalysis.Zone], of gaps: GapsAnalysis, files: String) -> CommuneTable {
        var table = zoneTable
        guard let publishing = options.publishing, let p = table.columns.firstIndex(of: "population") else { return table }
        let reasons: [PropertyValue] = table.rows.indices.map { k in
            let people = table.rows[k][p].doubleValue ?? 0
            if publishing.rule.isSecret(people, unit: .people) { return .string(SuppressionReason.primary.rawValue) }
            return zonePopulation(zones[k], of: gaps) == text.secretComplement ? .string(SuppressionReason.secondary.rawValue) : .null
        }
        table.columns.insert("population" + PublishingGuard.reasonSuffix, at: p + 1)
        for k in table.rows.indices {
            if reasons[k] != .null { table.rows[k][p] = .null }
            table.rows[k].insert(reasons[k], at: p + 1)
        }
        let count = { (r: SuppressionReason) in reasons.filter { $0 == .string(r.rawValue) }.count }
        secrecy?.columns.append(.init(name: "\(files): population", unit: .people, primary: count(.primary), secondary: count(.secondary)))
        if let r = table.columns.firstIndex(of: "robust_population"), let robust = gaps.uncertainty?.robust {
            let robustReasons: [PropertyValue] = table.rows.indices.map { k in
                if publishing.rule.isSecret(table.rows[k][r].doubleValue ?? 0, unit: .people) { return .string(SuppressionReason.primary.rawValue) }
                let (inside, outside) = (zones[k].communes.filter { robust[$0] }, zones[k].communes.filter { !robust[$0] })
                let gives = hiddenPopulationCount(inside, of: gaps) == 1 || (reasons[k] == .null && hiddenPopulationCount(outside, of: gaps) == 1)
                return gives ? .string(SuppressionReason.secondary.rawValue) : .null
            }
            table.columns.insert("robust_population" + PublishingGuard.reasonSuffix, at: r + 1)
            for k in table.rows.indices {
                if robustReasons[k] != .null { table.rows[k][r] = .null }
                table.rows[k].insert(robustReasons[k], at: r + 1)
            }
            let hidden = { (r: SuppressionReason) in robustReasons.filter { $0 == .string(r.rawValue) }.count }
            secrecy?.columns.append(.init(name: "\(files): robust_population", unit: .people, primary: hidden(.primary), secondary: hidden(.secondary)))
        }
        return table
    }

    /// A gap zone's population: "secret (< 11)" when the rule hides it, "secret (complement)"
    /// when exactly one of its communes has its population hidden in the tables (the zone's
    /// total minus its other communes would give it back).
    func zonePopulation(_ zone: GapsAnalysis.Zone, of gaps: GapsAnalysis) -> String {
        guard options.publishing != nil, hiddenPopulationCount(zone.communes, of: gaps) == 1, !isSecret(zone.population) else { return people(zone.population) }
        return text.secretComplement
    }

    /// How many of `communes` (indices into the gaps' study) have a population that the tables
    /// hide and that is not 0.
    func hiddenPopulationCount(_ communes: [Int], of gaps: GapsAnalysis) -> Int {
        communes.filter { hiddenPopulations.contains(gaps.study.areas[$0].id) && (gaps.study.areas[$0].population ?? 0) > 0 }.count
    }

    /// The section saying what the guard hid (nothing without a guard).
    mutating func addSecrecy() {
        guard let secrecy else { return }
        let totals = secrecy.groupTotalsHidden + (secrecy.grandTotalHidden ? ["total"] : [])
        doc.add(.heading(text.secrecyHeading))
        doc.add(.paragraph(text.secrecyNote(String(secrecy.rule.minimumPeople), String(secrecy.rule.minimumContributors),
                                            n.int(Double(secrecy.cells(.primary))), n.int(Double(secrecy.cells(.secondary))),
                                            totals.isEmpty ? nil : totals.joined(separator: ", "))))
    }
}
