public import Foundation

/// A JSON value: what request bodies and socket frames are read into, what responses are built from, and what the
/// audit log stores (request parameters, old and new values). One type serves every library, so a value moves from
/// a request to the audit log to a response without conversion.
///
/// Objects come in two forms: ``object(_:)``, a dictionary, and ``ordered(_:)``, members written in the order given
/// (for APIs whose clients or documents list fields in a fixed order). Both are the same JSON object: they compare
/// equal when their members are, and ``canonicalText`` writes both with sorted keys.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// An object whose members are written in the given order.
    case ordered([(String, JSONValue)])

    /// A string, or `null` for `nil`.
    @inlinable
    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}

extension JSONValue {
    /// The member at `key` of an object; `nil` for a missing key or a value that is not an object.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        switch self {
        case .object(let members): members[key]
        case .ordered(let members): members.first { $0.0 == key }?.1
        default: nil
        }
    }

    /// The members of an object in writing order (a dictionary's in its own order); `nil` for other values.
    @inlinable
    public var members: [(String, JSONValue)]? {
        switch self {
        case .object(let members): members.map { ($0.key, $0.value) }
        case .ordered(let members): members
        default: nil
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The text of a string value.
    @inlinable
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of a boolean.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// A number without a fractional part (`3` and `3.0`), as an integer.
    @inlinable
    public var integerValue: Int64? {
        switch self {
        case .int(let value): value
        case .double(let value) where value.isFinite && value.rounded() == value: Int64(exactly: value)
        default: nil
        }
    }

    /// Any number, as a `Double`.
    public var numberValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The items of an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// Whether the value is an object (of either form).
    public var isObject: Bool { self.members != nil }

    /// The kind of value, as validation messages name it.
    public var kind: JSONKind {
        switch self {
        case .null: .null
        case .bool: .boolean
        case .int: .integer
        case .double: .number
        case .string: .string
        case .array: .array
        case .object, .ordered: .object
        }
    }

    /// `self` with `other`'s keys added (both objects); an ordered object keeps its order and takes the new keys
    /// sorted at the end.
    @inlinable
    public func merging(_ other: JSONValue) -> JSONValue {
        if case .ordered(let mine) = self, case .object(let theirs) = other {
            return .ordered(mine.filter { theirs[$0.0] == nil } + theirs.sorted { $0.key < $1.key })
        }
        guard case .object(var mine) = self, case .object(let theirs) = other else { return self }
        mine.merge(theirs) { _, new in new }
        return .object(mine)
    }

    /// `self`, or `text` when `self` is null.
    public func orString(_ text: String) -> JSONValue {
        if case .null = self { return .string(text) }
        return self
    }
}

extension JSONValue: Hashable {
    /// Objects compare by their members whatever their form; `1` and `1.0` are different values (their texts differ).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        case (.object, .ordered), (.ordered, .object), (.ordered, .ordered):
            Dictionary(lhs.members!, uniquingKeysWith: { _, last in last }) == Dictionary(rhs.members!, uniquingKeysWith: { _, last in last })
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.canonicalBytes)
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let v): try container.encode(v)
        case .int(let v): try container.encode(v)
        case .double(let v): try container.encode(v)
        case .string(let v): try container.encode(v)
        case .array(let v): try container.encode(v)
        case .object(let v): try container.encode(v)
        case .ordered(let v): try container.encode(Dictionary(v, uniquingKeysWith: { _, last in last }))
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral
{
    @inlinable
    public init(stringLiteral value: String) { self = .string(value) }
    @inlinable
    public init(integerLiteral value: Int64) { self = .int(value) }
    @inlinable
    public init(floatLiteral value: Double) { self = .double(value) }
    @inlinable
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    @inlinable
    public init(nilLiteral: ()) { self = .null }
    @inlinable
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    @inlinable
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// The kinds of JSON value.
public enum JSONKind: String, Sendable, Hashable {
    case null, boolean, integer, number, string, array, object
}
