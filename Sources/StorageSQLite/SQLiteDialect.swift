public import SQLKit

/// SQLite's SQL as SQLKit writes it: `?N` placeholders, upserts, `RETURNING`, JSON paths through `json_extract`.
/// `BIGINT` becomes `INTEGER` so a 64-bit primary key is the rowid and numbers itself.
public struct SQLiteDialect: SQLDialect {
    public init() {}

    public var name: String { "sqlite" }
    public var identifierQuote: any SQLExpression { SQLRaw("\"") }
    public var literalStringQuote: any SQLExpression { SQLRaw("'") }
    public func bindPlaceholder(at position: Int) -> any SQLExpression {
        position > 0 && position < Self.placeholders.count ? Self.placeholders[position] : SQLRaw("?\(position)")
    }
    /// `?1` … `?999` written once: every bind of every statement asks for one.
    static let placeholders: [SQLRaw] = (0..<1000).map { SQLRaw("?\($0)") }
    public func literalBoolean(_ value: Bool) -> any SQLExpression { SQLRaw(value ? "TRUE" : "FALSE") }
    /// SQLite has no `DEFAULT` in `VALUES`; NULL into an `INTEGER PRIMARY KEY` assigns the next rowid.
    public var literalDefault: any SQLExpression { SQLLiteral.null }
    public var supportsIfExists: Bool { true }
    public var supportsDropBehavior: Bool { false }
    public var supportsAutoIncrement: Bool { false }
    public var autoIncrementClause: any SQLExpression { SQLRaw("AUTOINCREMENT") }
    public var enumSyntax: SQLEnumSyntax { .unsupported }
    public var triggerSyntax: SQLTriggerSyntax {
        .init(create: [.supportsBody, .supportsCondition, .supportsUpdateColumns], drop: [])
    }
    public var alterTableSyntax: SQLAlterTableSyntax { .init(allowsBatch: false) }
    public var upsertSyntax: SQLUpsertSyntax { .standard }
    public var supportsReturning: Bool { true }
    public var unionFeatures: SQLUnionFeatures { [.union, .unionAll, .intersect, .except] }

    public func customDataType(for dataType: SQLDataType) -> (any SQLExpression)? {
        if case .bigint = dataType { return SQLDataType.int }
        return nil
    }

    public func nestedSubpathExpression(in column: any SQLExpression, for path: [String]) -> (any SQLExpression)? {
        guard !path.isEmpty else { return nil }
        return SQLFunction("json_extract", args: [column, SQLLiteral.string("$.\(path.joined(separator: "."))")])
    }
}
