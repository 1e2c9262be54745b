/// The class of a commune in the zonage of the ARS for general practitioners ("zonage
/// médecins"), read from its APL (``APLParameters``, consultations per standardised inhabitant
/// per year).
///
/// Rule (``ZoningThresholds/status(of:)``): **ZIP** (zone d'intervention prioritaire) when
/// APL < 2.5; **ZAC** (zone d'action complémentaire) when 2.5 ≤ APL < 4; **outside** both when
/// APL ≥ 4. Source: arrêté du 13 novembre 2017 relatif à la méthodologie applicable à la
/// profession de médecin pour la détermination des zones prévues au 1° de l'article L. 1434-4
/// du code de la santé publique, as amended by the arrêté du 1er octobre 2021, over the DREES
/// APL to general practitioners (data.drees dataset 530): communes below 2.5 form the ZIP,
/// those between 2.5 and 4 the ZAC.
///
/// What it is not: the regional arrêtés. Each ARS may move communes within limits (a
/// "vivier" of ZIP candidates between 2.5 and 4, population quotas, communes kept for
/// continuity); GeoHealth gives the classes the thresholds alone make.
public enum ZoningStatus: String, Sendable, CaseIterable, Comparable {
    /// Zone d'intervention prioritaire: the least served (APL below the lower threshold).
    case priority = "ZIP"
    /// Zone d'action complémentaire: between the two thresholds.
    case complementary = "ZAC"
    /// Neither: APL at or above the upper threshold.
    case outside

    /// Orders from the least served: ZIP < ZAC < outside.
    public static func < (a: ZoningStatus, b: ZoningStatus) -> Bool { a.rank < b.rank }

    /// 0 for ZIP, 1 for ZAC, 2 for outside (the order of ``allCases``).
    public var rank: Int {
        switch self {
        case .priority: 0
        case .complementary: 1
        case .outside: 2
        }
    }
}

/// The two APL thresholds of the zonage (``ZoningStatus``), in consultations per standardised
/// inhabitant per year; ``drees`` unless overridden.
public struct ZoningThresholds: Sendable, Equatable {
    /// APL below this: ZIP (default 2.5, ``APLParameters/underServedThreshold``).
    public var priorityBelow: Double
    /// APL at or above ``priorityBelow`` and below this: ZAC (default 4).
    public var complementaryBelow: Double

    /// The thresholds of the arrêté (ZIP below 2.5, ZAC from 2.5 to below 4): the defaults.
    public static let drees = ZoningThresholds(priorityBelow: APLParameters.underServedThreshold, complementaryBelow: 4)

    /// Thresholds `priorityBelow` ≤ `complementaryBelow` (check ``problem`` before use: equal
    /// thresholds leave ZAC empty).
    public init(priorityBelow: Double, complementaryBelow: Double) {
        self.priorityBelow = priorityBelow
        self.complementaryBelow = complementaryBelow
    }

    /// Why these thresholds cannot classify (not finite, negative, or the lower one above the
    /// upper one); nil when they can.
    public var problem: String? {
        guard priorityBelow.isFinite, complementaryBelow.isFinite, priorityBelow >= 0 else { return "thresholds must be finite numbers ≥ 0" }
        guard priorityBelow <= complementaryBelow else { return "the ZIP threshold must not exceed the ZAC threshold" }
        return nil
    }

    /// The class of a commune whose APL is `apl`: ZIP below ``priorityBelow``, ZAC below
    /// ``complementaryBelow``, outside otherwise (a threshold itself belongs to the class
    /// above it: exactly 2.5 is ZAC, exactly 4 is outside).
    /// - Precondition: `apl` is not NaN (APL values are sums of finite ratios).
    public func status(of apl: Double) -> ZoningStatus {
        precondition(!apl.isNaN, "an APL value is never NaN")
        return apl < priorityBelow ? .priority : apl < complementaryBelow ? .complementary : .outside
    }
}
