import StorageKit
import Synchronization

/// Read-only connections to a WAL database, each lent to one caller at a time for one statement.
///
/// A statement runs on the caller's thread and takes microseconds, so the callers at any moment are at most the
/// threads running statements; `capacity` connections are kept for them. A caller that finds none idle with
/// `capacity` lent opens a connection for its statement alone and closes it after, rather than blocking a thread
/// that may be one of the few the cooperative pool has.
final class ReaderPool: Sendable {
    private struct State {
        var idle: [SQLiteConnection] = []
        var lent = 0
        var closed = false
    }

    private enum Lease {
        case idle(SQLiteConnection)
        case open, overflow, closed
    }

    private let state = Mutex(State())
    private let path: String
    private let busyTimeout: Duration
    private let capacity: Int

    init(path: String, capacity: Int, busyTimeout: Duration) {
        self.path = path
        self.capacity = max(1, capacity)
        self.busyTimeout = busyTimeout
    }

    /// Runs `body` with a reader to itself.
    func withReader<R>(_ body: (SQLiteConnection) throws -> R) throws -> R {
        let lease = self.state.withLock { state -> Lease in
            guard !state.closed else { return .closed }
            if let connection = state.idle.popLast() {
                state.lent += 1
                return .idle(connection)
            }
            guard state.lent < self.capacity else { return .overflow }
            state.lent += 1
            return .open
        }
        let connection: SQLiteConnection
        switch lease {
        case .closed: throw StorageError(.unavailable, "the SQLite database is closed")
        case .idle(let idle): connection = idle
        case .overflow:
            let extra = try self.open()
            defer { extra.close() }
            return try body(extra)
        case .open:
            do {
                connection = try self.open()
            } catch {
                self.state.withLock { $0.lent -= 1 }
                throw error
            }
        }
        defer {
            let keep = self.state.withLock { state -> Bool in
                state.lent -= 1
                guard !state.closed else { return false }
                state.idle.append(connection)
                return true
            }
            if !keep { connection.close() }
        }
        return try body(connection)
    }

    private func open() throws -> SQLiteConnection {
        try SQLiteConnection(path: self.path, readOnly: true, busyTimeout: self.busyTimeout)
    }

    /// Closes the idle readers now and every lent one when it comes back; further reads throw.
    func close() {
        let idle = self.state.withLock { state -> [SQLiteConnection] in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { connection.close() }
    }
}
