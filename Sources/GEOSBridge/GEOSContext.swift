import CGEOS
import Foundation

/// One GEOS context (`GEOSContextHandle_t`): all GEOS work of one thread goes through one.
///
/// GEOS's reentrant API is thread-safe only when each thread uses its own context, so a context
/// is not `Sendable`: take `GEOSContext.current` on the thread that does the work. The context's
/// error handler stores GEOS's last message, which every failing call turns into a `GEOSError`.
/// Geometries keep their context alive, so handles are always destroyed by the context that
/// made them, exactly once.
package final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let sink: MessageSink
    private let sinkReference: Unmanaged<MessageSink>

    final class MessageSink {
        var lastError: String?
        var lastNotice: String?
    }

    package init() {
        guard let handle = GEOS_init_r() else { preconditionFailure("GEOS_init_r returned NULL (out of memory)") }
        self.handle = handle
        sink = MessageSink()
        sinkReference = Unmanaged.passRetained(sink)
        GEOSContext_setErrorMessageHandler_r(handle, { message, userData in
            guard let userData else { return }
            Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue().lastError = message.map { String(cString: $0) }
        }, sinkReference.toOpaque())
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userData in
            guard let userData else { return }
            Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue().lastNotice = message.map { String(cString: $0) }
        }, sinkReference.toOpaque())
    }

    deinit {
        GEOS_finish_r(handle)
        sinkReference.release()
    }

    private static let threadKey = "org.geohealth.GEOSContext"

    /// The calling thread's context, made on first use and released with the thread.
    package static var current: GEOSContext {
        let dictionary = Thread.current.threadDictionary
        if let context = dictionary[threadKey] as? GEOSContext { return context }
        let context = GEOSContext()
        dictionary[threadKey] = context
        return context
    }

    /// The error for a failed call: GEOS's message if it left one, then clears it.
    func failure(_ operation: String) -> GEOSError {
        let message = sink.lastError ?? "no message from GEOS"
        sink.lastError = nil
        return GEOSError(operation: operation, message: message)
    }

    /// Wraps an owned handle, or throws the pending error when `pointer` is NULL.
    func own(_ pointer: OpaquePointer?, _ operation: String) throws -> NativeGeometry {
        guard let pointer else { throw failure(operation) }
        return NativeGeometry(owning: pointer, context: self)
    }

    /// Interprets a GEOS predicate result (1 true, 0 false, 2 exception).
    func predicate(_ result: CChar, _ operation: String) throws -> Bool {
        switch result {
        case 1: return true
        case 0: return false
        default: throw failure(operation)
        }
    }

    /// Frees a string or buffer that GEOS allocated.
    func free(_ pointer: UnsafeMutableRawPointer?) {
        if let pointer { GEOSFree_r(handle, pointer) }
    }
}
