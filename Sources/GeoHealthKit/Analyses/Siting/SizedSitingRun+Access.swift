import Accessibility
import Gaps
import GeoCore
import GeoIO

extension SizedSitingRun {
    /// The access of the scenario (``AccessAnalysis``, APL with an activity column, else E2SFCA)
    /// and what follows from it: the supply of one FTE and the objective's threshold.
    struct AccessModel {
        let access: AccessAnalysis
        let isAPL: Bool

        init(_ run: SitingRun) throws {
            let o = run.options
            let existing = run.scenario.sites.filter { $0.kind == o.kind }
            isAPL = existing.contains { $0.attributes["activity"] != nil }
            if isAPL, let planned = o.add.first {
                throw ParameterError(
                    .contradicted,
                    "\(.plannedSites) '\(planned.name)': the sites have an activity column (APL), and a planned site has no activity; " +
                    "add its GPs to the sites file instead")
            }
            var a = AccessAnalysis.Options()
            a.method = isAPL ? .apl : .enhanced
            a.kinds = [o.kind]
            a.cost = o.cost
            a.crs = o.crs
            a.per = o.per
            access = try AccessAnalysis.run(run.scenario, options: a, projected: run.projected)
        }

        /// The supply of one FTE: the option, else 5,400 consultations (APL) or 1 capacity unit.
        func supplyPerFTE(_ o: SitingAnalysis.Options) throws -> Double {
            o.activityPerFTE ?? (isAPL ? SitingAnalysis.defaultActivityPerFTE : 1)
        }

        /// The objective; the access-gap threshold is `accessBelow`, by default 2.5 when the
        /// access is the APL in consultations per inhabitant (`per` 1), else required.
        func objective(_ o: SitingAnalysis.Options) throws -> AccessSiting.Objective {
            switch o.method {
            case .accessGini: return .gini
            case .accessPalma: return .palma
            default:
                if let t = o.accessBelow { return .populationBelow(t) }
                guard isAPL, o.per == 1 else {
                    throw ParameterError(
                        .incomplete,
                        "\(.accessMethod) access-gap needs \(.accessBelow) in the access's unit (\(unit)): the default 2.5 is the APL's, in consultations per inhabitant")
                }
                return .populationBelow(APLParameters.underServedThreshold)
            }
        }

        var unit: String {
            isAPL ? "consultations per inhabitant per year" : access.supplyUnit == .sites ? "sites per inhabitant" : "site capacity (FTE) per inhabitant"
        }

        func describe(supplyPerFTE: Double, objective: AccessSiting.Objective) -> Properties {
            var p = Properties([
                ("method", .string(isAPL ? "apl" : "e2sfca")),
                ("unit", .string(unit + (access.options.per == 1 ? "" : " × \(NumberFormatting.string(access.options.per, precision: 0))"))),
                ("catchment_minutes", .fixed(access.catchmentMinutes, 1)),
                ("supply_per_fte", .number(supplyPerFTE)),
            ])
            if case .populationBelow(let t) = objective { p["threshold"] = .number(t) }
            return p
        }
    }
}
