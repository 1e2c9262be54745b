import GeoCore

extension TimeOfDayFactors {
    /// The table of rows `from,to,urban,rural` as written in a speed-factor file: times
    /// `HH:MM` (00:00–24:00), factors positive decimals (`0.65`; `0,65` too, as French
    /// spreadsheets write them).
    ///
    /// ```
    /// from,to,urban,rural
    /// 21:00,07:00,1,1
    /// 07:00,21:00,0.7,0.9
    /// ```
    /// - Throws: ``Problem`` naming the row (0-based) and field of a time or factor that does
    ///   not read, or the gaps and overlaps of the periods (``init(periods:)``).
    public static func parse(rows: [(from: String, to: String, urban: String, rural: String)]) throws -> TimeOfDayFactors {
        var periods: [Period] = []
        for (i, row) in rows.enumerated() {
            func time(_ text: String, _ field: String) throws -> Int {
                guard let m = minutes(of: text.trimmingCharacters(in: " \t")) else {
                    throw Problem(period: i, field: field, message: "'\(text)' is not a time HH:MM between 00:00 and 24:00")
                }
                return m
            }
            func factor(_ text: String, _ field: String) throws -> Double {
                let cleaned = text.trimmingCharacters(in: " \t").replacing(",", with: ".")
                guard let v = Double(cleaned), v > 0, v.isFinite else {
                    throw Problem(period: i, field: field, message: "'\(text)' is not a positive speed factor (e.g. 0.8)")
                }
                return v
            }
            let from = try time(row.from, "from")
            guard from < 1440 else { throw Problem(period: i, field: "from", message: "a period cannot start at 24:00 (write 00:00)") }
            periods.append(Period(from: from, to: try time(row.to, "to"), urban: try factor(row.urban, "urban"), rural: try factor(row.rural, "rural")))
        }
        guard !periods.isEmpty else { throw Problem(period: nil, message: "no period: give rows from,to,urban,rural covering the 24 hours") }
        return try TimeOfDayFactors(periods: periods)
    }

    /// A digest of the table, the same for equal tables: the periods as `from-to:urban/rural`
    /// joined by `;` (what the prepared-graph key of `docs/roads.md` §6 records).
    public var digest: String {
        periods.map { "\(Self.clock($0.from))-\(Self.clock($0.to)):\($0.urban)/\($0.rural)" }.joined(separator: ";")
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
