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
        SQLBind(Self.pattern(self.fragment)).serialize(to: &serializer)
        serializer.write(" ESCAPE '!'")
    }

    /// The pattern itself, to bind in SQL text written with `ESCAPE '!'` after it.
    public static func pattern(_ fragment: String) -> String {
        var escaped = "%"
        for character in fragment {
            if character == "%" || character == "_" || character == "!" { escaped.append("!") }
            escaped.append(character)
        }
        escaped.append("%")
        return escaped
    }
}
