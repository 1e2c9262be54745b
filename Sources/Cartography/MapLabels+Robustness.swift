/// The words of the robustness maps (`gaps --uncertainty`, docs/uncertainty.md): a commune's
/// class is written in the tables as a stable code (`robust`, `likely`, `possible`, `never`)
/// and named in the legend in the map's language.
extension MapLabels {
    /// The legend's name of a category: a robustness class in the map's language, any other
    /// category as it is.
    package func categoryName(_ category: String) -> String {
        guard language == .fr else { return category }
        return ["robust": "robuste", "likely": "probable", "possible": "possible", "never": "jamais"][category] ?? category
    }

    /// The legend's name of the hatched robust gap zones.
    package var robustGapZone: String { language == .fr ? "zone de carence robuste" : "robust gap zone" }
}
