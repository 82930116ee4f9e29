import Foundation
public import SQLKit

/// A fixed list of column names, quoted for each dialect once and written as one piece: what a repository's
/// `SELECT a, b, c …` and `INSERT INTO t (a, b, c …)` spend most of their serialization on otherwise, since SQLKit
/// escapes every identifier on every call.
///
/// ```swift
/// static let columns = SQLColumnList(["id", "name", "created_at"])
/// try await db.select().column(Self.columns).from("contacts").where("id", .equal, SQLBind(id)).first()
/// ```
public struct SQLColumnList: SQLExpression {
    public let names: [String]
    let table: String?
    /// `"a", "b"` for SQLite, `` `a`, `b` `` for MySQL: the two dialects Rapport's drivers speak.
    let doubleQuoted: String
    let backtickQuoted: String

    /// - Parameters:
    ///   - names: column names, written in this order.
    ///   - table: a table (or alias) to qualify each of them with.
    public init(_ names: [String], table: String? = nil) {
        precondition(!names.isEmpty, "a column list needs at least one column")
        self.names = names
        func quoted(_ quote: String) -> String {
            let prefix = table.map { quote + $0.replacingOccurrences(of: quote, with: quote + quote) + quote + "." } ?? ""
            return names.map { prefix + quote + $0.replacingOccurrences(of: quote, with: quote + quote) + quote }.joined(separator: ", ")
        }
        self.doubleQuoted = quoted("\"")
        self.backtickQuoted = quoted("`")
        self.table = table
    }

    public func serialize(to serializer: inout SQLSerializer) {
        if let quote = (serializer.dialect.identifierQuote as? SQLRaw)?.sql {
            switch quote {
            case "\"":
                serializer.write(self.doubleQuoted)
                return
            case "`":
                serializer.write(self.backtickQuoted)
                return
            default: break
            }
        }
        // Any other dialect: as SQLKit writes them.
        SQLList(self.names.map { SQLColumn(SQLIdentifier($0), table: self.table.map { SQLIdentifier($0) }) }).serialize(to: &serializer)
    }
}
