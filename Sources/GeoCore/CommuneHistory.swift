/// The history of commune codes (INSEE "mouvements des communes"), used to join polygons and
/// populations of different vintages (e.g. COG 2018 polygons with 2026 legal populations).
///
/// Each event says that commune `from` became (part of) commune `to` on `date` (ISO `YYYY-MM-DD`).
/// Two families matter (INSEE, "Code officiel géographique — mouvements des communes", `MOD`):
/// - **carried forward**: fusions and communes nouvelles (31, 32, 33, 34) and code changes
///   (41: change of département, 50: change of chef-lieu): the old code lives on in the new one;
/// - **restorations** (21, "rétablissement"): a commune leaves the one it had merged into.
///
/// Resolution only follows the history for codes that do not exist in the newer table, and
/// then the latest event of each code first, so an old fusion later undone is never re-applied.
public struct CommuneHistory: Sendable {
    /// One line of INSEE's "mouvements des communes": commune `from` became (part of) `to`.
    public struct Event: Hashable, Sendable {
        /// INSEE's `MOD` code: 31–34 fusions and communes nouvelles, 41 and 50 code changes, 21
        /// restorations; other codes are kept but not followed.
        public var kind: Int
        /// The date the change took effect, ISO `YYYY-MM-DD` (INSEE's `DATE_EFF`).
        public var date: String
        /// The commune code before the change (INSEE's `COM_AV`).
        public var from: String
        /// The commune code after the change (INSEE's `COM_AP`).
        public var to: String

        /// The event "`from` became `to` on `date`", of INSEE kind `kind`.
        public init(kind: Int, date: String, from: String, to: String) {
            self.kind = kind
            self.date = date
            self.from = from
            self.to = to
        }
    }

    static let carriedForwardKinds: Set<Int> = [31, 32, 33, 34, 41, 50]
    static let restorationKinds: Set<Int> = [21]

    /// The events kept: between distinct codes, on or after the `since` date given at creation.
    public private(set) var events: [Event]
    private var successor: [String: String] = [:]
    private var restoredFrom: [String: String] = [:]

    /// Keeps the events between distinct codes that took effect on or after `since`.
    public init(events: [Event], since: String = "0000-00-00") {
        self.events = events.filter { $0.from != $0.to && $0.date >= since }
        for e in self.events.sorted(by: { $0.date < $1.date }) {
            if Self.carriedForwardKinds.contains(e.kind) { successor[e.from] = e.to }
            if Self.restorationKinds.contains(e.kind) { restoredFrom[e.to] = e.from }
        }
    }

    /// The code under which `code` exists today, following fusions forward until `exists`
    /// holds; `nil` when the chain ends (or loops) without reaching an existing code.
    public func currentCode(of code: String, exists: (String) -> Bool) -> String? {
        var current = code
        var seen: Set<String> = [code]
        while !exists(current) {
            guard let next = successor[current], seen.insert(next).inserted else { return nil }
            current = next
        }
        return current
    }

    /// For a commune restored after the older vintage, the code of the commune it left
    /// (its territory is inside that commune's older polygon).
    public func restorationParent(of code: String) -> String? {
        restoredFrom[code]
    }
}

extension CommuneHistory {
    /// The commune of a municipal arrondissement (INSEE `ARM`): Paris 75101–75120 → 75056,
    /// Marseille 13201–13216 → 13055, Lyon 69381–69389 → 69123; `nil` for other codes.
    /// Population tables often list arrondissements where polygon layers have whole communes.
    public static func municipalArrondissementParent(of code: String) -> String? {
        guard let n = Int(code) else { return nil }
        switch n {
        case 75101...75120: return "75056"
        case 13201...13216: return "13055"
        case 69381...69389: return "69123"
        default: return nil
        }
    }
}
