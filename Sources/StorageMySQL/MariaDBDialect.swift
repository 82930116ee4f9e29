public import SQLKit

/// MariaDB's SQL as SQLKit writes it: backquoted identifiers, `?` placeholders, inline `ENUM`s,
/// `ON DUPLICATE KEY UPDATE` upserts, `DATETIME(6)` timestamps and JSON paths through `JSON_EXTRACT`.
///
/// `supportsReturning` is true because MariaDB (10.5 and later) supports `INSERT … RETURNING` and
/// `DELETE … RETURNING`, which the domain repositories use to read generated ids; it has no `UPDATE … RETURNING`.
public struct MariaDBDialect: SQLDialect {
    public init() {}

    public var name: String { "mysql" }
    public var identifierQuote: any SQLExpression { SQLRaw("`") }
    public var literalStringQuote: any SQLExpression { SQLRaw("'") }
    public func bindPlaceholder(at position: Int) -> any SQLExpression { SQLRaw("?") }
    public func literalBoolean(_ value: Bool) -> any SQLExpression { SQLRaw(value ? "1" : "0") }
    public var literalDefault: any SQLExpression { SQLRaw("DEFAULT") }
    public var supportsIfExists: Bool { true }
    public var supportsDropBehavior: Bool { true }
    public var supportsAutoIncrement: Bool { true }
    public var autoIncrementClause: any SQLExpression { SQLRaw("AUTO_INCREMENT") }
    public var enumSyntax: SQLEnumSyntax { .inline }
    public var supportsReturning: Bool { true }
    public var triggerSyntax: SQLTriggerSyntax {
        .init(create: [.supportsBody, .conditionRequiresParentheses, .supportsOrder, .supportsDefiner, .requiresForEachRow])
    }
    public var alterTableSyntax: SQLAlterTableSyntax {
        .init(alterColumnDefinitionClause: SQLRaw("MODIFY COLUMN"), alterColumnDefinitionTypeKeyword: nil)
    }
    public var upsertSyntax: SQLUpsertSyntax { .mysqlLike }
    public var unionFeatures: SQLUnionFeatures {
        [.union, .unionAll, .intersect, .intersectAll, .except, .exceptAll, .explicitDistinct, .parenthesizedSubqueries]
    }
    public var sharedSelectLockExpression: (any SQLExpression)? { SQLRaw("LOCK IN SHARE MODE") }
    public var exclusiveSelectLockExpression: (any SQLExpression)? { SQLRaw("FOR UPDATE") }

    public func customDataType(for dataType: SQLDataType) -> (any SQLExpression)? {
        // Microsecond precision, no 2038 limit and no time-zone conversion, unlike MariaDB's TIMESTAMP.
        if case .custom(let expression) = dataType, (expression as? SQLRaw)?.sql == "TIMESTAMP" {
            return SQLRaw("DATETIME(6)")
        }
        return nil
    }

    public func nestedSubpathExpression(in column: any SQLExpression, for path: [String]) -> (any SQLExpression)? {
        guard !path.isEmpty else { return nil }
        // MariaDB has no `->>`; JSON_UNQUOTE(JSON_EXTRACT(…)) is its spelling.
        return SQLFunction(
            "JSON_UNQUOTE",
            args: SQLFunction(
                "JSON_EXTRACT",
                args: [
                    column, SQLLiteral.string("$.\(path.joined(separator: "."))"),
                ]
            )
        )
    }
}
