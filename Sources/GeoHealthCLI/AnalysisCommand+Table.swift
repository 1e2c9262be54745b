import ArgumentParser

/// The commands a study file may name, one row each.
extension AnalysisCommand {
    package static let all: [AnalysisCommand] = [
        AnalysisCommand(type: StudyCommand.self, keys: studyFileKeys([StudyOptions.self, OutputOptions.self], own: ["out"]),
                        readsStudy: true, outputs: [("out", ".geojson")], writesTable: true),
        AnalysisCommand(type: CoverageCommand.self,
                        keys: studyFileKeys(analysisGroups + [PopulationGridOptions.self], own: ["method", "catchment_minutes", "catchment_km"]),
                        readsStudy: true, outputs: [("out", ".geojson")], writesTable: true, studyValues: [.csvDialect]),
        AnalysisCommand(type: Distance.self, keys: studyFileKeys(analysisGroups + [PopulationGridOptions.self], own: ["thresholds", "within"]),
                        readsStudy: true, outputs: [("out", ".geojson")], writesTable: true, studyValues: [.csvDialect]),
        AnalysisCommand(type: IsochronesCommand.self,
                        keys: studyFileKeys([StudyOptions.self, CostOptions.self, SiteOptions<IsochroneKinds>.self, OutputOptions.self], own: ["thresholds", "buffer_metres", "startup_minutes", "out"]),
                        readsStudy: true, outputs: [("out", ".gpkg")]),
        AnalysisCommand(type: AccessCommand.self, keys: studyFileKeys(analysisGroups + [PopulationGridOptions.self], own: accessKeys),
                        readsStudy: true, outputs: [("out", ".geojson"), ("sites_out", "-sites.csv")], writesTable: true, studyValues: [.csvDialect]),
        AnalysisCommand(type: InequalityCommand.self, keys: studyFileKeys([CSVDialectOption.self, OutputOptions.self], own: inequalityKeys),
                        readsTable: true, outputs: [("out", ".geojson"), ("lorenz_out", "-lorenz.csv")], studyValues: [.csvDialect]),
        AnalysisCommand(type: GapsCommand.self,
                        keys: studyFileKeys([StudyOptions.self, CostOptions.self, SiteOptions<TimedKind>.self, UncertaintyOptions.self, CSVDialectOption.self, OutputOptions.self],
                                            own: gapsKeys),
                        readsStudy: true, outputs: [("out", "-zones.geojson"), ("csv", "-zones.csv"), ("communes_out", ".geojson")],
                        writesTable: true, studyValues: [.csvDialect]),
        AnalysisCommand(type: SiteCommand.self,
                        keys: studyFileKeys([StudyOptions.self, CostOptions.self, SiteOptions<AddedKind>.self, LanguageOption.self, OutputOptions.self], own: siteKeys),
                        readsStudy: true, outputs: [("chart_out", ".svg")], studyValues: [.language]),
        AnalysisCommand(type: ZoningCommand.self,
                        keys: studyFileKeys([StudyOptions.self, CostOptions.self, SiteOptions<SupplyingKinds>.self, CommuneTableOptions.self, LanguageOption.self,
                                             OutputOptions.self], own: zoningKeys),
                        readsStudy: true, outputs: [("out", ".geojson"), ("map_before", "-before.svg"), ("map_after", "-after.svg")], writesTable: true,
                        studyValues: [.csvDialect, .language]),
        AnalysisCommand(type: MapCommand.self,
                        keys: studyFileKeys([SiteOptions<DrawnKind>.self, SiteSchemaOptions.self, LanguageOption.self, OutputOptions.self], own: mapKeys),
                        readsTable: true, outputs: [("out", ".svg")], studyValues: [.language, .source]),
        AnalysisCommand(type: ChartCommand.self, keys: studyFileKeys([LanguageOption.self, OutputOptions.self], own: chartKeys),
                        readsTable: true, takesKindArgument: true, outputs: [("out", ".svg")], studyValues: [.language]),
        AnalysisCommand(type: ReportCommand.self,
                        keys: studyFileKeys([StudyOptions.self, SiteOptions<ReportedKind>.self, LanguageOption.self, PublishingOptions.self, UncertaintyOptions.self,
                                             OutputOptions.self], own: reportKeys),
                        readsStudy: true, outputs: [("out", "")], writesFolder: true, studyValues: [.title, .source, .language]),
    ]

    /// The row of the command a study file names; nil for a name that is not one (the study
    /// file's reader refuses those first).
    package static func named(_ name: String) -> AnalysisCommand? {
        all.first { $0.name == name }
    }

    /// The groups of `coverage`, `distance` and `access`.
    private static var analysisGroups: [any StudyFileKeys.Type] { [
        StudyOptions.self, CostOptions.self, SiteOptions<SupplyingKinds>.self, CommuneTableOptions.self, OutputOptions.self,
    ] }
    private static let accessKeys: Set<String> = [
        "method", "catchment_minutes", "bands", "decay", "bandwidth", "apl_year", "age_weights", "activity_field", "new_practitioner_field",
        "per", "sites_out",
    ]
    /// `k` is the former name of `neighbours`, still read.
    private static let inequalityKeys: Set<String> = [
        "value", "weight", "group_by", "rank", "below", "spatial_weights", "neighbours", "k", "permutations", "seed", "alpha", "out", "lorenz_out",
    ]
    private static let gapsKeys: Set<String> = [
        "minutes_above", "access_kind", "access_below", "access_method", "per", "outside_cpts", "territory_label", "low_low", "combine",
        "out", "csv", "communes_out", "white_zones_out", "robust_out",
    ]
    private static let siteKeys: Set<String> = [
        "k", "method", "minutes", "candidates", "no_commune_candidates", "add", "remove", "access_below", "per", "new_capacity", "chart_out",
        "site_sizes", "budget", "activity_per_fte", "population_per_fte",
    ]
    private static let zoningKeys: Set<String> = [
        "add_msp", "retire_age", "age_field", "retire_share", "remove", "zip_below", "zac_below", "catchment_minutes", "bands", "apl_year",
        "age_weights", "activity_field", "new_practitioner_field", "per", "map_before", "map_after",
    ]
    private static let mapKeys: Set<String> = [
        "field", "categorical", "bivariate", "bivariate_layer", "scheme", "classes", "breaks", "palette", "reverse", "title", "subtitle", "legend_title", "territory_label", "source",
        "sites", "size_by_capacity", "territories", "hatched", "hatched_label", "isochrones", "labels", "out",
    ]
    private static let chartKeys: Set<String> = ["value", "weight", "group_by", "thresholds", "title", "out"]
    private static let reportKeys: Set<String> = [
        "minutes", "new_sites", "catchment_minutes", "bands", "territory_label", "title", "source", "out",
    ]
}
