import CSQLite
import SQLKit
import StorageKit

/// One libsqlite3 connection and its prepared statements.
///
/// It is opened in SQLite's multi-thread mode (no mutex inside SQLite): a connection is used by one thread at a
/// time, which its owner guarantees — ``ReaderPool`` hands each reader to one caller, and the writer is used under
/// ``WriterGate`` and a mutex.
final class SQLiteConnection: @unchecked Sendable {
    /// A prepared statement and its result columns, kept for the life of the connection.
    final class Prepared {
        let handle: OpaquePointer
        private var columnList: StorageRow.Columns
        /// How many times SQLite had prepared the statement again when ``columnList`` was read.
        private var preparations: CInt

        init(handle: OpaquePointer) {
            self.handle = handle
            self.columnList = Self.columns(of: handle)
            self.preparations = Self.preparations(of: handle)
        }

        /// The result columns. SQLite prepares a statement again after a schema change, and a `*` may then name
        /// other columns.
        var columns: StorageRow.Columns {
            let preparations = Self.preparations(of: self.handle)
            if preparations != self.preparations {
                self.columnList = Self.columns(of: self.handle)
                self.preparations = preparations
            }
            return self.columnList
        }

        static func preparations(of handle: OpaquePointer) -> CInt {
            sqlite3_stmt_status(handle, CInt(SQLITE_STMTSTATUS_REPREPARE), 0)
        }

        static func columns(of handle: OpaquePointer) -> StorageRow.Columns {
            let count = sqlite3_column_count(handle)
            var names: [String] = []
            names.reserveCapacity(Int(count))
            for index in 0..<count {
                names.append(sqlite3_column_name(handle, index).map { String(cString: $0) } ?? "")
            }
            return StorageRow.Columns(names)
        }
    }

    /// Statements prepared once and reused; SQL built with a varying number of placeholders could grow it without
    /// bound, so a full cache starts over.
    static let statementCacheLimit = 256
    /// SQLite copies a bound text or blob before the call returns.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    let handle: OpaquePointer
    private var statements: [String: Prepared] = [:]
    private var isClosed = false

    /// Opens `path` (`:memory:` for a private in-memory database). Throws ``StorageError`` `.unavailable` when
    /// SQLite cannot open it.
    init(path: String, readOnly: Bool, busyTimeout: Duration) throws {
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite error \(code)"
            sqlite3_close_v2(handle)
            throw StorageError(.unavailable, "cannot open SQLite database: \(message)", code: Int(code))
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
        let milliseconds = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, CInt(clamping: milliseconds))
        do {
            let code = rapport_sqlite3_refuse_double_quoted_strings(handle)
            guard code == SQLITE_OK else { throw self.error(code) }
            try self.execute("PRAGMA foreign_keys = ON")
        } catch {
            self.close()
            throw error
        }
    }

    deinit { self.close() }

    /// Finalizes every statement and closes the connection; closing twice is harmless.
    func close() {
        guard !self.isClosed else { return }
        self.isClosed = true
        for statement in self.statements.values { sqlite3_finalize(statement.handle) }
        self.statements = [:]
        sqlite3_close_v2(self.handle)
    }

    /// Whether a transaction is open on this connection.
    var isInsideTransaction: Bool { sqlite3_get_autocommit(self.handle) == 0 }

    /// Runs SQL text of one or more statements without binds or rows (pragmas, `ROLLBACK`).
    func execute(_ sql: String) throws {
        let code = sqlite3_exec(self.handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw self.error(code) }
    }

    /// Runs one statement with `values` bound to its placeholders in order, handing each result row to `onRow`.
    func run(_ sql: String, _ values: [StorageValue], _ onRow: (any SQLRow) -> Void) throws {
        try self.step(sql, values) { handle, columns in
            let count = CInt(columns.names.count)
            var row: [StorageValue] = []
            row.reserveCapacity(Int(count))
            for index in 0..<count { row.append(Self.column(index, of: handle)) }
            onRow(StorageRow(columns: columns, values: row))
        }
    }

    /// Runs one statement like ``run(_:_:_:)``, handing each row to `body` read in place (``SQLiteRowReader``).
    func stream(_ sql: String, _ values: [StorageValue], _ body: (any StorageRowReader) throws -> Void) throws {
        // Each row's reader is good only while its callback runs: one kept past it cannot read a statement that
        // moved on, was reset or was finalized.
        let turn = SQLiteRowReader.Turn()
        defer { turn.row = nil }
        var row = 0
        try self.step(sql, values) { handle, columns in
            turn.row = row
            defer { row += 1 }
            try body(SQLiteRowReader(handle: handle, columns: columns, turn: turn, row: row))
        }
    }

    /// Binds `values`, then steps through the rows, calling `onRow` with the statement positioned on each and its
    /// result columns. The statement is reset afterwards, however it ends.
    private func step(_ sql: String, _ values: [StorageValue], _ onRow: (OpaquePointer, StorageRow.Columns) throws -> Void) throws {
        let statement = try self.prepared(sql)
        let handle = statement.handle
        // SQLKit always serializes exactly one positional bind per placeholder; a wrong count would still fail in
        // SQLite, but this names it.
        let placeholders = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == placeholders else {
            throw StorageError(.query, "the statement has \(placeholders) placeholders but \(values.count) values")
        }
        // A reset statement holds no read snapshot and no bound copies.
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for (offset, value) in values.enumerated() {
            let code = Self.bind(value, at: CInt(offset + 1), to: handle)
            guard code == SQLITE_OK else { throw self.error(code) }
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw self.error(code) }
            // Read after a step, which is where SQLite prepares the statement again if it must.
            try onRow(handle, statement.columns)
        }
    }

    private func prepared(_ sql: String) throws -> Prepared {
        if let statement = self.statements[sql] { return statement }
        var handle: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        var second = false
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v3(self.handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, &tail)
            // Whitespace, comments or a final `;` may follow the statement; another statement may not.
            if code == SQLITE_OK, let tail, tail.pointee != 0 {
                var next: OpaquePointer?
                if sqlite3_prepare_v2(self.handle, tail, -1, &next, nil) != SQLITE_OK || next != nil { second = true }
                sqlite3_finalize(next)
            }
            return code
        }
        guard code == SQLITE_OK, !second else {
            sqlite3_finalize(handle)
            if second { throw StorageError(.query, "one statement at a time: \(sql.prefix(120))") }
            throw self.error(code)
        }
        guard let handle else { throw StorageError(.query, "the SQL holds no statement: \(sql.prefix(120))") }
        if self.statements.count >= Self.statementCacheLimit {
            for statement in self.statements.values { sqlite3_finalize(statement.handle) }
            self.statements.removeAll(keepingCapacity: true)
        }
        let statement = Prepared(handle: handle)
        self.statements[sql] = statement
        return statement
    }

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

    /// The connection's last error as a ``StorageError`` of the matching kind.
    func error(_ code: CInt) -> StorageError {
        let extended = sqlite3_extended_errcode(self.handle)
        // A result code given by the call wins over the connection's (bind errors do not always set it).
        let full = (extended & 0xFF) == (code & 0xFF) ? extended : code
        let message = sqlite3_errmsg(self.handle).map { String(cString: $0) } ?? "SQLite error \(full)"
        return Self.storageError(code: full, message: message)
    }

    /// Extended result codes, which the C header spells as macros Swift does not import.
    static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
    static let constraintRowID = SQLITE_CONSTRAINT | (10 << 8)

    static func storageError(code: CInt, message: String) -> StorageError {
        switch code {
        case Self.constraintUnique, Self.constraintPrimaryKey, Self.constraintRowID:
            return StorageError(.duplicate, message, code: Int(code))
        case Self.constraintForeignKey:
            return StorageError(.foreignKey, message, code: Int(code))
        default:
            break
        }
        switch code & 0xFF {
        case SQLITE_CONSTRAINT, SQLITE_MISMATCH, SQLITE_TOOBIG, SQLITE_RANGE:
            return StorageError(.constraint, message, code: Int(code))
        case SQLITE_BUSY, SQLITE_LOCKED:
            return StorageError(.conflict, message, code: Int(code))
        case SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_FULL, SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_PERM, SQLITE_NOMEM:
            return StorageError(.unavailable, message, code: Int(code))
        default:
            return StorageError(.query, message, code: Int(code))
        }
    }
}
