import Foundation
import GRDB
import GRDBSQLite
public import Logging
public import NIOCore
public import NIOPosix
public import SQLKit
import StorageKit

/// A SQLKit database on the system's libsqlite3, through a GRDB `DatabasePool`: WAL journal, one writer and
/// concurrent readers, foreign keys on, a busy timeout, `synchronous=NORMAL` (or `FULL`).
///
/// ```swift
/// let database = try SQLiteDatabase(configuration: .init(url: "sqlite:data/rapport.sqlite"), logger: logger)
/// let rows = try await database.select().column("*").from("contacts").all()
/// ```
/// `SELECT` statements run on a reader connection; everything else runs on the writer, one statement at a time,
/// or for the length of ``withSession(_:)`` (which ``StorageKit`` transactions use).
///
/// `SELECT`s and the statements of a session run on the calling thread, through GRDB's synchronous API: such a
/// statement takes microseconds, while handing each one to GRDB's dispatch queue and back cost two thread
/// switches, more CPU than the statement itself. A write on its own (which may be a purge or a bulk insert) still
/// runs on GRDB's writer queue. Only a caller that finds the writer taken suspends (``WriterGate``); the one wait
/// that blocks a thread is SQLite's busy timeout, when another process holds the database's write lock.
public struct SQLiteDatabase: SQLDatabase {
    final class Engine: Sendable {
        let writer: any DatabaseWriter
        let gate = WriterGate()
        /// An in-memory database is a single connection: reads take the writer's turn too.
        let readsThroughWriter: Bool

        init(writer: any DatabaseWriter, readsThroughWriter: Bool) {
            self.writer = writer
            self.readsThroughWriter = readsThroughWriter
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
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(TimeInterval(configuration.busyTimeout.components.seconds))
        config.maximumReaderCount = max(1, configuration.maximumReaderCount)
        // Our sessions span several GRDB accesses on the writer; GRDB's guard against that would trap.
        config.allowsUnsafeTransactions = true
        do {
            switch configuration.storage {
            case .memory:
                self.engine = Engine(writer: try DatabaseQueue(configuration: config), readsThroughWriter: true)
            case .file:
                let path = configuration.resolvedPath!
                try Self.prepareDirectory(of: path)
                self.engine = Engine(writer: try DatabasePool(path: path, configuration: config), readsThroughWriter: false)
            }
            // GRDB sets NORMAL when it opens a WAL pool; only the writer's setting matters for durability.
            let synchronous = configuration.synchronous.rawValue
            try self.engine.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(synchronous)") }
        } catch let error as DatabaseError {
            throw StorageError(
                .unavailable,
                "cannot open SQLite database: \(error.message ?? "\(error.resultCode)")",
                code: Int(error.extendedResultCode.rawValue)
            )
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
        let (sql, binds) = self.serialize(query)
        if let level = self.queryLogLevel { self.logger.log(level: level, "\(sql) \(binds)") }
        let arguments = try Self.arguments(binds)
        let count = binds.count
        let work: @Sendable (Database) throws -> Void = { db in try Self.run(sql, arguments, count: count, on: db, onRow) }
        do {
            if self.inSession {
                try Self.writeNow(on: self.engine.writer, work)
            } else if SQLStatement.isSelect(sql) && !self.engine.readsThroughWriter {
                // One SELECT is atomic on its own: no need for the read transaction GRDB's `read` wraps it in.
                try Self.readNow(on: self.engine.writer, work)
            } else {
                // A write on its own can be large (a purge, a bulk insert): it runs on GRDB's writer queue, off the
                // caller's thread.
                try await self.engine.gate.withLock { try await self.engine.writer.writeWithoutTransaction(work) }
            }
        } catch let error as DatabaseError {
            throw Self.storageError(error)
        }
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
            try? Self.writeNow(on: engine.writer) { db in
                if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
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
        if let pool = self.engine.writer as? DatabasePool { try pool.close() }
        if let queue = self.engine.writer as? DatabaseQueue { try queue.close() }
    }

    /// GRDB's synchronous read: a reader connection from the pool, used on this thread.
    static func readNow(on reader: any DatabaseReader, _ work: (Database) throws -> Void) throws {
        try reader.unsafeRead(work)
    }

    /// GRDB's synchronous write access: the writer connection, used on this thread. Callers hold the gate, so the
    /// connection is free and nothing waits here but SQLite's own busy timeout (another process writing).
    static func writeNow(on writer: any DatabaseWriter, _ work: (Database) throws -> Void) throws {
        try writer.writeWithoutTransaction(work)
    }

    static func arguments(_ binds: [any Encodable & Sendable]) throws -> StatementArguments {
        let encoder = StorageValueEncoder()
        var values: [DatabaseValue] = []
        values.reserveCapacity(binds.count)
        for bind in binds {
            switch try encoder.encode(bind) {
            case .null: values.append(.null)
            case .integer(let v): values.append(v.databaseValue)
            case .unsignedInteger(let v): values.append(String(v).databaseValue)
            case .double(let v): values.append(v.databaseValue)
            case .text(let v): values.append(v.databaseValue)
            case .blob(let v): values.append(Data(v).databaseValue)
            case .date(let v): values.append(StorageDateFormat.string(from: v).databaseValue)
            }
        }
        // GRDB's generic initializer maps with a key path, which an unspecialized generic instantiates at run time
        // on every call (4 % of a write request's CPU); its existential one maps with a closure.
        return StatementArguments(values.map { Optional<any DatabaseValueConvertible>.some($0) })
    }

    static func run(_ sql: String, _ arguments: StatementArguments, count: Int, on db: Database, _ onRow: (any SQLRow) -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        // SQLKit always serializes exactly one positional bind per placeholder. GRDB's checked variant looks up
        // every parameter's name, which is quadratic in the parameter count (a multi-row INSERT spent most of its
        // time there); a wrong count would still fail in SQLite.
        let placeholders = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        guard count == placeholders else {
            throw StorageError(.query, "the statement has \(placeholders) placeholders but \(count) values")
        }
        statement.setUncheckedArguments(arguments)
        let columns = StorageRow.Columns(statement.columnNames)
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            var values: [StorageValue] = []
            values.reserveCapacity(columns.names.count)
            for value in row.databaseValues {
                switch value.storage {
                case .null: values.append(.null)
                case .int64(let v): values.append(.integer(v))
                case .double(let v): values.append(.double(v))
                case .string(let v): values.append(.text(v))
                case .blob(let v): values.append(.blob(Array(v)))
                }
            }
            onRow(StorageRow(columns: columns, values: values))
        }
    }

    static func storageError(_ error: DatabaseError) -> StorageError {
        let code = Int(error.extendedResultCode.rawValue)
        let message = error.message ?? "SQLite error \(code)"
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_ROWID:
            return StorageError(.duplicate, message, code: code)
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return StorageError(.foreignKey, message, code: code)
        default:
            break
        }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_RANGE:
            return StorageError(.constraint, message, code: code)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StorageError(.conflict, message, code: code)
        case .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_CORRUPT, .SQLITE_NOTADB,
            .SQLITE_PERM, .SQLITE_NOMEM:
            return StorageError(.unavailable, message, code: code)
        default:
            return StorageError(.query, message, code: code)
        }
    }
}
