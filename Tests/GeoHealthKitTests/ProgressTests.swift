import GeoHealthKit
import Synchronization
import Testing

@Suite(.serialized) struct ProgressTests {
    /// A job expected to run for minutes is announced with advice; a short one is not.
    @Test func longJobsAreAnnouncedAndShortOnesAreNot() {
        let heard = Mutex<[String]>([])
        Progress.listenForWarnings { message in heard.withLock { $0.append(message) } }
        defer { Progress.listenForWarnings(nil) }
        Progress.warnIfLong("the p-median", seconds: 59, advice: "use fewer pairs")
        #expect(heard.withLock { $0 }.isEmpty)
        Progress.warnIfLong("the p-median", seconds: 200, advice: "use fewer pairs")
        #expect(heard.withLock { $0 } == ["warning: the p-median is expected to take about 3 min on this machine; use fewer pairs"])
    }
}
