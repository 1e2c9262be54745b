import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// `ProjectedStudy.rememberSiteAreas(of:)`: the sites placed in the communes once for the
/// analyses that share a projection (the report's), the same answer as placing them again, and
/// never given for other sites.
@Suite struct RememberedSiteAreasTests {
    @Test func rememberedSiteAreasAreThoseOfTheSitesAsked() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let plain = try ProjectedStudy(study)
        var remembered = plain
        remembered.rememberSiteAreas(of: study)
        let placed = plain.siteAreas(of: study)
        #expect(placed.contains { $0 != nil })
        #expect(remembered.siteAreas(of: study) == placed)

        // The same number of sites elsewhere: placed again, not the remembered answer.
        var moved = study
        moved.sites.reverse()
        let placedMoved = plain.siteAreas(of: moved)
        #expect(placedMoved != placed)
        #expect(remembered.siteAreas(of: moved) == placedMoved)
    }
}
