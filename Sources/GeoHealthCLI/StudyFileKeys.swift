import ArgumentParser

/// The options of a command or an option group as a study file spells them: the long names in
/// snake_case (`max_minutes` for `--max-minutes`). `geohealth run` gives a command the study's
/// `parameters:` it takes, by these keys (``AnalysisCommand/keys``), and no others; the
/// CLITests check each list against the options the parser declares.
protocol StudyFileKeys {
    static var studyFileKeys: Set<String> { get }
}

extension StudyOptions: StudyFileKeys {
    static let studyFileKeys = Set([
        "folder", "areas", "area_id", "area_name", "population", "population_key", "population_field", "history", "history_since",
        "sites", "kind", "sites_crs", "territories", "departements", "buffer_km",
    ]).union(SiteSchemaOptions.studyFileKeys)
}

extension SiteSchemaOptions: StudyFileKeys {
    static let studyFileKeys: Set<String> = ["site_id", "site_name", "site_kind_field", "site_capacity", "startup_field", "site_where", "kind_map"]
}

extension CostOptions: StudyFileKeys {
    static let studyFileKeys: Set<String> = [
        "cost", "detour", "speed", "geodesic", "roads", "speeds", "ferries", "snap_speed", "max_snap", "od", "max_minutes", "intra_commune", "crs",
        "startup_minutes", "time_of_day", "speed_factors",
    ]
}

extension SiteOptions: StudyFileKeys {
    static var studyFileKeys: Set<String> { ["site_kind"] }
}

extension LanguageOption: StudyFileKeys {
    static let studyFileKeys: Set<String> = ["lang"]
}

extension OutputOptions: StudyFileKeys {
    static let studyFileKeys: Set<String> = ["format", "quiet"]
}

extension CSVDialectOption: StudyFileKeys {
    static let studyFileKeys: Set<String> = ["csv_dialect"]
}

extension CommuneTableOptions: StudyFileKeys {
    static let studyFileKeys = Set(["group_by", "out"]).union(CSVDialectOption.studyFileKeys).union(PublishingOptions.studyFileKeys)
}

/// The keys of several groups and a command's own options.
func studyFileKeys(_ groups: [any StudyFileKeys.Type], own: Set<String>) -> Set<String> {
    groups.reduce(own) { $0.union($1.studyFileKeys) }
}
