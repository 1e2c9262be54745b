import Dispatch

/// The storage of an array shared by the iterations of a concurrent loop
/// (`DispatchQueue.concurrentPerform`), each of which writes only slots that no other
/// iteration reads or writes: results land in place, with no lock and no copy.
///
/// Safety: the slots are the array's own contiguous storage, alive and not reallocated for
/// the whole loop (``Swift/Array/concurrentFill(iterations:_:)`` and
/// ``Swift/Array/init(concurrentCount:_:)`` hold it inside `withUnsafe…BufferPointer`, and the
/// loop ends before they return). Two threads never touch one slot as long as every iteration
/// keeps to its own slots — the one rule the caller promises; distinct elements of a buffer
/// are distinct memory locations, so writes to different slots do not race. The loop's end
/// (`concurrentPerform` returns after every iteration) orders the writes before any read.
/// The value is only ever handed to those iterations, never stored beyond the loop.
package struct DisjointWrites<Element: Sendable>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element>
    package let count: Int

    fileprivate init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
        count = buffer.count
    }

    /// Slot `i` (an initialized one): read it or write it, from the iteration that owns it only.
    package subscript(i: Int) -> Element {
        get {
            precondition(i >= 0 && i < count, "slot out of range")
            return base[i]
        }
        nonmutating set {
            precondition(i >= 0 && i < count, "slot out of range")
            base[i] = newValue
        }
    }

    /// Initializes slot `i` of uninitialized storage (``Swift/Array/init(concurrentCount:_:)``).
    fileprivate func initialize(_ i: Int, to value: Element) {
        precondition(i >= 0 && i < count, "slot out of range")
        (base + i).initialize(to: value)
    }
}

extension Array where Element: Sendable {
    /// Runs `body(iteration, slots)` for every iteration in `0..<iterations` on all cores, the
    /// array's elements as `slots`; each iteration must write only slots that are its own
    /// (for example those of its block of indices) and read no slot another one writes.
    ///
    /// ```swift
    /// var p = [Double](repeating: 1, count: n)
    /// p.concurrentFill(iterations: blocks) { b, p in
    ///     for i in block(b) { p[i] = pValue(i) }
    /// }
    /// ```
    /// - Complexity: the iterations' own work, over `DispatchQueue.concurrentPerform`'s threads.
    package mutating func concurrentFill(iterations: Int, _ body: @Sendable (_ iteration: Int, _ slots: DisjointWrites<Element>) -> Void) {
        withUnsafeMutableBufferPointer { buffer in
            let slots = DisjointWrites(buffer)
            DispatchQueue.concurrentPerform(iterations: iterations) { body($0, slots) }
        }
    }

    /// An array of `count` elements, `element(i)` computed for every index on all cores and
    /// written in place, each slot once, by the iteration of its index.
    /// - Complexity: `count` calls of `element`, over `DispatchQueue.concurrentPerform`'s threads.
    package init(concurrentCount count: Int, _ element: @Sendable (_ index: Int) -> Element) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = DisjointWrites(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { slots.initialize($0, to: element($0)) }
            initialized = count
        }
    }
}
