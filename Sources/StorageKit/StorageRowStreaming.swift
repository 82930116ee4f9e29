public import SQLKit

/// A driver that hands a `SELECT`'s rows to a callback as it steps through them, read in place: no row value, no
/// `String` or array per column is made unless the callback asks for it. StorageSQLite is one; for any other
/// database ``SQLKit/SQLDatabase/forEachRow(_:_:)`` collects the rows first.
public protocol StorageRowStreaming: SQLDatabase {
    /// Runs `text` and calls `body` with each row, in order, on the calling task. The reader is valid only during
    /// the call; an error thrown by `body` stops the statement and is rethrown.
    func streamRows(_ text: SQLText, _ body: (any StorageRowReader) throws -> Void) async throws
}

extension SQLDatabase {
    /// Runs `text` and calls `body` with each row, in order: read in place where the driver streams
    /// (``StorageRowStreaming``), from the collected rows otherwise (``SQLKit/SQLRow/positionReader``). For
    /// listings of many rows whose column order the caller knows.
    ///
    /// ```swift
    /// var names: [String] = []
    /// try await db.forEachRow("SELECT id, name FROM users ORDER BY id") { row in names.append(try row.string(at: 1)) }
    /// ```
    public func forEachRow(_ text: SQLText, _ body: (any StorageRowReader) throws -> Void) async throws {
        if let streaming = self as? any StorageRowStreaming {
            try await streaming.streamRows(text, body)
            return
        }
        for row in try await self.all(text) {
            try body(row.positionReader)
        }
    }
}

extension SQLRow {
    /// This row read by column position: itself when it is a ``StorageRow`` (both of Rapport's drivers), otherwise
    /// through its column names in the order `allColumns` lists them — which SQLKit does not promise to be the
    /// `SELECT`'s; read such rows with ``reader(columns:)``.
    public var positionReader: any StorageRowReader {
        if let row = self as? StorageRow { return row }
        return SQLRowColumnReader(self, names: self.allColumns)
    }

    /// This row read by position where position `i` is the column named `names[i]` (the `SELECT`'s list): a
    /// ``StorageRow`` directly, any other row through those names.
    public func reader(columns names: [String]) -> any StorageRowReader {
        if let row = self as? StorageRow { return row }
        return SQLRowColumnReader(self, names: names)
    }
}
