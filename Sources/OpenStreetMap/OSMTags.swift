import COsmium
import Foundation

/// A way's tags as libosmium holds them, valid only during the call that receives them (never
/// keep one): looked up by key without building a dictionary, so that deciding about millions
/// of ways stays cheap.
package struct OSMTags {
    let keys: UnsafePointer<UnsafePointer<CChar>?>?
    let values: UnsafePointer<UnsafePointer<CChar>?>?
    /// The number of tags.
    package let count: Int

    init(keys: UnsafePointer<UnsafePointer<CChar>?>?, values: UnsafePointer<UnsafePointer<CChar>?>?, count: Int) {
        self.keys = keys
        self.values = values
        self.count = count
    }

    /// The value of tag `key`, or nil when the way does not have it.
    package subscript(key: String) -> String? {
        guard let keys, let values else { return nil }
        return key.withCString { wanted -> String? in
            for i in 0..<count {
                guard let k = keys[i], strcmp(k, wanted) == 0 else { continue }
                return values[i].map { String(cString: $0) }
            }
            return nil
        }
    }

    /// Every tag, as a dictionary (the first value when a key repeats).
    package var dictionary: [String: String] {
        var all: [String: String] = [:]
        guard let keys, let values else { return all }
        for i in 0..<count {
            guard let k = keys[i], let v = values[i] else { continue }
            let key = String(cString: k)
            if all[key] == nil { all[key] = String(cString: v) }
        }
        return all
    }
}
