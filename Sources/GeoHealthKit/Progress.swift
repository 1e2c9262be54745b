import Foundation
import Synchronization

/// Progress of long steps (reading 100 MB, travel-time matrices, siting), reported to whoever
/// listens: the CLI shows one line on stderr when stderr is a terminal, and nothing otherwise
/// or with `--quiet` (DESIGN.md, "Progress"). Libraries and tests leave it silent.
public enum Progress {
    private static let sink = Mutex<(@Sendable (String) -> Void)?>(nil)

    public static func listen(_ handler: (@Sendable (String) -> Void)?) {
        sink.withLock { $0 = handler }
    }

    public static func report(_ step: String) {
        let handler = sink.withLock { $0 }
        handler?(step)
    }
}
