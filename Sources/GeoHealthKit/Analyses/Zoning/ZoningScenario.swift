import Accessibility
import GeoCore

/// A what-if on the supply of general practitioners, for ``ZoningAnalysis``: planned MSP with
/// full-time GPs, a retirement wave, sites closed. The APL is computed before and after it with
/// the same parameters.
///
/// - **An added GP** is a new site row at the MSP's place, counting
///   ``APLParameters/newPractitionerActivity`` (5,400 consultations a year): the DREES rule for
///   a GP with no activity the year before, which a newly installed GP is (DREES, APL dataset
///   530, sheet « Paramètres »). Without an activity column (the supply is a count or a
///   capacity, not consultations) an added GP counts 1 (capacity 1 when the sites have
///   capacities). Added rows take the supplying kind that most sites have other than `centre`
///   (the GPs of an MSP are liberal, under the caps); a place given as a commune code is the
///   commune's representative point.
/// - **Retirement by age**: every supplying row whose age column (``ageField``) is at least
///   ``retireAge`` is removed; rows without an age are kept and counted.
/// - **Retirement by share**, when the sites give no age: every existing supplying row keeps
///   1 − ``retireShare`` of its counted supply: the expected effect of a wave taking that share
///   of the GPs everywhere, which needs no choice of who leaves.
/// - **Removed sites** by id.
public struct ZoningScenario: Sendable {
    /// Where a planned MSP is.
    public enum Place: Sendable, Equatable {
        /// A position, WGS84 longitude/latitude.
        case point(Coordinate)
        /// A commune of the study, by its code: at its representative point.
        case commune(String)
    }

    /// A maison de santé pluriprofessionnelle (MSP) planned with `generalPractitioners` full-time GPs.
    public struct PlannedPractice: Sendable {
        /// Where it is.
        public var place: Place
        /// Its full-time GPs (≥ 0); each is one site row.
        public var generalPractitioners: Int
        /// Its name in the report and the added rows.
        public var name: String
        /// An MSP named `name` at `place` with `generalPractitioners` full-time GPs.
        public init(place: Place, generalPractitioners: Int, name: String) {
            self.place = place
            self.generalPractitioners = generalPractitioners
            self.name = name
        }
    }

    /// The planned MSP (`add_msp`).
    public var addedPractices: [PlannedPractice] = []
    /// GPs of this age or older retire (`retire_age`); nil: no wave by age.
    public var retireAge: Double?
    /// The sites' column holding each GP's age in years (default ``defaultAgeField``).
    public var ageField = ZoningScenario.defaultAgeField
    /// The share in [0, 1] of every existing GP's supply that retires (`retire_share`); nil: none.
    public var retireShare: Double?
    /// Ids of sites closed (`remove`).
    public var removedSites: [String] = []

    /// The age column read when none is named: `age`.
    package static let defaultAgeField = "age"

    /// No change: the after-scenario is the study as given.
    public init() {}

    /// Refuses values that cannot describe a scenario, before any file is read: a negative or
    /// absurd GP count, an age or share that is not a finite number in its range.
    /// - Throws: ``ParameterError`` (a usage error).
    public func check() throws {
        if let bad = addedPractices.first(where: { !(0...Self.maximumPracticeSize).contains($0.generalPractitioners) }) {
            throw ParameterError(.malformed, "\(.addedPractices) '\(bad.name)': \(bad.generalPractitioners) GPs; give 0 to \(Self.maximumPracticeSize)")
        }
        if let age = retireAge, !(age.isFinite && (0...120).contains(age)) {
            throw ParameterError(.malformed, "\(.retireAge): give an age in years from 0 to 120")
        }
        if let share = retireShare, !(share.isFinite && (0...1).contains(share)) {
            throw ParameterError(.malformed, "\(.retireShare): give a share from 0 to 1")
        }
    }

    /// The most GPs one planned MSP may have (a larger number is a typing error).
    package static let maximumPracticeSize = 1_000
}
