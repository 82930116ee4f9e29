public import SQLKit

/// The right side of `column LIKE …` that matches values containing `fragment` literally: `%`, `_` and the
/// escape character are escaped, so a search for "50%" finds "50%" and not everything starting with 50.
///
/// ```swift
/// select.where(SQLColumn("name"), .like, SQLContainsPattern(search))
/// ```
public struct SQLContainsPattern: SQLExpression {
    public let fragment: String

    public init(_ fragment: String) { self.fragment = fragment }

    public func serialize(to serializer: inout SQLSerializer) {
        var escaped = "%"
        for character in self.fragment {
            if character == "%" || character == "_" || character == "!" { escaped.append("!") }
            escaped.append(character)
        }
        escaped.append("%")
        SQLBind(escaped).serialize(to: &serializer)
        serializer.write(" ESCAPE '!'")
    }
}
