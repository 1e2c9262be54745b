import CPROJ
import Foundation
import GeoCore

/// One PROJ context (`PJ_CONTEXT`): PROJ objects must only be used from the thread whose
/// context made them, so take `PROJContext.current` on the working thread.
///
/// Logging to stderr is turned off; errors are read from the context and thrown.
public final class PROJContext {
    let handle: OpaquePointer

    public init() {
        guard let h = proj_context_create() else { preconditionFailure("proj_context_create returned NULL") }
        handle = h
        proj_log_level(h, PJ_LOG_NONE)
    }

    deinit {
        proj_context_destroy(handle)
    }

    private static let threadKey = "org.geohealth.PROJContext"

    /// The calling thread's context, made on first use.
    public static var current: PROJContext {
        let dictionary = Thread.current.threadDictionary
        if let c = dictionary[threadKey] as? PROJContext { return c }
        let c = PROJContext()
        dictionary[threadKey] = c
        return c
    }

    /// The PROJ library version, e.g. `9.1.1`.
    public static var libraryVersion: String {
        let info = proj_info()
        return info.release.map { String(cString: $0) } ?? "unknown"
    }

    /// PROJ's message for the context's last error, then clears it.
    func lastError() -> String {
        let code = proj_context_errno(handle)
        defer { proj_errno_reset(nil) }
        guard code != 0, let message = proj_context_errno_string(handle, code) else { return "no message from PROJ" }
        return String(cString: message)
    }

    /// The CRS's name as PROJ's database gives it (e.g. `RGF93 v1 / Lambert-93`); throws when unknown.
    public func name(of crs: CRS) throws -> String {
        guard let pj = proj_create(handle, crs.description) else {
            throw ProjectionError.unknownCRS(crs.description, message: lastError())
        }
        defer { proj_destroy(pj) }
        return proj_get_name(pj).map { String(cString: $0) } ?? crs.description
    }
}
