/// PROJ's pipeline from longitude/latitude in degrees to a projected CRS when no datum shift is
/// needed: `+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step STEP`, with one
/// projection step (`+proj=lcc …` for Lambert-93, `+proj=utm …` for the overseas départements
/// and the UTM zones), as PROJ writes it (`proj_as_proj_string`, PROJ 5 format).
///
/// Such a pipeline is run as its step alone on positions multiplied by ``degreesToRadians``
/// (``CoordinateTransformer``), and the way back to longitude/latitude is its inverse, written as
/// PROJ writes the pipeline it finds for the reverse pair (the step inverted, then `unitconvert`
/// from radians to degrees): no second look-up in PROJ's database. The tests check both against
/// PROJ's own answers for every metric CRS of GeoHealth, bit for bit.
package struct ProjectionStep: Equatable {
    /// What `unitconvert` multiplies degrees by (PROJ's `DEG_TO_RAD`, π / 180 rounded to a double).
    static let degreesToRadians = 0.017453292519943296

    private static let prefix = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step "

    /// The projection step, e.g. `+proj=utm +zone=20 +ellps=GRS80`.
    package let step: String

    /// The step of `forward` when it is this form (one step, not inverted, no further
    /// `+step`); nil otherwise.
    package init?(forward: String) {
        guard forward.hasPrefix(Self.prefix) else { return nil }
        let step = String(forward.dropFirst(Self.prefix.count))
        guard step.hasPrefix("+proj="), !step.contains("+step"), !step.contains("+inv"), !step.hasPrefix("+proj=pipeline") else { return nil }
        self.step = step
    }

    /// The pipeline from the projected CRS back to longitude/latitude in degrees.
    package var inverse: String { "+proj=pipeline +step +inv \(step) +step +proj=unitconvert +xy_in=rad +xy_out=deg" }
}
