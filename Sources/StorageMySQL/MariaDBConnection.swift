import CMariaDB
import Foundation
import SQLKit
import StorageKit

/// `mysql_library_init` runs once per process, before the first connection (it is not thread-safe itself).
private let libraryInitialized: Bool = mysql_server_init(0, nil, nil) == 0

/// One libmariadb connection with its prepared statements. Every method blocks: call them on the pool's
/// thread pool, never on an event loop.
///
/// `@unchecked Sendable`: a connection is used by one thread at a time — the pool hands it to exactly one
/// lease holder, and the hand-over goes through the pool actor, which orders the accesses.
final class MariaDBConnection: @unchecked Sendable {
    private let handle: UnsafeMutablePointer<MYSQL>
    private var statements: [String: UnsafeMutablePointer<MYSQL_STMT>] = [:]
    private static let statementCacheLimit = 256
    /// When the connection was last handed back to the pool; the pool pings connections idle for long.
    var lastUsed = ContinuousClock.now
    /// Set once a call failed in a way that leaves the connection unusable.
    private(set) var isBroken = false

    private init(handle: UnsafeMutablePointer<MYSQL>) {
        self.handle = handle
    }

    deinit {
        for statement in self.statements.values { mysql_stmt_close(statement) }
        mysql_close(self.handle)
    }

    static func connect(_ configuration: MariaDBConfiguration) throws -> MariaDBConnection {
        guard libraryInitialized, let handle = mysql_init(nil) else {
            throw StorageError(.unavailable, "the MariaDB client library could not be initialised")
        }
        var connectTimeout = UInt32(configuration.connectTimeout.components.seconds)
        var readTimeout = UInt32(configuration.readTimeout.components.seconds)
        var writeTimeout = UInt32(configuration.writeTimeout.components.seconds)
        var noReconnect: my_bool = 0
        mysql_options(handle, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
        mysql_options(handle, MYSQL_OPT_READ_TIMEOUT, &readTimeout)
        mysql_options(handle, MYSQL_OPT_WRITE_TIMEOUT, &writeTimeout)
        mysql_options(handle, MYSQL_OPT_RECONNECT, &noReconnect)
        mysql_options(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        let connected = mysql_real_connect(
            handle,
            configuration.host,
            configuration.username,
            configuration.password,
            configuration.database,
            UInt32(configuration.port),
            nil,
            0
        )
        guard connected != nil else {
            let code = mysql_errno(handle)
            let message = String(cString: mysql_error(handle))
            mysql_close(handle)
            throw MariaDBErrorMap.error(code, "cannot connect to MariaDB at \(configuration.host):\(configuration.port): \(message)")
        }
        let connection = MariaDBConnection(handle: handle)
        // Dates travel as UTC wall-clock values; the session's zone must agree for NOW() and TIMESTAMP columns.
        try connection.simpleQuery("SET time_zone = '+00:00'")
        return connection
    }

    /// Whether a transaction is open on this connection (so the pool can roll back what a session left open).
    var inTransaction: Bool { self.handle.pointee.server_status & UInt32(SERVER_STATUS_IN_TRANS) != 0 }

    func ping() -> Bool {
        let alive = mysql_ping(self.handle) == 0
        if !alive { self.isBroken = true }
        return alive
    }

    func simpleQuery(_ sql: String) throws {
        guard mysql_real_query(self.handle, sql, UInt(sql.utf8.count)) == 0 else { throw self.connectionError() }
        if let result = mysql_store_result(self.handle) { mysql_free_result(result) }
    }

    private func connectionError() -> StorageError {
        let code = mysql_errno(self.handle)
        if MariaDBErrorMap.connectionLost.contains(code) { self.isBroken = true }
        return MariaDBErrorMap.error(code, String(cString: mysql_error(self.handle)))
    }

    private func statementError(_ statement: UnsafeMutablePointer<MYSQL_STMT>, sql: String) -> StorageError {
        let code = mysql_stmt_errno(statement)
        if MariaDBErrorMap.connectionLost.contains(code) { self.isBroken = true }
        let error = MariaDBErrorMap.error(code, String(cString: mysql_stmt_error(statement)))
        // A statement that failed for a lost connection or a schema change is prepared afresh next time.
        if self.statements.removeValue(forKey: sql) != nil { mysql_stmt_close(statement) }
        return error
    }

    private func prepared(_ sql: String) throws -> UnsafeMutablePointer<MYSQL_STMT> {
        if let statement = self.statements[sql] { return statement }
        guard let statement = mysql_stmt_init(self.handle) else { throw self.connectionError() }
        guard mysql_stmt_prepare(statement, sql, UInt(sql.utf8.count)) == 0 else {
            let code = mysql_stmt_errno(statement)
            let message = String(cString: mysql_stmt_error(statement))
            mysql_stmt_close(statement)
            if MariaDBErrorMap.connectionLost.contains(code) { self.isBroken = true }
            throw MariaDBErrorMap.error(code, message)
        }
        var updateMaxLength: my_bool = 1
        mysql_stmt_attr_set(statement, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength)
        if self.statements.count >= Self.statementCacheLimit, let (oldSQL, old) = self.statements.first {
            self.statements.removeValue(forKey: oldSQL)
            mysql_stmt_close(old)
        }
        self.statements[sql] = statement
        return statement
    }

    /// Runs one statement with `binds` as prepared-statement parameters and hands each result row to `onRow`.
    /// `sent` becomes true once the statement may have reached the server (after which a retry is unsafe).
    func execute(_ sql: String, _ binds: [StorageValue], sent: inout Bool, _ onRow: (any SQLRow) -> Void) throws {
        let statement = try self.prepared(sql)
        let parameterCount = Int(mysql_stmt_param_count(statement))
        guard parameterCount == binds.count else {
            throw StorageError(.query, "the statement has \(parameterCount) placeholders but \(binds.count) values")
        }
        let buffers = BindBuffers(count: parameterCount)
        defer { buffers.release() }
        for (index, value) in binds.enumerated() { buffers.setParameter(index, value) }
        if parameterCount > 0, mysql_stmt_bind_param(statement, buffers.binds) != 0 {
            throw self.statementError(statement, sql: sql)
        }
        sent = true
        guard mysql_stmt_execute(statement) == 0 else { throw self.statementError(statement, sql: sql) }
        defer { mysql_stmt_free_result(statement) }
        guard let metadata = mysql_stmt_result_metadata(statement) else { return }
        mysql_free_result(metadata)
        guard mysql_stmt_store_result(statement) == 0 else { throw self.statementError(statement, sql: sql) }
        try self.readRows(statement, sql: sql, onRow)
    }

    private func readRows(_ statement: UnsafeMutablePointer<MYSQL_STMT>, sql: String, _ onRow: (any SQLRow) -> Void) throws {
        let count = Int(statement.pointee.field_count)
        let fields = UnsafeBufferPointer(start: statement.pointee.fields, count: count)
        let columns = StorageRow.Columns(fields.map { String(cString: $0.name) })
        let buffers = BindBuffers(count: count)
        defer { buffers.release() }
        let kinds = fields.enumerated().map { index, field in buffers.setResult(index, field: field) }
        guard mysql_stmt_bind_result(statement, buffers.binds) == 0 else { throw self.statementError(statement, sql: sql) }
        while true {
            let status = mysql_stmt_fetch(statement)
            if status == MYSQL_NO_DATA { return }
            if status == 1 { throw self.statementError(statement, sql: sql) }
            var values: [StorageValue] = []
            values.reserveCapacity(count)
            for index in 0..<count {
                values.append(try buffers.value(index, kind: kinds[index], statement: statement))
            }
            onRow(StorageRow(columns: columns, values: values))
        }
    }
}

/// How a result column is read back.
enum ColumnKind {
    case signed, unsigned, double, date, text, blob
}

/// The `MYSQL_BIND` array of one call and the memory its buffers point to, freed together.
final class BindBuffers {
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    let lengths: UnsafeMutablePointer<UInt>
    let nulls: UnsafeMutablePointer<my_bool>
    private var allocations: [UnsafeMutableRawPointer] = []
    let count: Int

    init(count: Int) {
        self.count = count
        self.binds = .allocate(capacity: max(count, 1))
        self.binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        self.lengths = .allocate(capacity: max(count, 1))
        self.lengths.initialize(repeating: 0, count: max(count, 1))
        self.nulls = .allocate(capacity: max(count, 1))
        self.nulls.initialize(repeating: 0, count: max(count, 1))
    }

    func release() {
        for allocation in self.allocations { allocation.deallocate() }
        self.binds.deallocate()
        self.lengths.deallocate()
        self.nulls.deallocate()
    }

    private func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 8)
        self.allocations.append(pointer)
        return pointer
    }

    private func store<T>(_ index: Int, _ value: T, type: enum_field_types, unsigned: Bool = false) {
        let pointer = self.allocate(MemoryLayout<T>.size)
        pointer.storeBytes(of: value, as: T.self)
        self.binds[index].buffer = pointer
        self.binds[index].buffer_type = type
        self.binds[index].is_unsigned = unsigned ? 1 : 0
    }

    private func storeBytes(_ index: Int, _ bytes: some Collection<UInt8>, type: enum_field_types) {
        let pointer = self.allocate(bytes.count)
        pointer.copyMemory(from: Array(bytes), byteCount: bytes.count)
        self.binds[index].buffer = pointer
        self.binds[index].buffer_type = type
        self.binds[index].buffer_length = UInt(bytes.count)
        self.lengths[index] = UInt(bytes.count)
        self.binds[index].length = self.lengths + index
    }

    func setParameter(_ index: Int, _ value: StorageValue) {
        switch value {
        case .null:
            self.binds[index].buffer_type = MYSQL_TYPE_NULL
        case .integer(let v):
            self.store(index, v, type: MYSQL_TYPE_LONGLONG)
        case .unsignedInteger(let v):
            self.store(index, v, type: MYSQL_TYPE_LONGLONG, unsigned: true)
        case .double(let v):
            self.store(index, v, type: MYSQL_TYPE_DOUBLE)
        case .text(let v):
            self.storeBytes(index, v.utf8, type: MYSQL_TYPE_STRING)
        case .blob(let v):
            self.storeBytes(index, v, type: MYSQL_TYPE_BLOB)
        case .date(let v):
            let parts = DateParts(v)
            var time = MYSQL_TIME()
            time.year = UInt32(parts.year)
            time.month = UInt32(parts.month)
            time.day = UInt32(parts.day)
            time.hour = UInt32(parts.hour)
            time.minute = UInt32(parts.minute)
            time.second = UInt32(parts.second)
            time.second_part = UInt(parts.microsecond)
            time.time_type = MYSQL_TIMESTAMP_DATETIME
            self.store(index, time, type: MYSQL_TYPE_DATETIME)
        }
    }

    /// Sets up column `index` to receive `field`'s values and says how to read them.
    func setResult(_ index: Int, field: MYSQL_FIELD) -> ColumnKind {
        self.binds[index].is_null = self.nulls + index
        self.binds[index].length = self.lengths + index
        let kind: ColumnKind
        switch field.type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_INT24, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_YEAR:
            kind = field.flags & UInt32(UNSIGNED_FLAG) != 0 ? .unsigned : .signed
            self.binds[index].buffer = self.allocate(8)
            self.binds[index].buffer_type = MYSQL_TYPE_LONGLONG
            self.binds[index].is_unsigned = kind == .unsigned ? 1 : 0
        case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
            kind = .double
            self.binds[index].buffer = self.allocate(8)
            self.binds[index].buffer_type = MYSQL_TYPE_DOUBLE
        case MYSQL_TYPE_DATE, MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_NEWDATE:
            kind = .date
            self.binds[index].buffer = self.allocate(MemoryLayout<MYSQL_TIME>.size)
            self.binds[index].buffer_type = MYSQL_TYPE_DATETIME
        default:
            // charset 63 is `binary`: BLOB/VARBINARY columns come back as bytes, everything else as text.
            kind =
                field.charsetnr == 63 && field.type != MYSQL_TYPE_NEWDECIMAL && field.type != MYSQL_TYPE_DECIMAL
                ? .blob : .text
            let size = Int(field.max_length)
            self.binds[index].buffer = self.allocate(size)
            self.binds[index].buffer_length = UInt(max(size, 1))
            self.binds[index].buffer_type = kind == .blob ? MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING
        }
        return kind
    }

    func value(_ index: Int, kind: ColumnKind, statement: UnsafeMutablePointer<MYSQL_STMT>) throws -> StorageValue {
        if self.nulls[index] != 0 { return .null }
        let buffer = self.binds[index].buffer!
        switch kind {
        case .signed: return .integer(buffer.load(as: Int64.self))
        case .unsigned:
            let v = buffer.load(as: UInt64.self)
            return v <= UInt64(Int64.max) ? .integer(Int64(v)) : .unsignedInteger(v)
        case .double: return .double(buffer.load(as: Double.self))
        case .date:
            let time = buffer.load(as: MYSQL_TIME.self)
            // DATE columns hold midnight UTC; a zero date ('0000-00-00') has no Swift equivalent.
            guard time.year > 0 else { return .null }
            return .date(
                DateParts(
                    year: Int(time.year),
                    month: Int(time.month),
                    day: Int(time.day),
                    hour: Int(time.hour),
                    minute: Int(time.minute),
                    second: Int(time.second),
                    microsecond: Int(time.second_part)
                ).date
            )
        case .text, .blob:
            let length = Int(self.lengths[index])
            var bytes: [UInt8]
            if length <= Int(self.binds[index].buffer_length) {
                bytes = Array(UnsafeRawBufferPointer(start: buffer, count: length))
            } else {
                // Longer than the stored maximum (it should not be): fetch the column again into a buffer that fits.
                bytes = [UInt8](repeating: 0, count: length)
                var bind = self.binds[index]
                try bytes.withUnsafeMutableBytes { raw in
                    bind.buffer = raw.baseAddress
                    bind.buffer_length = UInt(length)
                    guard mysql_stmt_fetch_column(statement, &bind, UInt32(index), 0) == 0 else {
                        throw StorageError(.query, "could not read a long column value")
                    }
                }
            }
            if kind == .blob { return .blob(bytes) }
            return .text(String(decoding: bytes, as: UTF8.self))
        }
    }
}
