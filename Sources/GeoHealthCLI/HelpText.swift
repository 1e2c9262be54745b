import Accessibility
import GeoHealthKit

/// The library's values as the help states them (a default, a published band, a threshold):
/// written from the library's constant, never retyped, so that `--help` shows what the
/// analyses use (docs/architecture.md, "Every default has one home").
enum HelpText {
    /// `30`, `2.5`, `0.68`, `5,400`; a weight with no short decimal (a third) as `2/3`.
    static func number(_ x: Double) -> String {
        let hundredths = x * 100
        if abs(hundredths - hundredths.rounded()) > 1e-9,
           let denominator = (2...9).first(where: { d in abs(x * Double(d) - (x * Double(d)).rounded()) < 1e-9 }) {
            return "\(Int((x * Double(denominator)).rounded()))/\(denominator)"
        }
        guard x == x.rounded(), abs(x) < 1e15 else { return "\(x)" }
        var digits = String(Int64(abs(x)))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (x < 0 ? "-" : "") + digits + grouped
    }

    /// Stepwise bands as `1 / 0.68 / 0.22 up to 10 / 20 / 30 min`.
    static func bands(_ bands: [(upTo: Double, weight: Double)]) -> String {
        bands.map { number($0.weight) }.joined(separator: " / ") + " up to " + bands.map { number($0.upTo) }.joined(separator: " / ") + " min"
    }

    /// The E2SFCA bands of Luo and Qi, the default of `e2sfca` (``Accessibility/DistanceDecay/luoQi``).
    static var luoQiBands: String {
        guard case .steps(let steps) = DistanceDecay.luoQi else { return "" }
        return bands(steps.map { ($0.upTo, $0.weight) })
    }

    /// The DREES APL bands (``APLParameters/bands``).
    static var aplBands: String {
        guard case .steps(let steps) = APLParameters().bands else { return "" }
        return bands(steps.map { ($0.upTo, $0.weight) })
    }

    /// The default catchment of an access method, in minutes (``AccessAnalysis/defaultCatchmentMinutes(_:)``).
    static func catchmentMinutes(_ method: AccessAnalysis.Method) -> String {
        number(AccessAnalysis.defaultCatchmentMinutes(method))
    }
}
