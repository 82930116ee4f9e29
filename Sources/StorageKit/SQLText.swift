public import Foundation
import Logging
public import SQLKit
import Synchronization

/// A statement written as SQL text with its values, for the hottest queries: Rapport's two drivers run the text
/// as it is, skipping SQLKit's serializer and the bind encoder, which otherwise cost more than SQLite takes to run
/// a short statement. Any other SQLKit database gets the text with its own placeholders and binds, but the text
/// itself (backtick-quoted columns, ``forUpdate(on:)``) is written for SQLite and MariaDB/MySQL. Write a `?` only
/// as a placeholder, never inside a literal.
///
/// ```swift
/// let rows = try await db.all(SQLText("SELECT \(Self.columns) FROM users WHERE id IN (\(binds: ids)) LIMIT \(bind: 10)"))
/// ```
/// Values become `?` placeholders (both SQLite and MariaDB take them). Write SQL both dialects read: identifiers
/// plain, or quoted with backticks (MariaDB's quote, which SQLite accepts too), as ``SQLColumnList`` interpolates.
public struct SQLText: SQLExpression, ExpressibleByStringInterpolation {
    /// The text, with `?` for each value.
    public private(set) var sql: String
    public private(set) var values: [StorageValue]
    /// Where each `?` of ``values`` stands in ``sql`` (UTF-8 offsets), for databases that want their own placeholders.
    private var placeholders: [Int]

    public init(stringLiteral value: String) {
        self.sql = value
        self.values = []
        self.placeholders = []
    }

    public init(stringInterpolation: Interpolation) {
        self = stringInterpolation.text
    }

    public init(_ text: SQLText) { self = text }

    public struct Interpolation: StringInterpolationProtocol {
        var text: SQLText

        public init(literalCapacity: Int, interpolationCount: Int) {
            self.text = SQLText(stringLiteral: "")
            self.text.sql.reserveCapacity(literalCapacity + interpolationCount * 2)
            self.text.values.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { self.text.sql += literal }

        /// One value, as a placeholder.
        public mutating func appendInterpolation(bind value: some SQLTextValue) {
            self.text.append(value.storageValue)
        }

        /// One optional value, as a placeholder: NULL for `nil`.
        public mutating func appendInterpolation<Value: SQLTextValue>(bind value: Value?) {
            self.text.append(value.storageValue)
        }

        /// Values separated by commas, as placeholders (for `IN (…)`); nothing for none.
        public mutating func appendInterpolation(binds values: [some SQLTextValue]) {
            for (index, value) in values.enumerated() {
                if index > 0 { self.text.sql += ", " }
                self.text.append(value.storageValue)
            }
        }

        /// Text written as it is: never anything a user sent.
        public mutating func appendInterpolation(unsafeRaw text: String) {
            self.text.sql += text
        }

        /// Column names, quoted with backticks.
        public mutating func appendInterpolation(_ columns: SQLColumnList) {
            self.text.sql += columns.backtickQuoted
        }

        /// Another text, its values included.
        public mutating func appendInterpolation(_ other: SQLText) {
            self.text.append(other)
        }
    }

    mutating func append(_ value: StorageValue) {
        self.placeholders.append(self.sql.utf8.count)
        self.sql += "?"
        self.values.append(value)
    }

    /// Appends `other`, its values included.
    public mutating func append(_ other: SQLText) {
        let offset = self.sql.utf8.count
        self.sql += other.sql
        self.values += other.values
        self.placeholders += other.placeholders.map { $0 + offset }
    }

    public static func += (lhs: inout SQLText, rhs: SQLText) { lhs.append(rhs) }

    /// ` FOR UPDATE` where the database locks selected rows that way (MariaDB), nothing on SQLite, whose write
    /// transaction already holds the whole database: what SQLKit's `.for(.update)` writes.
    public static func forUpdate(on database: any SQLDatabase) -> SQLText {
        database.dialect.name == "sqlite" ? "" : " FOR UPDATE"
    }

    public func serialize(to serializer: inout SQLSerializer) {
        let utf8 = self.sql.utf8
        var start = utf8.startIndex
        for (offset, value) in zip(self.placeholders, self.values) {
            let mark = utf8.index(utf8.startIndex, offsetBy: offset)
            serializer.write(String(self.sql[start..<mark]))
            serializer.write(bind: value)
            start = utf8.index(after: mark)
        }
        serializer.write(String(self.sql[start...]))
    }
}

final class RowCollector: Sendable {
    let rows = Mutex<[any SQLRow]>([])
}

/// A value ``SQLText`` binds: the scalars Rapport's hot statements use, each stored as ``StorageValueEncoder`` would
/// store it, and their optionals (NULL for `nil`).
public protocol SQLTextValue: Sendable {
    var storageValue: StorageValue { get }
}

extension StorageValue: SQLTextValue {
    public var storageValue: StorageValue { self }
}

extension Int: SQLTextValue {
    public var storageValue: StorageValue { .integer(Int64(self)) }
}

extension Int64: SQLTextValue {
    public var storageValue: StorageValue { .integer(self) }
}

extension String: SQLTextValue {
    public var storageValue: StorageValue { .text(self) }
}

extension Double: SQLTextValue {
    public var storageValue: StorageValue { .double(self) }
}

extension Bool: SQLTextValue {
    public var storageValue: StorageValue { .integer(self ? 1 : 0) }
}

extension Date: SQLTextValue {
    public var storageValue: StorageValue { .date(self) }
}

extension Optional: SQLTextValue where Wrapped: SQLTextValue {
    public var storageValue: StorageValue { self?.storageValue ?? .null }
}

extension SQLDatabase {
    /// What a driver runs for `query`: an ``SQLText`` as written, anything else serialized with its binds made
    /// values by `encode`; logged at the database's query level.
    public func statement(
        for query: any SQLExpression,
        encode: ([any Encodable & Sendable]) throws -> [StorageValue]
    ) throws -> (sql: String, values: [StorageValue]) {
        let statement: (sql: String, values: [StorageValue])
        if let text = query as? SQLText {
            // Written for this: no serializer, and the values are already the driver's.
            statement = (text.sql, text.values)
        } else {
            let (sql, binds) = self.serialize(query)
            statement = (sql, try encode(binds))
        }
        if let level = self.queryLogLevel, self.logger.logLevel <= level { self.logger.log(level: level, "\(statement.sql) \(statement.values)") }
        return statement
    }

    /// Every row `text` returns.
    public func all(_ text: SQLText) async throws -> [any SQLRow] {
        let rows = RowCollector()
        try await self.execute(sql: text) { row in rows.rows.withLock { $0.append(row) } }
        return rows.rows.withLock { $0 }
    }

    /// The first row `text` returns, if any (write `LIMIT 1` to stop there).
    public func first(_ text: SQLText) async throws -> (any SQLRow)? {
        try await self.all(text).first
    }

    /// Runs `text`, ignoring any rows.
    public func run(_ text: SQLText) async throws {
        try await self.execute(sql: text) { _ in }
    }
}
