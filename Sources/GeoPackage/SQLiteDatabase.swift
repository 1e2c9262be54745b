import CSQLite
import Foundation

/// A thin binding (public for tests and tools that look inside a GeoPackage) of the system SQLite library: open, execute, prepared statements with
/// typed binds and columns. Errors carry SQLite's message and the file name.
package final class SQLiteDatabase {
    let path: String
    private(set) var handle: OpaquePointer?

    package struct Error: Swift.Error, CustomStringConvertible {
        package var description: String
        /// The statement was interrupted because the connection ran out of its work budget
        /// (``limitWork(to:)``).
        var budgetExceeded = false
    }

    /// What the connection may still run, shared with the progress handler (its context).
    final class WorkBudget {
        let steps: Int
        var remaining: Int
        var exceeded = false
        init(steps: Int) { self.steps = steps; remaining = steps }
    }

    private var budget: WorkBudget?
    /// Instructions between two calls of the progress handler.
    static let progressInterval: Int32 = 1_000

    /// Bounds what this connection may cost: once its statements have run `steps` SQLite
    /// virtual-machine instructions in all (counted by `sqlite3_progress_handler` every 1,000),
    /// the running one is interrupted and fails with an ``Error`` whose `budgetExceeded` is true.
    /// A query that would never end (a recursive VIEW) ends there. The C callback captures
    /// nothing: the budget is its context, alive as long as this connection.
    func limitWork(to steps: Int) {
        let budget = WorkBudget(steps: steps)
        self.budget = budget
        sqlite3_progress_handler(handle, Self.progressInterval, { context in
            guard let context else { return 0 }
            let budget = Unmanaged<WorkBudget>.fromOpaque(context).takeUnretainedValue()
            budget.remaining -= Int(SQLiteDatabase.progressInterval)
            if budget.remaining < 0 { budget.exceeded = true }
            return budget.exceeded ? 1 : 0
        }, Unmanaged.passUnretained(budget).toOpaque())
    }

    /// The error of the last failed call, flagged when the work budget interrupted it.
    func failure(_ description: String) -> Error {
        Error(description: description, budgetExceeded: budget?.exceeded == true)
    }

    package init(path: String, readOnly: Bool) throws {
        self.path = path
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let status = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            handle = nil
            throw Error(description: message)
        }
    }

    /// `sqlite3_close_v2`: should a statement still live, the connection is freed with it.
    deinit { sqlite3_close_v2(handle) }

    var message: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed" }

    package func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let text = error.map { String(cString: $0) } ?? message
            sqlite3_free(error)
            throw failure("\(text) (in: \(sql.prefix(120)))")
        }
    }

    package func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Error(description: "\(message) (in: \(sql.prefix(120)))")
        }
        return Statement(statement, database: self)
    }

    /// The values of the first column of every row of a query.
    package func column<T>(_ sql: String, _ read: (Statement) -> T) throws -> [T] {
        let s = try prepare(sql)
        var out: [T] = []
        while try s.step() { out.append(read(s)) }
        return out
    }

    package final class Statement {
        let pointer: OpaquePointer
        /// Strong: the database stays open while a statement of it lives (closing a database
        /// with live statements fails and leaks it).
        let database: SQLiteDatabase

        init(_ pointer: OpaquePointer, database: SQLiteDatabase) {
            self.pointer = pointer
            self.database = database
        }

        deinit { sqlite3_finalize(pointer) }

        /// SQLite copies the bytes it binds (SQLITE_TRANSIENT).
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        func bind(_ index: Int32, _ value: Double?) { if let value { sqlite3_bind_double(pointer, index, value) } else { sqlite3_bind_null(pointer, index) } }
        func bind(_ index: Int32, _ value: Int64?) { if let value { sqlite3_bind_int64(pointer, index, value) } else { sqlite3_bind_null(pointer, index) } }
        func bind(_ index: Int32, _ value: String?) {
            if let value { sqlite3_bind_text(pointer, index, value, -1, Self.transient) } else { sqlite3_bind_null(pointer, index) }
        }
        func bind(_ index: Int32, blob: [UInt8]) {
            blob.withUnsafeBytes { sqlite3_bind_blob(pointer, index, $0.baseAddress, Int32($0.count), Self.transient) }
        }

        /// Runs to the next row: true when a row is there, false when done.
        @discardableResult
        package func step() throws -> Bool {
            switch sqlite3_step(pointer) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw database.failure(database.message)
            }
        }

        func reset() {
            sqlite3_reset(pointer)
            sqlite3_clear_bindings(pointer)
        }

        var columnCount: Int32 { sqlite3_column_count(pointer) }
        package func name(_ i: Int32) -> String { String(cString: sqlite3_column_name(pointer, i)) }
        func declaredType(_ i: Int32) -> String { sqlite3_column_decltype(pointer, i).map { String(cString: $0) } ?? "" }
        package func int(_ i: Int32) -> Int64 { sqlite3_column_int64(pointer, i) }
        package func double(_ i: Int32) -> Double { sqlite3_column_double(pointer, i) }
        package func text(_ i: Int32) -> String? { sqlite3_column_text(pointer, i).map { String(cString: $0) } }

        /// The column's value as SQLite stores it.
        package enum Value { case null, integer(Int64), real(Double), text(String), blob([UInt8]) }
        package func value(_ i: Int32) -> Value {
            switch sqlite3_column_type(pointer, i) {
            case SQLITE_INTEGER: return .integer(int(i))
            case SQLITE_FLOAT: return .real(double(i))
            case SQLITE_TEXT: return .text(text(i) ?? "")
            case SQLITE_BLOB:
                let n = Int(sqlite3_column_bytes(pointer, i))
                guard n > 0, let p = sqlite3_column_blob(pointer, i) else { return .blob([]) }
                return .blob(Array(UnsafeRawBufferPointer(start: p, count: n)))
            default: return .null
            }
        }
    }
}

/// A table or column name inside double quotes, quotes doubled (SQL standard identifiers).
func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
