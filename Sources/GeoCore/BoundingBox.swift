/// An axis-aligned rectangle; `nil`-free: an empty box has `minX > maxX`.
public struct BoundingBox: Hashable, Sendable {
    /// Smallest `x` (west edge).
    public var minX: Double
    /// Smallest `y` (south edge).
    public var minY: Double
    /// Largest `x` (east edge).
    public var maxX: Double
    /// Largest `y` (north edge).
    public var maxY: Double

    /// The box between the two corners (`minX > maxX` or `minY > maxY` makes an empty box).
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The box that contains nothing; extending it by a point gives that point's box.
    public static let empty = BoundingBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)

    /// Whether the box contains no point (`minX > maxX` or `minY > maxY`).
    public var isEmpty: Bool { minX > maxX || minY > maxY }
    /// `maxX − minX`, in the coordinates' unit; 0 for an empty box.
    public var width: Double { isEmpty ? 0 : maxX - minX }
    /// `maxY − minY`, in the coordinates' unit; 0 for an empty box.
    public var height: Double { isEmpty ? 0 : maxY - minY }
    /// The box's centre, ((minX + maxX) / 2, (minY + maxY) / 2).
    public var center: Coordinate { Coordinate((minX + maxX) / 2, (minY + maxY) / 2) }

    /// Grows the box to contain `c`.
    @inlinable
    public mutating func extend(_ c: Coordinate) {
        if c.x < minX { minX = c.x }
        if c.x > maxX { maxX = c.x }
        if c.y < minY { minY = c.y }
        if c.y > maxY { maxY = c.y }
    }

    /// Grows the box to contain `other` (an empty `other` changes nothing).
    public mutating func extend(_ other: BoundingBox) {
        guard !other.isEmpty else { return }
        minX = Swift.min(minX, other.minX)
        minY = Swift.min(minY, other.minY)
        maxX = Swift.max(maxX, other.maxX)
        maxY = Swift.max(maxY, other.maxY)
    }

    /// Whether `c` lies within the box (edges included).
    public func contains(_ c: Coordinate) -> Bool {
        c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY
    }

    /// Whether `other` lies within this box (edges included).
    public func contains(_ other: BoundingBox) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// Whether the two boxes share at least one point (touching edges count).
    public func intersects(_ other: BoundingBox) -> Bool {
        !(other.minX > maxX || other.maxX < minX || other.minY > maxY || other.maxY < minY)
    }

    /// The box grown by `margin` on every side.
    public func expanded(by margin: Double) -> BoundingBox {
        BoundingBox(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }
}
