import Accessibility
import Foundation
import GeoCore

/// The section "How sure are we?" (docs/uncertainty.md): with draws, the robust gaps, the
/// under-served population's spread, the robustness map and the sensitivity table; without,
/// what the figures rest on and how to measure how much they move.
extension ReportWriter {
    mutating func addUncertainty() throws {
        let gaps = try self.gaps.value()
        doc.add(.heading(text.howSureHeading))
        guard let u = gaps.uncertainty else {
            doc.add(.paragraph(text.notMeasured(costText(travel.options.cost), accessMethodText())))
            return
        }
        doc.add(.paragraph(text.draws(n.int(Double(u.options.draws)), String(u.options.seed), rangesText(u))))
        let residents = gaps.study.areas.map { $0.population ?? 0 }
        let robust = u.robust
        let robustPeople = zip(robust, residents).filter(\.0).reduce(0) { $0 + $1.1 }
        let stated = zip(gaps.underServed, residents).filter(\.0).reduce(0) { $0 + $1.1 }
        let share = n.percent(u.options.robustShare, 0)
        doc.add(.paragraph(text.robustGaps(share, n.int(Double(robust.filter { $0 }.count)), people(robustPeople), percent(robustPeople),
                                           people(stated), people(u.underServedPopulation.p5), people(u.underServedPopulation.p95))))
        try writeRobustness(gaps)
        doc.add(.figure(file: "map-robustness.svg", alt: text.robustnessMapTitle))
        doc.add(.paragraph(text.robustnessClasses(share)))
        addSensitivity(u)
        guard !gaps.robustZones.isEmpty else { return }
        doc.add(.paragraph(text.robustZonesCaption))
        doc.add(.table(header: [text.rank, "zone", text.inhabitants, "communes"],
                       rows: gaps.robustZones.prefix(10).map { z in
                           [String(z.rank), gaps.zoneName(z), zonePopulation(z, of: gaps), n.int(Double(z.communes.count))]
                       }, numeric: [true, false, true, true]))
    }

    /// "catchment × 0.8–1.2, speed × 0.85–1.15, …, each commune's population ± 3 %": the ranges
    /// of the parameters drawn.
    func rangesText(_ u: GapUncertainty) -> String {
        u.parameters.map { p in
            let r = u.options.ranges.range(p)
            if p == .population { return text.drawnPopulation(n.percent(u.options.ranges.population, 0)) }
            if p == .decay { return text.drawnExponent(n.decimal(r.lowerBound, 2), n.decimal(r.upperBound, 2)) }
            return text.drawnRange(text.parameterName(p.rawValue), n.decimal(r.lowerBound, 2), n.decimal(r.upperBound, 2))
        }.joined(separator: ", ")
    }

    /// `robustness.geojson` and `.csv` (every commune's share of draws, class and percentiles),
    /// `robust-gaps.geojson` (the robust zones, guarded as the gap zones are) and the map.
    mutating func writeRobustness(_ gaps: GapsAnalysis) throws {
        let communes = guarded(gaps.table, file: "robustness.csv, robustness.geojson")
        try communes.write(to: folder.appendingPathComponent("robustness.geojson"), inputs: inputs)
        try communes.write(to: folder.appendingPathComponent("robustness.csv"), inputs: inputs)
        let zones = guardedZoneTable(gaps.robustZoneTable, zones: gaps.robustZones, of: gaps, files: "robust-gaps.geojson")
        try zones.write(to: folder.appendingPathComponent("robust-gaps.geojson"), inputs: inputs)
        files += ["robustness.geojson", "robustness.csv", "robust-gaps.geojson"]
        try map(folder.appendingPathComponent("robustness.geojson"), field: "robustness_class", title: text.robustnessMapTitle,
                to: "map-robustness.svg", hatched: folder.appendingPathComponent("robust-gaps.geojson"), hatchLabel: labels.robustGapZone, mode: .categorical)
    }

    /// The Sobol indices of the under-served population and of the Gini of access, per parameter.
    mutating func addSensitivity(_ u: GapUncertainty) {
        guard !u.sensitivity.isEmpty else { return }
        func cell(_ x: Double?) -> String { x.map { n.decimal($0, 2) } ?? "—" }
        doc.add(.table(header: text.sensitivityHeader, rows: u.sensitivity.map { s in
            let r = u.options.ranges.range(s.parameter)
            return [text.parameterName(s.parameter.rawValue), "\(n.decimal(r.lowerBound, 2))–\(n.decimal(r.upperBound, 2))",
                    cell(s.population?.firstOrder), cell(s.population.map { 2 * $0.firstOrderError }), cell(s.population?.total),
                    cell(s.gini?.firstOrder), cell(s.gini?.total)]
        }, numeric: [false, false, true, true, true, true, true]))
        let most = u.sensitivity.filter { $0.population != nil }.max { $0.population!.total < $1.population!.total }
        let accessOnly = u.sensitivity.filter { $0.population == nil }.map { text.parameterName($0.parameter.rawValue) }
        doc.add(.paragraph(text.sensitivityNote(most.map { text.parameterName($0.parameter.rawValue) },
                                                accessOnly.isEmpty ? nil : accessOnly.joined(separator: ", "))))
    }
}
