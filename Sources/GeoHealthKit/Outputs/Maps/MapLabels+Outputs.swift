import Cartography

/// The words that `map` and `chart` add to Cartography's (``MapLabels``), in one place with
/// theirs: MapMaker and ChartMaker hold no language branch.
extension MapLabels {
    /// The heading of a travel-time legend, before its unit: "Temps (minutes)".
    var time: String { language == .fr ? "Temps" : "Time" }
    /// The one group of a chart whose data has no groups.
    var allAreas: String { language == .fr ? "ensemble" : "all" }
    /// The axis of a chart that counts residents.
    var inhabitants: String { language == .fr ? "habitants" : "inhabitants" }
}
