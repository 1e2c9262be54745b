import GeoCore

/// The group of each area for `--group-by FIELD`: `departement` (or `dep`) is taken from the
/// commune code (`01053` → `01`, `97411` → `974`); any other name is an attribute of the area
/// (a property of the commune layer, or a column of the population table such as `DEP`, `REG`
/// or an urban/rural class). Areas without the attribute are grouped as `(none)`.
public enum AreaGroups {
    public static func labels(_ areas: [Area], by field: String) -> [String] {
        let lower = field.lowercased()
        if lower == "departement" || lower == "département" || lower == "dep" && !areas.contains(where: { $0.attributes[field] != nil }) {
            return areas.map { MetricCRS.department(ofCommune: $0.id) }
        }
        return areas.map { $0.attributes[field]?.stringValue ?? "(none)" }
    }
}
