import CPROJ
import Foundation
import GeoCore

/// One PROJ context (`PJ_CONTEXT`): PROJ objects must only be used from the thread whose
/// context made them, so take `PROJContext.current` on the working thread.
///
/// PROJ's own messages do not go to stderr: a per-context log handler keeps the last error
/// message, and ``lastError()`` returns it with the context's error code, so a thrown
/// ``ProjectionError`` says what PROJ said ("crs not found: EPSG:999999"), not only the
/// generic text of the code ("Unknown error (code 4096)").
package final class PROJContext {
    let handle: OpaquePointer
    /// The last error message PROJ logged on this context, until ``lastError()`` reads it.
    fileprivate var logged: String?

    package init() {
        guard let h = proj_context_create() else { preconditionFailure("proj_context_create returned NULL") }
        handle = h
        proj_log_level(h, PJ_LOG_ERROR)
        // The context lives as long as `self` (destroyed in deinit), so an unretained pointer is safe.
        proj_log_func(h, Unmanaged.passUnretained(self).toOpaque(), projLog)
    }

    deinit {
        proj_context_destroy(handle)
    }

    private static let threadKey = "org.geohealth.PROJContext"

    /// The calling thread's context, made on first use.
    package static var current: PROJContext {
        let dictionary = Thread.current.threadDictionary
        if let c = dictionary[threadKey] as? PROJContext { return c }
        let c = PROJContext()
        dictionary[threadKey] = c
        return c
    }

    /// PROJ's message for the context's last error (what it logged, and the text of its error
    /// code when that adds to it), then clears both: the code is read before it is reset.
    func lastError() -> String {
        let code = proj_context_errno(handle)
        let message = logged
        logged = nil
        let codeText = code != 0 ? proj_context_errno_string(handle, code).map { String(cString: $0) } : nil
        if code != 0, let pj = proj_create(handle, "+proj=noop") {  // resets this context's errno (PROJ has no call for it)
            proj_errno_reset(pj)
            proj_destroy(pj)
        }
        switch (message, codeText) {
        case let (m?, c?) where !c.hasPrefix("Unknown error") && !m.contains(c): return "\(m) (\(c))"
        case let (m?, _): return m
        case let (nil, c?): return c
        case (nil, nil): return "no message from PROJ"
        }
    }

    /// The CRS's name as PROJ's database gives it (e.g. `RGF93 v1 / Lambert-93`); throws when unknown.
    package func name(of crs: CRS) throws -> String {
        guard let pj = proj_create(handle, crs.description) else {
            throw ProjectionError.unknownCRS(crs.description, message: lastError())
        }
        defer { proj_destroy(pj) }
        return proj_get_name(pj).map { String(cString: $0) } ?? crs.description
    }
}

/// PROJ's log callback: keeps the last error message of the context it was given.
private func projLog(_ data: UnsafeMutableRawPointer?, _ level: Int32, _ message: UnsafePointer<CChar>?) {
    guard let data, let message, level <= Int32(PJ_LOG_ERROR.rawValue) else { return }
    Unmanaged<PROJContext>.fromOpaque(data).takeUnretainedValue().logged = String(cString: message)
}
