/// Travel costs from origins (communes) to destinations (sites), sparse: for each origin only the
/// destinations within the model's maximum cost, sorted by time. Every cost model produces one.
///
/// Stored row by row (compressed sparse rows): `rowStart[o] ..< rowStart[o + 1]` indexes the
/// entries of origin `o` in `destinations`, `minutes` and `kilometres`.
/// - Complexity: memory O(origins + entries); a row in O(1); `nearest` O(row length).
public struct CostMatrix: Sendable, Equatable {
    /// One stored cost: a destination within reach of an origin, and the time and distance to it.
    public struct Entry: Hashable, Sendable {
        /// The destination's index in the cost points the matrix was computed to.
        public var destination: Int
        /// Travel time in minutes, ≤ the matrix's `maxMinutes`.
        public var minutes: Double
        /// Travel distance, or NaN when the model does not know it (a matrix given in minutes only).
        public var kilometres: Double

        /// An entry to `destination` at `minutes`, `kilometres` unknown (NaN) unless given.
        public init(destination: Int, minutes: Double, kilometres: Double = .nan) {
            self.destination = destination
            self.minutes = minutes
            self.kilometres = kilometres
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.destination == b.destination && a.minutes == b.minutes && (a.kilometres == b.kilometres || (a.kilometres.isNaN && b.kilometres.isNaN))
        }

        public func hash(into h: inout Hasher) {
            h.combine(destination)
            h.combine(minutes)
        }
    }

    /// The number of origins (rows).
    public let originCount: Int
    /// The number of destinations (the range of the destination indices).
    public let destinationCount: Int
    /// The largest cost kept, in minutes (entries above it are not stored).
    public let maxMinutes: Double
    /// Compressed rows: origin `o`'s entries are at `rowStart[o] ..< rowStart[o + 1]`
    /// (`originCount + 1` offsets, the first 0).
    public internal(set) var rowStart: [Int]
    /// Each entry's destination index, row after row, each row sorted by minutes then index.
    public internal(set) var destinations: [Int32]
    /// Each entry's travel time in minutes, parallel to ``destinations``.
    public internal(set) var minutes: [Double]
    /// Each entry's travel distance in km (NaN when unknown), parallel to ``destinations``.
    public internal(set) var kilometres: [Double]

    /// Builds the matrix from one list of entries per origin; entries above `maxMinutes` are
    /// dropped, each row is sorted by minutes, then destination index.
    public init(destinationCount: Int, maxMinutes: Double, rows: [[Entry]]) {
        var b = Builder(expectedEntries: rows.reduce(0) { $0 + $1.count })
        for row in rows {
            for e in row where e.minutes <= maxMinutes { b.add(e) }
            b.endRow()
        }
        self = b.matrix(destinationCount: destinationCount, maxMinutes: maxMinutes)
    }

    /// A matrix from its compressed rows, each already sorted by minutes then destination
    /// (checked, O(entries)); what ``Builder`` and the fast model paths produce.
    public init(destinationCount: Int, maxMinutes: Double, rowStart: [Int], destinations: [Int32], minutes: [Double], kilometres: [Double]) {
        precondition(
            rowStart.first == 0 && rowStart.last == destinations.count && minutes.count == destinations.count && kilometres.count == destinations.count)
        for o in 0..<(rowStart.count - 1) {
            for k in rowStart[o]..<rowStart[o + 1] {
                precondition(destinations[k] >= 0 && Int(destinations[k]) < destinationCount, "destination index out of range")
                precondition(minutes[k] <= maxMinutes, "entry above maxMinutes")
                if k > rowStart[o] { precondition((minutes[k - 1], destinations[k - 1]) < (minutes[k], destinations[k]), "row not sorted") }
            }
        }
        originCount = rowStart.count - 1
        self.destinationCount = destinationCount
        self.maxMinutes = maxMinutes
        self.rowStart = rowStart
        self.destinations = destinations
        self.minutes = minutes
        self.kilometres = kilometres
    }

    /// Builds compressed rows one origin at a time, with no array per row: entries of the
    /// current row are gathered in a reusable buffer, sorted and appended by ``endRow()``.
    package struct Builder: Sendable {
        package internal(set) var rowStart: [Int] = [0]
        package internal(set) var destinations: [Int32] = []
        package internal(set) var minutes: [Double] = []
        package internal(set) var kilometres: [Double] = []
        private var row: [Entry] = []

        package init(expectedEntries: Int = 0) {
            destinations.reserveCapacity(expectedEntries)
            minutes.reserveCapacity(expectedEntries)
            kilometres.reserveCapacity(expectedEntries)
        }

        package mutating func add(_ e: Entry) { row.append(e) }

        /// Closes the current origin's row (sorted by minutes, then destination).
        package mutating func endRow() {
            if row.count > 1 { row.sort { ($0.minutes, $0.destination) < ($1.minutes, $1.destination) } }
            for e in row {
                destinations.append(Int32(e.destination))
                minutes.append(e.minutes)
                kilometres.append(e.kilometres)
            }
            row.removeAll(keepingCapacity: true)
            rowStart.append(destinations.count)
        }

        package func matrix(destinationCount: Int, maxMinutes: Double) -> CostMatrix {
            CostMatrix(
                destinationCount: destinationCount, maxMinutes: maxMinutes, rowStart: rowStart, destinations: destinations, minutes: minutes,
                kilometres: kilometres)
        }
    }

    /// The number of stored entries, over all rows.
    public var entryCount: Int { destinations.count }

    /// The entries of origin `o`, nearest first.
    public func row(_ o: Int) -> [Entry] {
        (rowStart[o]..<rowStart[o + 1]).map { Entry(destination: Int(destinations[$0]), minutes: minutes[$0], kilometres: kilometres[$0]) }
    }

    /// The nearest destination of origin `o` among those that `include` accepts, or nil when none is within reach.
    public func nearest(_ o: Int, where include: (Int) -> Bool = { _ in true }) -> Entry? {
        for k in rowStart[o]..<rowStart[o + 1] where include(Int(destinations[k])) {
            return Entry(destination: Int(destinations[k]), minutes: minutes[k], kilometres: kilometres[k])
        }
        return nil
    }

    /// How many destinations accepted by `include` origin `o` reaches within `limit` minutes.
    public func count(_ o: Int, within limit: Double, where include: (Int) -> Bool = { _ in true }) -> Int {
        var n = 0
        for k in rowStart[o]..<rowStart[o + 1] {
            if minutes[k] > limit { break }
            if include(Int(destinations[k])) { n += 1 }
        }
        return n
    }

    /// Origins with no destination within reach.
    public var unreachableOrigins: [Int] {
        (0..<originCount).filter { rowStart[$0] == rowStart[$0 + 1] }
    }
}
