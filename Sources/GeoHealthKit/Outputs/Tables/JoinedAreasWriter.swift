import Foundation
import GeoCore
import GeoIO

/// Writes a loaded study's areas, the communes as the population join left them (merged
/// communes dissolved), as GeoJSON (`geohealth study --out`): code, name, population (null
/// when unjoined), age groups, and the source codes of dissolved communes.
package enum JoinedAreasWriter {
    package static func writeAreas(_ study: Study, to url: URL, inputs: [URL]) throws {
        try GeoJSONWriter.write(features(study), to: url, inputs: inputs)
    }

    /// One feature per area: code, name, population, age groups (`age_…`, in name order), and
    /// `source_codes` for a dissolved commune only.
    package static func features(_ study: Study) -> [Feature] {
        study.areas.map { area in
            var props = Properties([("code", .string(area.id)), ("nom", .string(area.name))])
            props["population"] = area.population.map { .number($0) } ?? .null
            for (group, count) in area.populationByAge.sorted(by: { $0.key < $1.key }) {
                props["age_" + group] = .number(count)
            }
            if area.sourceIDs != [area.id] { props["source_codes"] = .strings(area.sourceIDs) }
            return Feature(geometry: area.geometry, properties: props)
        }
    }
}
