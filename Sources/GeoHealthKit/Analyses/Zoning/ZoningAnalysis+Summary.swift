import Accessibility
import GeoCore

extension ZoningAnalysis {
    /// The summary: thresholds and unit, the scenario, the classes before and after (communes,
    /// residents), the transition matrix, the communes that changed, and the APL runs' notes.
    func makeSummary(options: Options, applied: ZoningScenario.Applied) -> Summary {
        let population = before.study.areas.map { $0.population ?? 0 }
        var s = Summary([
            ("zip_below", .number(thresholds.priorityBelow)),
            ("zac_below", .number(thresholds.complementaryBelow)),
            ("unit", before.summary["unit"] ?? .null),
            ("communes", .int(population.count)),
            ("population", .headCount(population.reduce(0, +))),
            ("scenario", .object(scenarioSummary(options.scenario, applied: applied))),
            ("supply_before", .fixed(before.supply.reduce(0, +), 2)),
            ("supply_after", .fixed(after.supply.reduce(0, +), 2)),
            ("before", .object(classes(statusBefore, population: population))),
            ("after", .object(classes(statusAfter, population: population))),
            ("communes_changed", .int(transitions.communesMoved)),
            ("population_moved", .headCount(transitions.populationMoved)),
            ("population_moved_up", .headCount(transitions.populationUp)),
            ("population_moved_down", .headCount(transitions.populationDown)),
        ])
        s["transitions"] = .rows(ZoningStatus.allCases.flatMap { b in ZoningStatus.allCases.map { (b, $0) } }) { b, a in
            [("before", .string(b.rawValue)), ("after", .string(a.rawValue)), ("communes", .int(transitions.communes[b.rank][a.rank])),
             ("population", .headCount(transitions.population[b.rank][a.rank]))]
        }
        let areas = before.study.areas
        s["changed"] = .strings(areas.indices.filter { statusBefore[$0] != statusAfter[$0] }.map {
            "\(areas[$0].id) \(areas[$0].name): \(statusBefore[$0].rawValue) → \(statusAfter[$0].rawValue)"
        })
        for key in ["supply_rule", "demand", "cost"] { if let v = before.summary[key] { s[key] = v } }
        return s
    }

    /// Communes and residents of each class.
    func classes(_ statuses: [ZoningStatus], population: [Double]) -> Properties {
        Properties(ZoningStatus.allCases.map { c in
            let members = statuses.indices.filter { statuses[$0] == c }
            return (c.rawValue.lowercased(), .object(Properties([
                ("communes", .int(members.count)), ("population", .headCount(members.reduce(0) { $0 + population[$1] })),
            ])))
        })
    }

    /// What the what-if did: the MSP added, the GPs retired by age or share, the sites removed.
    func scenarioSummary(_ scenario: ZoningScenario, applied: ZoningScenario.Applied) -> Properties {
        var p = Properties()
        p["added_msp"] = .rows(scenario.addedPractices) { m in
            let place: String = switch m.place {
            case .point(let c): "\(c.x),\(c.y)"
            case .commune(let code): "commune \(code)"
            }
            return [("name", .string(m.name)), ("place", .string(place)), ("gps", .int(m.generalPractitioners))]
        }
        p["gps_added"] = .int(applied.added)
        if !scenario.addedPractices.isEmpty {
            if case .consultations = after.supplyUnit {
                p["added_gp_supply"] = .number(APLParameters.newPractitionerActivity)
            } else {
                p["added_gp_supply"] = .number(1)
            }
        }
        p["retire_age"] = scenario.retireAge.map { .number($0) } ?? .null
        if scenario.retireAge != nil {
            p["age_field"] = .string(scenario.ageField)
            p["gps_retired_by_age"] = .int(applied.retiredByAge)
            p["gps_without_age"] = .int(applied.withoutAge)
        }
        p["retire_share"] = scenario.retireShare.map { .number($0) } ?? .null
        p["removed"] = .strings(scenario.removedSites)
        return p
    }
}
