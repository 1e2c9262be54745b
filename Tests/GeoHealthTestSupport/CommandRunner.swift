import Foundation

/// Runs the built `geohealth` executable (found next to the test bundle) from the repository root.
public enum CommandRunner {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// The signal that ended the process (`status` is then its number), or nil.
        public var signal: Int32? = nil
    }

    public static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            Fixtures.url(".build/release"), Fixtures.url(".build/debug"),
        ].map { $0.appendingPathComponent("geohealth") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// `arguments` without the program name; `environment` is added to this process's.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        try run(executable, arguments, environment: environment)
    }

    /// A `/bin/sh -c` script from the repository root (e.g. `ulimit -v N; exec geohealth …`).
    public static func shell(_ script: String) throws -> Output {
        try run(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
    }

    static func run(_ program: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes drained at once: a child that fills one (64 KB) while we wait on the
        // other would block for ever.
        nonisolated(unsafe) var stderr = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                      signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil)
    }

    /// Splits a command line on spaces, keeping 'single' or "double" quoted words together.
    public static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?
        var inWord = false
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                inWord = true
            } else if ch == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
