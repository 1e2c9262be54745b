import GeoCore

/// The group of each area for `--group-by FIELD`: `departement` (or `dep`) is taken from the
/// commune code (`01053` → `01`, `97411` → `974`); any other name is an attribute of the area
/// (a property of the commune layer, or a column of the population table such as `DEP`, `REG`
/// or an urban/rural class). A field that no area has is an error naming the fields there
/// are; areas without the attribute (e.g. a commune the population table does not list) are
/// grouped as `(none)`.
package enum AreaGroups {
    package static func labels(_ areas: [Area], by field: String) throws -> [String] {
        let lower = field.lowercased()
        let present = areas.contains { $0.attributes[field] != nil }
        if lower == "departement" || lower == "département" || lower == "dep" && !present {
            return areas.map { MetricCRS.department(ofCommune: $0.id) }
        }
        guard present else {
            throw ParameterError(
                .contradicted, "\(.groupBy) \(field): no commune has this field; the fields are: \(availableFields(areas).joined(separator: ", "))")
        }
        return areas.map { $0.attributes[field]?.stringValue ?? "(none)" }
    }

    /// The attributes the communes have (sorted), and `departement`, which is always available.
    static func availableFields(_ areas: [Area]) -> [String] {
        var names = Set<String>()
        for a in areas { for (k, _) in a.attributes { names.insert(k) } }
        return names.sorted() + ["departement"]
    }
}
