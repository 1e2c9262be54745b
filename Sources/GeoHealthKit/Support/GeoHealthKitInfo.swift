/// The toolkit's version, printed by `geohealth --version`, written in the reports and in the
/// provenance of a study run.
public enum GeoHealthKitInfo {
    /// The version, semantic (`MAJOR.MINOR.PATCH`).
    public static let version = "0.2.0"
}
