extension RandomAccessCollection where Element: Comparable {
    /// In a collection sorted ascending, the index of the first element not below `value`
    /// (`endIndex` when all are below): binary search, O(log n).
    @inlinable package func firstIndex(notBelow value: Element) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let mid = index(low, offsetBy: half)
            if self[mid] < value {
                low = index(after: mid)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }
}
