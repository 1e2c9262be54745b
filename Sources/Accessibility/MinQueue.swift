/// A binary min-heap of (minutes, node) items whose storage is kept between runs
/// (`removeAll()` keeps the capacity), so that the millions of small witness searches of a
/// contraction allocate nothing (R. W. Floyd, "Algorithm 245: Treesort 3", CACM 7(12), 1964).
/// - Complexity: O(log n) per insert and pop.
struct MinQueue {
    private var items: [HierarchySearch.Item] = []

    /// Empties the queue and keeps its storage.
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func insert(_ item: HierarchySearch.Item) {
        items.append(item)
        var k = items.count - 1
        while k > 0 {
            let parent = (k - 1) / 2
            guard item < items[parent] else { break }
            items[k] = items[parent]
            k = parent
        }
        items[k] = item
    }

    mutating func popMin() -> HierarchySearch.Item? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        let top = items[0]
        var k = 0
        let n = items.count
        while true {
            var child = 2 * k + 1
            if child >= n { break }
            if child + 1 < n, items[child + 1] < items[child] { child += 1 }
            guard items[child] < last else { break }
            items[k] = items[child]
            k = child
        }
        items[k] = last
        return top
    }
}
