public import SQLKit

/// A `VARCHAR(length)` column type that compares and indexes byte for byte on every database: SQLite's text is
/// already binary-collated; MariaDB's default collation ignores case, so there it is `utf8mb4_bin`.
///
/// ```swift
/// try await db.create(table: "users").column("external_id", type: .custom(SQLCaseSensitiveString(50)), .unique).run()
/// ```
public struct SQLCaseSensitiveString: SQLExpression {
    public let length: Int

    public init(_ length: Int) { self.length = length }

    public func serialize(to serializer: inout SQLSerializer) {
        serializer.write("VARCHAR(\(self.length))")
        if serializer.dialect.name == "mysql" { serializer.write(" CHARACTER SET utf8mb4 COLLATE utf8mb4_bin") }
    }
}
