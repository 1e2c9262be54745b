import Foundation
import GeoCore

extension SyntheticTerritory {
    /// One general practitioner: where they practise and their activity of the year, the
    /// inputs of the DREES APL supply rules.
    package struct PractitionerRecord: Sendable {
        package var id: String
        package var kind: SiteKind
        package var location: Coordinate
        /// Consultations, visits and teleconsultations of the year.
        package var activity: Int
        /// No private activity the year before (counted 5,400 by the DREES).
        package var newPractitioner: Bool
        /// The MSP or centre de santé they work in, if any.
        package var site: String?
        package var commune: Int
        /// Age in years (the input of a retirement wave, `geohealth zoning --retire-age`).
        package var age = 0
    }

    /// General practitioners for the APL sample (`generalistes.csv`), drawn from a generator of
    /// their own (seeded from the territory's seed) so that the other files do not depend on
    /// them. Each MSP and centre de santé has as many GPs as its capacity; communes of 800
    /// inhabitants or more without one have a liberal GP per 1,800 inhabitants (at least one);
    /// smaller communes have none (the rural shortage the APL shows). Activity: log-normal
    /// around 4,200 a year (σ = 0.45, so some exceed the 6,000 cap), 5 % part-time or retiring
    /// GPs below 3,000 (some below the 250 floor), 6 % newly installed (no activity the year before).
    /// GPs of centres de santé are salaried: kind `centre`, activity uncapped by the DREES rules.
    /// Ages come from a third generator, after every other draw (so the rest does not depend
    /// on them): newly installed GPs 28–39, the others uniform in 30–69 (a fifth aged 62 or more).
    package func practitioners() -> [PractitionerRecord] {
        var rng = SeededGenerator(seed: options.seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x4750)
        var records: [PractitionerRecord] = []
        func draw(_ id: String, kind: SiteKind, at location: Coordinate, site: String?, commune: Int) {
            let u = rng.nextUnit()
            let isNew = u < 0.06
            let activity: Double =
                isNew
                ? 300 + 2_200 * rng.nextUnit()
                : u < 0.11
                    ? 50 + 2_950 * rng.nextUnit()
                    : exp(log(4_200) + 0.45 * rng.nextGaussian())
            records.append(
                PractitionerRecord(
                    id: id, kind: kind, location: location, activity: Int(activity.rounded()), newPractitioner: isNew, site: site, commune: commune))
        }
        var hosted = Set<Int>()
        for s in sites where s.kind == .msp || s.kind == .healthCentre {
            hosted.insert(s.commune)
            for k in 0..<Int(s.capacity) {
                draw("G-\(s.id)-\(k + 1)", kind: s.kind == .msp ? SiteKind("gp") : .healthCentre, at: s.location, site: s.id, commune: s.commune)
            }
        }
        for i in seats.indices where population[i] >= 800 && !hosted.contains(i) && !merges.contains(where: { $0.absorbed == i }) {
            for k in 0..<max(1, population[i] / 1_800) {
                draw("G-\(codes[i])-\(k + 1)", kind: SiteKind("gp"), at: seats[i], site: nil, commune: i)
            }
        }
        var ages = SeededGenerator(seed: options.seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x4147)
        for k in records.indices {
            let u = ages.nextUnit()
            records[k].age = records[k].newPractitioner ? 28 + Int(12 * u) : 30 + Int(40 * u)
        }
        return records
    }
}
