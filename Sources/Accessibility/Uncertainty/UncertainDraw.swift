import GeoCore

/// The values of one draw of the uncertain parameters (``UncertaintyRanges``): a factor per
/// scalar parameter (1 when it is not drawn) and the seed of the communes' population factors.
public struct UncertainDraw: Sendable, Equatable {
    /// Factor on the catchment and the band limits.
    public var catchment = 1.0
    /// Exponent γ on the decay's weights.
    public var decay = 1.0
    /// Factor on the speeds.
    public var speed = 1.0
    /// Factor on the straight line's detour factor.
    public var detour = 1.0
    /// Factor on every site's supply.
    public var activity = 1.0
    /// Seed of the communes' population factors; nil: every factor is 1.
    public var populationSeed: UInt64?
    /// p of the population factors U[1 − p, 1 + p].
    public var populationHalfWidth = 0.0

    /// The study as stated: every factor 1.
    public init() {}

    /// The draw at `point` of a ``SensitivityDesign`` whose coordinates are `parameters`, in
    /// that order (the parameters not listed keep factor 1): each scalar at its place in its
    /// range (``UncertaintyRanges``), the population's coordinate u turned into the seed
    /// ⌊u · 2⁵³⌋ of the communes' factors.
    public init(point: [Double], parameters: [UncertaintyRanges.Parameter], ranges: UncertaintyRanges) {
        precondition(point.count == parameters.count)
        for (u, p) in zip(point, parameters) {
            switch p {
            case .catchment: catchment = ranges.value(p, at: u)
            case .decay: decay = ranges.value(p, at: u)
            case .speed: speed = ranges.value(p, at: u)
            case .detour: detour = ranges.value(p, at: u)
            case .activity: activity = ranges.value(p, at: u)
            case .population:
                populationSeed = UInt64(u * 0x1p53)
                populationHalfWidth = ranges.population
            }
        }
    }

    /// The factor on travel times: detour ÷ speed.
    public var timeFactor: Double { detour / speed }

    /// A travel time of the draw from the stated `minutes`, whose start-up delay `startup` (part
    /// of the minutes, not travel) is kept: (minutes − startup) × ``timeFactor`` + startup.
    @inline(__always)
    public func minutes(_ minutes: Double, startup: Double = 0) -> Double {
        (minutes - startup) * timeFactor + startup
    }

    /// The population factor of the commune with `key` (``key(_:)`` of its code):
    /// 1 + p (2u − 1), u uniform in [0, 1) from the seed and the key (SplitMix64 of their
    /// exclusive or), so that a commune's factor depends on its code, not on its place in the files.
    @inline(__always)
    public func populationFactor(key: UInt64) -> Double {
        guard let seed = populationSeed, populationHalfWidth > 0 else { return 1 }
        let z = SeededGenerator.splitMixFinal((seed ^ key) &+ 0x9E37_79B9_7F4A_7C15)
        return 1 + populationHalfWidth * (2 * (Double(z >> 11) * 0x1p-53) - 1)
    }

    /// A commune's key for ``populationFactor(key:)``: the 64-bit FNV-1a hash of its code's UTF-8.
    public static func key(_ code: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in code.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }
}
