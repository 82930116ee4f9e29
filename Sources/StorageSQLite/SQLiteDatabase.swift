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
        let values = try Self.arguments(binds)
        let work: @Sendable (Database) throws -> Void = { db in try Self.run(sql, values, on: db, onRow) }
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

    /// Arguments GRDB sees for every statement run here: none. The values are bound directly (``bind(_:at:to:)``),
    /// which skips GRDB's per-value boxing; GRDB still resets the statement and clears the old bindings first.
    static let noArguments = StatementArguments()
    /// SQLite copies a bound text or blob before the call returns.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    static func bind(_ value: StorageValue, at index: CInt, to handle: OpaquePointer) -> CInt {
        switch value {
        case .null: return sqlite3_bind_null(handle, index)
        case .integer(let v): return sqlite3_bind_int64(handle, index, v)
        case .double(let v): return sqlite3_bind_double(handle, index, v)
        case .text(let v):
            var text = v
            return text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    // An empty string still binds text, not NULL (a nil pointer would).
                    guard let start = chars.baseAddress, !chars.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
                    return sqlite3_bind_text(handle, index, start, CInt(chars.count), Self.transient)
                }
            }
        case .blob(let v):
            return v.withUnsafeBytes { bytes in
                sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), CInt(bytes.count), Self.transient)
            }
        case .unsignedInteger(let v): return sqlite3_bind_text(handle, index, String(v), -1, Self.transient)
        case .date(let v): return sqlite3_bind_text(handle, index, StorageDateFormat.string(from: v), -1, Self.transient)
        }
    }

    /// Column `index` of the current row, read straight from SQLite.
    static func column(_ index: CInt, of handle: OpaquePointer) -> StorageValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(handle, index))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }

    static func run(_ sql: String, _ values: [StorageValue], on db: Database, _ onRow: (any SQLRow) -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        // SQLKit always serializes exactly one positional bind per placeholder; a wrong count would still fail in
        // SQLite, but this names it.
        let placeholders = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == placeholders else {
            throw StorageError(.query, "the statement has \(placeholders) placeholders but \(values.count) values")
        }
        statement.setUncheckedArguments(Self.noArguments)
        for (offset, value) in values.enumerated() {
            let code = Self.bind(value, at: CInt(offset + 1), to: handle)
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql) }
        }
        let columns = StorageRow.Columns(statement.columnNames)
        let count = CInt(columns.names.count)
        let cursor = try Row.fetchCursor(statement)
        while try cursor.next() != nil {
            var row: [StorageValue] = []
            row.reserveCapacity(Int(count))
            for index in 0..<count { row.append(Self.column(index, of: handle)) }
            onRow(StorageRow(columns: columns, values: row))
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
