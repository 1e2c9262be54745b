extension MapLabels {
    /// How a bivariate map's classes are made, beside its legend's square.
    var bivariateCorners: String { language == .fr ? "par terciles" : "by terciles" }
}
