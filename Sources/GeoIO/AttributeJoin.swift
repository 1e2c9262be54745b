/// Joins rows of a table to features by a shared key (an INSEE code, say) and reports what
/// matched nothing on either side, so that nothing is dropped silently.
public struct AttributeJoin: Sendable {
    /// For each left key, the index of the matching right row (or nil).
    public var rowForKey: [Int?]
    public var report: JoinReport

    /// - Parameters:
    ///   - left: the keys of the features, in feature order.
    ///   - right: the keys of the table rows, in row order; a repeated key keeps its first row and is reported.
    public init(left: [String], right: [String]) {
        var index: [String: Int] = [:]
        index.reserveCapacity(right.count)
        var duplicates: [String] = []
        for (i, k) in right.enumerated() {
            if index[k] == nil { index[k] = i } else { duplicates.append(k) }
        }
        var used = Set<String>()
        var unmatchedLeft: [String] = []
        rowForKey = left.map { k in
            if let i = index[k] {
                used.insert(k)
                return i
            }
            unmatchedLeft.append(k)
            return nil
        }
        let unmatchedRight = right.filter { !used.contains($0) }
        report = JoinReport(
            matched: rowForKey.count - unmatchedLeft.count, unmatchedLeft: unmatchedLeft,
            unmatchedRight: Array(Set(unmatchedRight)).sorted(), duplicateRight: Array(Set(duplicates)).sorted())
    }
}

public struct JoinReport: Hashable, Sendable {
    public var matched: Int
    /// Feature keys with no row.
    public var unmatchedLeft: [String]
    /// Row keys with no feature.
    public var unmatchedRight: [String]
    /// Row keys that appear more than once (the first row was used).
    public var duplicateRight: [String]
}
