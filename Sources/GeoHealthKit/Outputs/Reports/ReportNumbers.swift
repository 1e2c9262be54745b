import GeoIO

/// Numbers as a reader of the report's language writes them (``ReportText/numbers``): French
/// `159 785`, `86,5 %`, `3,7` (narrow no-break space between thousands, decimal comma, a
/// no-break space before `%`); English `159,785`, `86.5%`, `3.7`.
struct ReportNumbers: Sendable {
    var thousandsSeparator: String
    var decimalMark: String
    /// What follows a percentage, its space included.
    var percentSign: String

    func int(_ x: Double) -> String {
        // Display only: a value no Int holds (never from bounded inputs) is printed, not trapped on.
        guard let n = Int(exactly: x.rounded()) else { return x.isFinite ? NumberFormatting.string(x, precision: 0) : "—" }
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += thousandsSeparator }
            out.append(ch)
        }
        return (n < 0 ? "−" : "") + out
    }

    func decimal(_ x: Double, _ precision: Int) -> String {
        let s = NumberFormatting.string(abs(x), precision: precision)
        let parts = s.split(separator: ".", maxSplits: 1).map(String.init)
        let whole = int(Double(parts[0]) ?? 0)
        let sign = x < 0 && s != "0" ? "−" : ""
        return sign + whole + (parts.count > 1 ? decimalMark + parts[1] : "")
    }

    /// A fraction as a percentage.
    func percent(_ share: Double, _ precision: Int = 1) -> String {
        decimal(share * 100, precision) + percentSign
    }
}
