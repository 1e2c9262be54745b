import Foundation
import GeoCore

extension StudySources {
    /// Everything the loaded study depends on, as words: two sources with equal keys load the
    /// same ``StudyLoader/Loaded`` study and summary, so `geohealth run` loads them once and
    /// hands the study to every analysis that reads it. Paths are compared as written
    /// (``URL/relativePath``, which the summary shows). ``measureAhead``, ``projectAhead`` and
    /// ``metricCRS`` are left out: they change only the measures computed ahead
    /// (``StudyLoader/Loaded/measures``), which a shared study gives only to the analyses whose
    /// CRS they were computed in, and the projections (given to the first reader only).
    package var loadingKey: [String] {
        var key = ["areas"] + areas.map(\.relativePath)
        key += ["fields", areaIDField, areaNameField, populationKey, populationField, historySince]
        key += ["population", population?.relativePath ?? "-", "history", history?.relativePath ?? "-"]
        key += ["sites"] + sites.map { "\($0.url.relativePath)\u{0}\($0.kind?.rawValue ?? "-")" }
        key += ["sites_crs", sitesCRS?.description ?? "-", "territories", territories?.relativePath ?? "-"]
        key += ["departements"] + (departements ?? ["-"]) + ["buffer_km", "\(bufferKm)"]
        key += ["schema"] + siteSchema.loadingKey
        key += ["extra"] + extraInputs.map(\.relativePath)
        return key
    }
}

extension SiteSchema {
    /// The schema as words (``StudySources/loadingKey``): fields, selection and kind map.
    var loadingKey: [String] {
        let fields = [idField, nameField, kindField, capacityField, startupField].map { $0 ?? "-" }
        let selected = selection.flatMap { [$0.field + "="] + $0.values }
        let kinds = kindMap.map { map in map.keys.sorted().map { "\($0)\u{0}\(map[$0]!.rawValue)" } } ?? ["-"]
        return fields + ["selection"] + selected + ["kind_map"] + kinds
    }
}
