/// Joins rows of a table to features by a shared key (an INSEE code, say) and reports what
/// matched nothing on either side, so that nothing is dropped silently.
package struct AttributeJoin: Sendable {
    /// For each left key, the index of the matching right row (or nil).
    package var rowForKey: [Int?]
    package var report: JoinReport

    /// - Parameters:
    ///   - left: the keys of the features, in feature order.
    ///   - right: the keys of the table rows, in row order; a repeated key keeps its first row and is reported.
    package init(left: [String], right: [String]) {
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

package struct JoinReport: Hashable, Sendable {
    package var matched: Int
    /// Feature keys with no row.
    package var unmatchedLeft: [String]
    /// Row keys with no feature.
    package var unmatchedRight: [String]
    /// Row keys that appear more than once (the first row was used).
    package var duplicateRight: [String]
}
