/// One thing wrong with one field of a decoded JSON value: what an API answers a bad request body with, in its
/// own words (each API family renders the problem its way).
public struct FieldIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// A required field is absent.
        case missing
        /// The value is of another kind than the field takes.
        case wrongType(expected: JSONKind)
        /// A number where an integer is needed, with a fractional part.
        case fractional
        /// A string that names none of a closed set of values.
        case notOneOf([String])
        /// Any other rule, in words.
        case invalid(String)
    }

    /// Object keys and array indexes from the top of the value to the field; empty for the value itself.
    public var path: [String]
    public var problem: Problem
    /// The value found, when there was one.
    public var input: JSONValue?

    public init(path: [String], problem: Problem, input: JSONValue? = nil) {
        self.path = path
        self.problem = problem
        self.input = input
    }

    /// The path joined with dots (`users.0.id`).
    public var field: String { self.path.joined(separator: ".") }

    public var description: String { "\(self.field.isEmpty ? "body" : self.field): \(self.problem)" }
}

/// Every issue found while decoding one value.
public struct FieldIssues: Error, Sendable, Hashable {
    public var issues: [FieldIssue]

    public init(_ issues: [FieldIssue]) { self.issues = issues }
}

/// A field that distinguishes JSON `null` from a value; declare it optional to tell an absent key too
/// (`var avatar: Nullable<String>?`: `nil` absent, `.null` cleared, `.value` set).
public enum Nullable<Wrapped: Decodable & Sendable>: Decodable, Sendable {
    case null
    case value(Wrapped)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }

    /// The value, `nil` for null.
    public var value: Wrapped? {
        if case .value(let value) = self { return value }
        return nil
    }
}

extension Nullable: Equatable where Wrapped: Equatable {}

/// Types the decoder hands a JSON `null` to instead of treating the key as absent.
protocol AcceptsNull {}
extension Nullable: AcceptsNull {}
extension JSONValue: AcceptsNull {}
