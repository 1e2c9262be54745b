extension APLParameters {
    /// Which DREES supply rule a GP falls under, and what it counts (DREES, APL to general
    /// practitioners, sheet "Paramètres": consultations, visits and teleconsultations of the year).
    public enum ActivityRule: String, Sendable, CaseIterable {
        case belowFloor = "≤ 250 (counted 0)"
        case raisedToFloor = "251–3,600 (counted 3,600)"
        case asIs = "3,601–6,000 (as is)"
        case capped = "> 6,000 (counted 6,000)"
        case newPractitioner = "new practitioners (5,400)"
        case healthCentre = "centres de santé (uncapped)"

        /// The rule's name for scripts (`below_floor`, `raised_to_floor`, …).
        public var code: String {
            switch self {
            case .belowFloor: "below_floor"
            case .raisedToFloor: "raised_to_floor"
            case .asIs: "as_is"
            case .capped: "capped"
            case .newPractitioner: "new_practitioner"
            case .healthCentre: "health_centre"
            }
        }

        /// The published table says "fewer than 250 → 0" and "251 to 3,600 → 3,600": exactly
        /// 250 falls in neither; it counts 0 here (the first counted activity is 251).
        public init(activity: Double, newPractitioner: Bool = false, healthCentre: Bool = false) {
            self = healthCentre ? .healthCentre : newPractitioner ? .newPractitioner
                : activity <= 250 ? .belowFloor : activity <= 3_600 ? .raisedToFloor : activity <= 6_000 ? .asIs : .capped
        }

        /// The activity counted in the APL supply under this rule for a GP whose year's activity is
        /// `activity` (consultations and visits): 0, 3,600, `activity`, 6,000 or 5,400.
        public func counted(_ activity: Double) -> Double {
            switch self {
            case .belowFloor: 0
            case .raisedToFloor: 3_600
            case .asIs, .healthCentre: activity
            case .capped: 6_000
            case .newPractitioner: APLParameters.newPractitionerActivity
            }
        }
    }
}
