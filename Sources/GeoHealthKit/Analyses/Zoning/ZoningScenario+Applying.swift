import Accessibility
import GeoCore

extension ZoningScenario {
    /// The after-study of a scenario and what it changed.
    struct Applied {
        /// The study with sites removed (by id, by age) and the planned GPs added.
        var study: Study
        /// Per site of ``study``: the factor on its supply (nil without a share retiring).
        var supplyFactors: [Double]?
        /// Supplying GP rows removed for their age, kept for lack of one, and added.
        var retiredByAge = 0, withoutAge = 0, added = 0
    }

    /// The scenario applied to `study`, whose supplying sites are those of `kinds` (nil: every
    /// kind), with `activityField`/`newPractitionerField` the access options' columns.
    /// - Parameter points: each area's representative point (longitude/latitude).
    /// - Throws: ``ParameterError``: a site id or commune code the study lacks (a usage error),
    ///   an age column no site has or a value in it that is not a number (data errors).
    func applied(to study: Study, kinds: Set<SiteKind>?, access: AccessAnalysis.Options, points: [Coordinate]) throws -> Applied {
        let supplying = { (s: Site) in kinds?.contains(s.kind) ?? true }
        let unknown = removedSites.filter { id in !study.sites.contains { $0.id == id } }
        guard unknown.isEmpty else { throw ParameterError(.ignored, "\(.removedSites): no site with id \(unknown.joined(separator: ", "))") }
        var applied = Applied(study: study)
        let old = try retiring(study.sites, supplying: supplying, counts: &applied)
        applied.study.sites = zip(study.sites, old).filter { !$1 && !removedSites.contains($0.id) }.map(\.0)
        let existing = applied.study.sites.count
        applied.study.sites += try addedSites(study, supplying: study.sites.filter(supplying), access: access, points: points)
        applied.added = applied.study.sites.count - existing
        if let share = retireShare {
            applied.supplyFactors = applied.study.sites.indices.map { $0 < existing && supplying(applied.study.sites[$0]) ? 1 - share : 1 }
        }
        return applied
    }

    /// Per site: whether it retires by age (a supplying row aged ``retireAge`` or more).
    func retiring(_ sites: [Site], supplying: (Site) -> Bool, counts: inout Applied) throws -> [Bool] {
        guard let limit = retireAge else { return sites.map { _ in false } }
        guard sites.contains(where: { supplying($0) && $0.attributes[ageField] != nil }) else {
            let columns = Set(sites.flatMap { $0.attributes.map(\.key) }).sorted().joined(separator: ", ")
            throw ParameterError(.contradicted, "\(.ageField) '\(ageField)': no site has this column (the sites have \(columns.isEmpty ? "no other column" : columns))")
        }
        return try sites.map { s in
            guard supplying(s), let value = s.attributes[ageField], value != .null else { counts.withoutAge += supplying(s) ? 1 : 0; return false }
            let text = value.stringValue ?? ""
            if text.trimmingCharacters(in: .whitespaces).isEmpty { counts.withoutAge += 1; return false }
            guard let age = Double(text.replacingOccurrences(of: ",", with: ".")), age.isFinite else {
                throw ParameterError(.contradicted, "site \(s.id): '\(text)' in the age column '\(ageField)' (\(.ageField)) is not a number of years")
            }
            if age >= limit { counts.retiredByAge += 1 }
            return age >= limit
        }
    }

    /// One site row per planned GP, at its MSP's place, counting 5,400 consultations (the DREES
    /// new-practitioner rule) when the supply is an activity column, else 1 (capacity 1 when
    /// the sites have capacities).
    func addedSites(_ study: Study, supplying: [Site], access: AccessAnalysis.Options, points: [Coordinate]) throws -> [Site] {
        guard !addedPractices.isEmpty else { return [] }
        let activity = access.activityField ?? (supplying.contains { $0.attributes["activity"] != nil } ? "activity" : nil)
        let newField = access.newPractitionerField ?? "new_practitioner"
        let kind = Self.addedKind(supplying)
        var sites: [Site] = []
        for (m, practice) in addedPractices.enumerated() {
            let location: Coordinate
            switch practice.place {
            case .point(let p): location = p
            case .commune(let code):
                guard let a = study.areas.firstIndex(where: { $0.id == code }) else {
                    throw ParameterError(.ignored, "\(.addedPractices) '\(practice.name)': no commune with code '\(code)' in the study")
                }
                location = points[a]
            }
            for g in 0..<practice.generalPractitioners {
                var attributes = Properties()
                if let activity {
                    attributes[activity] = .number(APLParameters.newPractitionerActivity)
                    attributes[newField] = .string("1")
                }
                let capacity: Double? = activity == nil && supplying.contains { $0.capacity != nil } ? 1 : nil
                sites.append(Site(id: "MSP\(m + 1)-\(g + 1)", name: practice.name, kind: kind, location: location, capacity: capacity, attributes: attributes))
            }
        }
        return sites
    }

    /// The kind of the added GPs: the supplying kind most sites have, other than `centre`
    /// (ties: the first by name); `gp` when there is none.
    static func addedKind(_ supplying: [Site]) -> SiteKind {
        let counts = Dictionary(grouping: supplying.filter { $0.kind != .healthCentre }, by: \.kind).mapValues(\.count)
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? SiteKind("gp")
    }
}
