import GeoCore

/// Speed factors by time of day and setting: the network speed of a road (``SpeedTable``,
/// `maxspeed`) × the factor of the period that holds the chosen time, in the road's urban or
/// rural column (the urban rule of `docs/roads.md` §3). A planner shows coverage at 3 a.m.
/// (free flow) and at 6 p.m. (evening peak) with the same roads.
///
/// Periods are half-open, `[from, to)`, in minutes after midnight; a period whose `to` is not
/// after its `from` wraps past midnight (`21:00–07:00`); `from == to` is the whole day. The
/// periods of a table cover the 24 hours exactly once (checked by ``init(periods:)``).
///
/// The default table (``standard``) is an **assumption**, not a measurement: free flow at night,
/// speeds × 0.65 in town and × 0.85 in the country at the peaks, × 0.8 and × 0.95 in the day.
/// Its order of magnitude follows the congestion levels TomTom's Traffic Index publishes for
/// French cities (extra travel time over free flow, largest at the evening peak) and the small
/// effect of traffic on rural roads; a planner with local counts gives their own table
/// (``parse(rows:)``, CSV `from,to,urban,rural`).
public struct TimeOfDayFactors: Sendable, Equatable {
    /// One period of the day and its factors.
    public struct Period: Sendable, Equatable {
        /// Start, in minutes after midnight (0–1439).
        public var from: Int
        /// End (excluded), in minutes after midnight (0–1440); at or before `from`: wraps past midnight.
        public var to: Int
        /// Factor of urban roads' speeds (> 0).
        public var urban: Double
        /// Factor of rural roads' speeds (> 0).
        public var rural: Double

        /// The period `[from, to)` (minutes after midnight) with its urban and rural factors.
        public init(from: Int, to: Int, urban: Double, rural: Double) {
            self.from = from
            self.to = to
            self.urban = urban
            self.rural = rural
        }

        /// Its length in minutes (1–1440).
        public var length: Int {
            let l = ((to - from) % 1440 + 1440) % 1440
            return l == 0 ? 1440 : l
        }

        /// Whether minute `m` (0–1439) lies in the period.
        public func contains(_ m: Int) -> Bool { ((m - from) % 1440 + 1440) % 1440 < length }
    }

    /// The periods, in the order given.
    public let periods: [Period]

    /// The table of `periods`.
    /// - Throws: ``Problem`` when a time is outside the day, a factor is not a positive finite
    ///   number, or the periods leave a gap or overlap (the message lists them as `HH:MM–HH:MM`).
    public init(periods: [Period]) throws {
        for (i, p) in periods.enumerated() {
            guard (0..<1440).contains(p.from), (0...1440).contains(p.to) else { throw Problem(period: i, message: "a time outside 00:00–24:00") }
            guard p.urban > 0, p.urban.isFinite, p.rural > 0, p.rural.isFinite else {
                throw Problem(period: i, message: "factors must be positive numbers (urban \(p.urban), rural \(p.rural))")
            }
        }
        var cover = [Int](repeating: 0, count: 1440)
        for p in periods {
            for k in 0..<p.length { cover[(p.from + k) % 1440] += 1 }
        }
        let gaps = Self.runs(cover) { $0 == 0 }, overlaps = Self.runs(cover) { $0 > 1 }
        guard gaps.isEmpty && overlaps.isEmpty else {
            var parts: [String] = []
            if !gaps.isEmpty { parts.append("no factor for \(gaps.joined(separator: ", "))") }
            if !overlaps.isEmpty { parts.append("periods overlap at \(overlaps.joined(separator: ", "))") }
            throw Problem(period: nil, message: "the periods must cover the 24 hours once: " + parts.joined(separator: "; "))
        }
        self.periods = periods
    }

    /// The factor at `minutesOfDay` (taken modulo 24 h) for an urban or a rural road.
    public func factor(at minutesOfDay: Int, urban: Bool) -> Double {
        let m = (minutesOfDay % 1440 + 1440) % 1440
        guard let p = periods.first(where: { $0.contains(m) }) else { preconditionFailure("init(periods:) checks that the periods cover the day") }
        return urban ? p.urban : p.rural
    }

    /// The default table (assumptions, see the type's comment): night 21:00–07:00 1.0 / 1.0;
    /// peaks 07:00–09:30 and 16:30–19:30 urban 0.65, rural 0.85; day otherwise 0.8 / 0.95.
    public static let standard = try! TimeOfDayFactors(periods: [
        Period(from: 21 * 60, to: 7 * 60, urban: 1.0, rural: 1.0),
        Period(from: 7 * 60, to: 9 * 60 + 30, urban: 0.65, rural: 0.85),
        Period(from: 9 * 60 + 30, to: 16 * 60 + 30, urban: 0.8, rural: 0.95),
        Period(from: 16 * 60 + 30, to: 19 * 60 + 30, urban: 0.65, rural: 0.85),
        Period(from: 19 * 60 + 30, to: 21 * 60, urban: 0.8, rural: 0.95),
    ])

    /// Runs of consecutive minutes (wrapping midnight) where `test` holds, as `HH:MM–HH:MM`.
    static func runs(_ cover: [Int], where test: (Int) -> Bool) -> [String] {
        guard cover.contains(where: { !test($0) }) else { return ["00:00–24:00"] }
        // Start at a minute where the test fails, so that no run is cut at midnight.
        let start = cover.firstIndex { !test($0) }!
        var runs: [String] = [], runStart: Int?
        for k in 1...1440 {
            let m = (start + k) % 1440
            if test(cover[m]) && k < 1440 {
                if runStart == nil { runStart = m }
            } else if let s = runStart {
                runs.append("\(clock(s))–\(clock(m))")
                runStart = nil
            }
        }
        return runs
    }

    /// `HH:MM` of minutes after midnight.
    public static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// Minutes after midnight of `HH:MM` (00:00–24:00; one-digit hours allowed), nil otherwise.
    public static func minutes(of clock: String) -> Int? {
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]), m < 60, h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    /// A problem with a table: the period (0-based, in the order given) and its field when one
    /// is at fault.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The period at fault, or nil for the table as a whole (gaps, overlaps).
        public var period: Int?
        /// The field at fault (`from`, `to`, `urban`, `rural`), when one is.
        public var field: String?
        /// What is wrong.
        public var message: String

        /// A problem of `period` (nil: the whole table), in `field` when one is at fault.
        public init(period: Int?, field: String? = nil, message: String) {
            self.period = period
            self.field = field
            self.message = message
        }

        public var description: String { message }
    }
}
