import CSQLite
public import Foundation
import StorageKit

/// The row a statement is positioned on, read straight from SQLite's buffers: an integer column costs one call,
/// a text column one `String` (a date none). Values of another storage class than the fast path expects are read
/// as ``StorageValue``s and converted by ``StorageValueDecoder``'s rules, so this reads what ``StorageRow`` reads.
///
/// Valid only during the callback it was handed to: the statement then steps on, is reset, and its connection
/// may serve another thread. A reader kept past that throws instead of reading (``Turn``).
struct SQLiteRowReader: StorageRowReader {
    /// Which row of a statement's run is current: a reader may read while the turn is still its row's.
    final class Turn {
        /// The current row's number; `nil` once the run is over.
        var row: Int? = 0
    }

    let handle: OpaquePointer
    let columns: StorageRow.Columns
    let turn: Turn
    let row: Int

    var columnCount: Int { self.columns.names.count }

    func columnName(at index: Int) -> String {
        self.columns.names.indices.contains(index) ? self.columns.names[index] : "#\(index)"
    }

    func checked(_ index: Int) throws -> CInt {
        guard self.turn.row == self.row else { throw StorageError(.decoding, "a streamed row was read after its callback returned") }
        guard self.columns.names.indices.contains(index) else { throw StorageError(.decoding, "the result has no column \(index)") }
        return CInt(index)
    }

    func value(at index: Int) throws -> StorageValue { SQLiteConnection.column(try self.checked(index), of: self.handle) }

    func isNull(at index: Int) throws -> Bool {
        let column = try self.checked(index)
        return sqlite3_column_type(self.handle, column) == SQLITE_NULL
    }

    func int64(at index: Int) throws -> Int64 {
        let column = try self.checked(index)
        guard sqlite3_column_type(self.handle, column) == SQLITE_INTEGER else { return try self.decode(Int64.self, at: index) }
        return sqlite3_column_int64(self.handle, column)
    }

    func int(at index: Int) throws -> Int {
        let column = try self.checked(index)
        guard sqlite3_column_type(self.handle, column) == SQLITE_INTEGER else { return try self.decode(Int.self, at: index) }
        return Int(sqlite3_column_int64(self.handle, column))
    }

    func string(at index: Int) throws -> String {
        let column = try self.checked(index)
        guard sqlite3_column_type(self.handle, column) == SQLITE_TEXT, let text = sqlite3_column_text(self.handle, column) else {
            return try self.decode(String.self, at: index)
        }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(self.handle, column))), as: UTF8.self)
    }

    func date(at index: Int) throws -> Date {
        let column = try self.checked(index)
        // Dates are stored as text (StorageDateFormat): parsed in place. Anything else, or text that does not
        // parse, takes the general path and its error.
        if sqlite3_column_type(self.handle, column) == SQLITE_TEXT, let text = sqlite3_column_text(self.handle, column),
            let date = StorageDateFormat.date(utf8: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(self.handle, column))))
        {
            return date
        }
        return try self.decode(Date.self, at: index)
    }
}
