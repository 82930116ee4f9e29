import Foundation
public import Logging
public import NIOCore
public import NIOPosix
public import SQLKit
public import StorageKit
import Synchronization

/// A SQLKit database on the system's libsqlite3: WAL journal, one writer connection and up to
/// ``SQLiteConfiguration/maximumReaderCount`` read-only ones, foreign keys on, a busy timeout, `synchronous=NORMAL`
/// (or `FULL`).
///
/// ```swift
/// let database = try SQLiteDatabase(configuration: .init(url: "sqlite:data/rapport.sqlite"), logger: logger)
/// let rows = try await database.select().column("*").from("contacts").all()
/// ```
/// `SELECT` statements run on a reader connection; everything else runs on the writer, one statement at a time,
/// or for the length of ``withSession(_:)`` (which ``StorageKit`` transactions use).
///
/// Every statement runs on the calling thread, straight through the C API, on a statement prepared once per
/// connection: such a statement takes microseconds, while handing each one to another thread and back costs two
/// thread switches, more CPU than the statement itself. Only a caller that finds the writer taken suspends
/// (``WriterGate``). What blocks the calling thread: a long statement (a purge, a bulk insert) for its length, and
/// SQLite's busy timeout when another process holds the database's write lock.
public struct SQLiteDatabase: SQLDatabase, StorageRowStreaming {
    final class Engine: Sendable {
        /// `nil` once closed.
        private let writer: Mutex<SQLiteConnection?>
        /// `nil` in memory: an in-memory database is a single connection, and reads take the writer's turn too.
        let readers: ReaderPool?
        let gate = WriterGate()

        init(writer: SQLiteConnection, readers: ReaderPool?) {
            self.writer = Mutex(writer)
            self.readers = readers
        }

        /// The writer connection, used on this thread. Callers hold the gate, so the connection is free and nothing
        /// waits here but SQLite's own busy timeout (another process writing).
        func withWriter<R>(_ body: (SQLiteConnection) throws -> R) throws -> R {
            try self.writer.withLock { connection throws -> R in
                guard let connection else { throw StorageError(.unavailable, "the SQLite database is closed") }
                return try body(connection)
            }
        }

        func close() {
            self.readers?.close()
            self.writer.withLock { connection in
                connection?.close()
                connection = nil
            }
        }
    }

    let engine: Engine
    /// Set inside ``withSession(_:)``: the gate is held and every statement goes straight to the writer.
    let inSession: Bool
    public let logger: Logger
    public let eventLoop: any EventLoop
    public let configuration: SQLiteConfiguration

    public var dialect: any SQLDialect { SQLiteDialect() }
    public var queryLogLevel: Logger.Level? { .trace }

    /// Opens (creating when needed) the database and its directory. Throws ``StorageError`` with kind
    /// `.configuration` when the directory cannot be created or written, `.unavailable` when SQLite cannot open it.
    public init(
        configuration: SQLiteConfiguration,
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws {
        let busyTimeout = configuration.busyTimeout
        do {
            switch configuration.storage {
            case .memory:
                let writer = try SQLiteConnection(path: ":memory:", readOnly: false, busyTimeout: busyTimeout)
                self.engine = Engine(writer: writer, readers: nil)
            case .file:
                let path = configuration.resolvedPath!
                try Self.prepareDirectory(of: path)
                let writer = try SQLiteConnection(path: path, readOnly: false, busyTimeout: busyTimeout)
                // Readers open read-only, and a read-only connection cannot switch the journal: the writer does, first.
                var mode = ""
                try writer.run("PRAGMA journal_mode = WAL", []) { row in mode = (try? row.decode(column: "journal_mode", as: String.self)) ?? "" }
                // SQLite answers with the mode it is in, without an error, when it cannot switch (a read-only file).
                guard mode.lowercased() == "wal" else {
                    throw StorageError(.unavailable, "cannot switch \(path) to WAL (journal mode '\(mode)'): is the file writable?")
                }
                let readers = ReaderPool(path: path, capacity: configuration.maximumReaderCount, busyTimeout: busyTimeout)
                self.engine = Engine(writer: writer, readers: readers)
            }
            // Only the writer's setting matters for durability.
            try self.engine.withWriter { try $0.execute("PRAGMA synchronous = \(configuration.synchronous.rawValue)") }
        } catch let error as StorageError where error.kind != .configuration {
            throw StorageError(.unavailable, "cannot open SQLite database: \(error.message)", code: error.code)
        }
        self.inSession = false
        self.logger = logger
        self.eventLoop = eventLoopGroup.any()
        self.configuration = configuration
    }

    private init(session base: SQLiteDatabase) {
        self.engine = base.engine
        self.inSession = true
        self.logger = base.logger
        self.eventLoop = base.eventLoop
        self.configuration = base.configuration
    }

    static func prepareDirectory(of path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StorageError(.configuration, "cannot create the database directory \(directory)")
        }
        guard access(directory, W_OK) == 0 else {
            throw StorageError(.configuration, "the database directory \(directory) is not writable")
        }
    }

    public func execute(sql query: any SQLKit.SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let promise = self.eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    public func execute(sql query: any SQLKit.SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, values) = try self.statement(for: query, encode: Self.arguments)
        try await self.withConnection(for: sql) { try $0.run(sql, values, onRow) }
    }

    /// Runs `body`, on the calling thread, on the connection that runs `sql`: the writer this session reserved;
    /// a reader for a `SELECT` (atomic on its own, no transaction around it); otherwise the writer, once its turn
    /// at the gate comes.
    func withConnection<R: Sendable>(for sql: String, _ body: (SQLiteConnection) throws -> R) async throws -> R {
        if self.inSession { return try self.engine.withWriter(body) }
        if let readers = self.engine.readers, SQLStatement.isSelect(sql) { return try readers.withReader(body) }
        let engine = self.engine
        return try await engine.gate.withLock { try engine.withWriter(body) }
    }

    public func streamRows(_ text: SQLText, _ body: (any StorageRowReader) throws -> Void) async throws {
        let (sql, values) = try self.statement(for: text, encode: Self.arguments)
        try await self.withConnection(for: sql) { try $0.stream(sql, values, body) }
    }

    /// Runs `closure` with this database's writer connection reserved for it; statements inside see each other's
    /// uncommitted changes. An open transaction left behind by the closure is rolled back.
    public func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if self.inSession { return try await closure(self) }
        let session = SQLiteDatabase(session: self)
        let engine = self.engine
        await engine.gate.acquire()
        // Runs whether the closure returned, threw or was cancelled: an open transaction never outlives the session.
        let finish: @Sendable () -> Void = {
            try? engine.withWriter { connection in
                if connection.isInsideTransaction { try connection.execute("ROLLBACK") }
            }
            engine.gate.release()
        }
        do {
            let result = try await closure(session)
            finish()
            return result
        } catch {
            finish()
            throw error
        }
    }

    /// Closes every connection; further use throws.
    public func close() throws {
        self.engine.close()
    }

    /// The binds as SQLite stores them: dates as text in ``StorageDateFormat``, integers past `Int64.max` as text.
    static func arguments(_ binds: [any Encodable & Sendable]) throws -> [StorageValue] {
        let encoder = StorageValueEncoder()
        var values: [StorageValue] = []
        values.reserveCapacity(binds.count)
        for bind in binds {
            switch try encoder.encode(bind) {
            case .unsignedInteger(let v): values.append(.text(String(v)))
            case .date(let v): values.append(.text(StorageDateFormat.string(from: v)))
            case let value: values.append(value)
            }
        }
        return values
    }
}
