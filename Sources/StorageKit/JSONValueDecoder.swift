/// Decodes `Decodable` types from a ``JSONValue`` and reports every bad field at once, not only the first: a
/// missing or mistyped field is noted as a ``FieldIssue`` and decoding goes on with a placeholder, so a request
/// with three bad fields hears about all three. Numbers are strict: an `Int` field takes `3` and `3.0` but not
/// `"3"`, `3.5` or `true`; a `String` field takes only strings.
///
/// In ``Mode-swift.enum/lenient`` mode an optional field whose value does not decode is read as absent instead,
/// as a handler that looks a key up and checks its type would (`data.get("x")`); required fields still report.
/// With ``integersFromStrings`` an integer field also takes a string of digits, as pydantic's lax mode does.
public struct JSONValueDecoder: Sendable {
    public enum Mode: Sendable {
        case strict
        case lenient
    }

    public var mode: Mode
    public var integersFromStrings: Bool

    public init(mode: Mode = .strict, integersFromStrings: Bool = false) {
        self.mode = mode
        self.integersFromStrings = integersFromStrings
    }

    /// The value decoded, or every issue found.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(FieldIssues) -> T {
        let result = self.decodeAll(type, from: value)
        guard result.issues.isEmpty, let decoded = result.value else { throw FieldIssues(result.issues) }
        return decoded
    }

    /// What one decoding found: the value (placeholders standing in for bad fields; `nil` when a type's own
    /// `init(from:)` refused), every issue, and the fields in the order they were read, so that rules checked
    /// afterwards can be reported in the same order.
    public struct Outcome<T> {
        public var value: T?
        public var issues: [FieldIssue]
        public var fieldOrder: [String]
    }

    /// Decodes `T`, returning the issues with the value instead of throwing them.
    public func decodeAll<T: Decodable>(_ type: T.Type, from value: JSONValue) -> Outcome<T> {
        let state = DecodingState(lenient: self.mode == .lenient, integersFromStrings: self.integersFromStrings)
        let decoded: T?
        do {
            decoded = try ValueDecoder(value: value, path: [], state: state).decode(type)
        } catch {
            decoded = nil
        }
        return Outcome(value: decoded, issues: state.issues, fieldOrder: state.visited)
    }
}

/// A closed set of string values: the decoder reports any other string as ``FieldIssue/Problem/notOneOf(_:)``
/// listing the allowed values in declaration order.
public protocol JSONEnumeration: RawRepresentable, CaseIterable, Decodable where RawValue == String {}

/// The issues noted so far, shared by every container of one decoding.
final class DecodingState {
    var issues: [FieldIssue] = []
    var visited: [String] = []
    let lenient: Bool
    let integersFromStrings: Bool

    init(lenient: Bool, integersFromStrings: Bool) {
        self.lenient = lenient
        self.integersFromStrings = integersFromStrings
    }

    func note(_ issue: FieldIssue) { self.issues.append(issue) }
}

/// Thrown when a type's own `init(from:)` refused a value: the issue is noted, and the decoding ends.
struct AbandonedDecoding: Error {}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// A decoder over one value. A `nil` value stands for an absent field being filled with a placeholder: nothing
/// read from it is noted.
struct ValueDecoder: Decoder {
    let value: JSONValue?
    let path: [String]
    let state: DecodingState

    var codingPath: [any CodingKey] { self.path.map { AnyKey(stringValue: $0) } }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func note(_ problem: FieldIssue.Problem) {
        guard let value = self.value else { return }
        self.state.note(FieldIssue(path: self.path, problem: problem, input: value))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        var members: [String: JSONValue]?
        switch self.value {
        case .object(let object): members = object
        case .ordered(let list): members = Dictionary(list, uniquingKeysWith: { _, last in last })
        case nil: members = nil
        default:
            self.note(.wrongType(expected: .object))
            members = nil
        }
        return KeyedDecodingContainer(KeyedReader<Key>(members: members, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        var items: [JSONValue] = []
        switch self.value {
        case .array(let array): items = array
        case nil: break
        default: self.note(.wrongType(expected: .array))
        }
        return UnkeyedReader(items: items, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(decoder: self) }

    func child(_ key: String, _ value: JSONValue?) -> ValueDecoder {
        let child = ValueDecoder(value: value, path: self.path + [key], state: self.state)
        self.state.visited.append(child.path.joined(separator: "."))
        return child
    }

    /// Decodes `T` from this decoder's value, noting a refusal by `T`'s own `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let primitive = try self.primitive(type) { return primitive }
        if let enumeration = type as? any JSONEnumeration.Type { return self.enumeration(enumeration) as! T }
        do {
            return try T(from: self)
        } catch let abandoned as AbandonedDecoding {
            throw abandoned
        } catch {
            if let value = self.value {
                self.state.note(FieldIssue(path: self.path, problem: Self.problem(error), input: value))
            }
            throw AbandonedDecoding()
        }
    }

    func enumeration<E: JSONEnumeration>(_ type: E.Type) -> E {
        let cases = Array(E.allCases)
        if case .string(let text) = self.value, let value = E(rawValue: text) { return value }
        if self.value != nil { self.note(.notOneOf(cases.map(\.rawValue))) }
        return cases[0]
    }

    static func problem(_ error: any Error) -> FieldIssue.Problem {
        if case DecodingError.dataCorrupted(let context) = error { return .invalid(context.debugDescription) }
        return .invalid(String(describing: error))
    }

    /// The primitive types, read strictly; a wrong kind is noted and a placeholder returned.
    func primitive<T>(_ type: T.Type) throws -> T? {
        switch type {
        case is String.Type:
            if case .string(let text) = self.value { return (text as! T) }
            self.note(.wrongType(expected: .string))
            return ("" as! T)
        case is Bool.Type:
            if case .bool(let flag) = self.value { return (flag as! T) }
            self.note(.wrongType(expected: .boolean))
            return (false as! T)
        case is Double.Type, is Float.Type:
            guard let number = self.value?.numberValue else {
                self.note(.wrongType(expected: .number))
                return (type == Double.self ? 0.0 as! T : Float(0) as! T)
            }
            return type == Double.self ? (number as! T) : (Float(number) as! T)
        case is Int.Type: return try self.integer(Int.self) as? T
        case is Int64.Type: return try self.integer(Int64.self) as? T
        case is Int32.Type: return try self.integer(Int32.self) as? T
        case is UInt.Type: return try self.integer(UInt.self) as? T
        case is UInt64.Type: return try self.integer(UInt64.self) as? T
        case is UInt8.Type: return try self.integer(UInt8.self) as? T
        case is JSONValue.Type: return (self.value ?? .null) as? T
        default: return nil
        }
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        switch self.value {
        case .int(let value):
            if let exact = I(exactly: value) { return exact }
            self.note(.invalid("Input should be between \(I.min) and \(I.max)"))
        case .double(let value) where value.isFinite && value.rounded() == value:
            if let exact = I(exactly: value) { return exact }
            self.note(.invalid("Input should be between \(I.min) and \(I.max)"))
        case .double(let value) where value.isFinite: self.note(.fractional)
        case .string(let text) where self.state.integersFromStrings:
            if let exact = I(text.trimmingWhitespace()) { return exact }
            self.note(.wrongType(expected: .integer))
        default: self.note(.wrongType(expected: .integer))
        }
        return 0
    }
}

struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]?
    let decoder: ValueDecoder

    var codingPath: [any CodingKey] { self.decoder.codingPath }
    var allKeys: [Key] { (self.members ?? [:]).keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { self.members?[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        switch self.members?[key.stringValue] {
        case nil, .null?: true
        default: false
        }
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let value = self.members?[key.stringValue]
        let child = self.decoder.child(key.stringValue, value)
        if value == nil, self.decoder.value != nil, self.members != nil {
            self.decoder.state.note(FieldIssue(path: child.path, problem: .missing))
        }
        return try child.decode(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = self.members?[key.stringValue] else { return nil }
        if case .null = value, !(type is any AcceptsNull.Type) { return nil }
        let child = self.decoder.child(key.stringValue, value)
        guard self.decoder.state.lenient else { return try child.decode(type) }
        // Lenient: a value that does not decode reads as absent, and its issues are forgotten.
        let noted = self.decoder.state.issues.count
        let decoded = try? child.decode(type)
        if self.decoder.state.issues.count > noted {
            self.decoder.state.issues.removeSubrange(noted...)
            return nil
        }
        return decoded
    }

    // The standard library's own `decodeIfPresent` for these types would bypass the lenient reading above.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try self.decodeIfPresent(Optional<Bool>.none, type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try self.decodeIfPresent(Optional<String>.none, type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try self.decodeIfPresent(Optional<Double>.none, type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try self.decodeIfPresent(Optional<Float>.none, type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try self.decodeIfPresent(Optional<Int>.none, type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try self.decodeIfPresent(Optional<Int8>.none, type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try self.decodeIfPresent(Optional<Int16>.none, type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try self.decodeIfPresent(Optional<Int32>.none, type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try self.decodeIfPresent(Optional<Int64>.none, type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try self.decodeIfPresent(Optional<UInt>.none, type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try self.decodeIfPresent(Optional<UInt8>.none, type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try self.decodeIfPresent(Optional<UInt16>.none, type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try self.decodeIfPresent(Optional<UInt32>.none, type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try self.decodeIfPresent(Optional<UInt64>.none, type, key) }

    private func decodeIfPresent<T: Decodable>(_: T?, _ type: T.Type, _ key: Key) throws -> T? {
        try self.decodeIfPresent(type, forKey: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try self.decoder.child(key.stringValue, self.members?[key.stringValue]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try self.decoder.child(key.stringValue, self.members?[key.stringValue]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { self.decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { self.decoder.child(key.stringValue, self.members?[key.stringValue]) }
}

struct UnkeyedReader: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let decoder: ValueDecoder
    var currentIndex = 0

    init(items: [JSONValue], decoder: ValueDecoder) {
        self.items = items
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { self.decoder.codingPath }
    var count: Int? { self.items.count }
    var isAtEnd: Bool { self.currentIndex >= self.items.count }

    mutating func next() -> ValueDecoder {
        let index = self.currentIndex
        self.currentIndex += 1
        return self.decoder.child(String(index), index < self.items.count ? self.items[index] : nil)
    }

    mutating func decodeNil() throws -> Bool {
        guard !self.isAtEnd, case .null = self.items[self.currentIndex] else { return false }
        self.currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try self.next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try self.next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try self.next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { self.next() }
}

struct SingleReader: SingleValueDecodingContainer {
    let decoder: ValueDecoder

    var codingPath: [any CodingKey] { self.decoder.codingPath }

    func decodeNil() -> Bool {
        switch self.decoder.value {
        case nil, .null?: true
        default: false
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try self.decoder.decode(type) }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> Substring {
        let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\n" || c == "\r" }
        guard let start = self.firstIndex(where: { !isSpace($0) }), let end = self.lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
