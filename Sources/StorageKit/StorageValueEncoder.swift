public import Foundation

/// Turns any `Encodable` bind into a ``StorageValue``.
///
/// Scalars map to their column types; `Date`, `UUID`, `Data` and `Decimal` get fixed forms (date, 36-character
/// text, blob, text); enums with raw values store the raw value; anything keyed or unkeyed (structs, arrays,
/// dictionaries) is stored as JSON text.
public struct StorageValueEncoder: Sendable {
    public init() {}

    public func encode(_ value: any Encodable) throws -> StorageValue {
        if let direct = Self.directValue(value) { return direct }
        let encoder = SingleValueCapture()
        try value.encode(to: encoder)
        if encoder.wantsJSON {
            let data = try Self.jsonEncoder.encode(value)
            return .text(String(decoding: data, as: UTF8.self))
        }
        return encoder.value ?? .null
    }

    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The fast path: the common scalar types without going through the `Encoder` machinery.
    static func directValue(_ value: Any) -> StorageValue? {
        switch value {
        case let v as String: .text(v)
        case let v as Int: .integer(Int64(v))
        case let v as Int64: .integer(v)
        case let v as Bool: .integer(v ? 1 : 0)
        case let v as Double: .double(v)
        case let v as Date: .date(v)
        case let v as UUID: .text(v.uuidString.lowercased())
        case let v as Data: .blob(Array(v))
        case let v as [UInt8]: .blob(v)
        case let v as Decimal: .text(v.description)
        case let v as StorageValue: v
        case let v as Int32: .integer(Int64(v))
        case let v as Int16: .integer(Int64(v))
        case let v as Int8: .integer(Int64(v))
        case let v as UInt64: v <= UInt64(Int64.max) ? .integer(Int64(v)) : .unsignedInteger(v)
        case let v as UInt: UInt64(v) <= UInt64(Int64.max) ? .integer(Int64(v)) : .unsignedInteger(UInt64(v))
        case let v as UInt32: .integer(Int64(v))
        case let v as UInt16: .integer(Int64(v))
        case let v as UInt8: .integer(Int64(v))
        case let v as Float: .double(Double(v))
        case let v as Substring: .text(String(v))
        default: nil
        }
    }
}

extension StorageValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let v): try container.encode(v)
        case .unsignedInteger(let v): try container.encode(v)
        case .double(let v): try container.encode(v)
        case .text(let v): try container.encode(v)
        case .blob(let v): try container.encode(Data(v))
        case .date(let v): try container.encode(v)
        }
    }
}

/// Records the single value an `Encodable` writes, or notes that it wants a keyed/unkeyed container (→ JSON).
private final class SingleValueCapture: Encoder, SingleValueEncodingContainer {
    var value: StorageValue?
    var wantsJSON = false
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        self.wantsJSON = true
        return KeyedEncodingContainer(DiscardingKeyedContainer<Key>())
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        self.wantsJSON = true
        return DiscardingUnkeyedContainer()
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { self.value = .null }
    func encode(_ value: Bool) throws { self.value = .integer(value ? 1 : 0) }
    func encode(_ value: String) throws { self.value = .text(value) }
    func encode(_ value: Double) throws { self.value = .double(value) }
    func encode(_ value: Float) throws { self.value = .double(Double(value)) }
    func encode(_ value: Int) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int8) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int16) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int32) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int64) throws { self.value = .integer(value) }
    func encode(_ value: UInt) throws { self.value = StorageValueEncoder.directValue(value) }
    func encode(_ value: UInt8) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt16) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt32) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt64) throws { self.value = StorageValueEncoder.directValue(value) }

    func encode<T: Encodable>(_ value: T) throws {
        if let direct = StorageValueEncoder.directValue(value) {
            self.value = direct
        } else {
            try value.encode(to: self)
        }
    }
}

private struct DiscardingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var codingPath: [any CodingKey] = []
    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {}
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(DiscardingKeyedContainer<NestedKey>())
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { DiscardingUnkeyedContainer() }
    mutating func superEncoder() -> any Encoder { SingleValueCapture() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SingleValueCapture() }
}

private struct DiscardingUnkeyedContainer: UnkeyedEncodingContainer {
    var codingPath: [any CodingKey] = []
    var count = 0
    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws {}
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(DiscardingKeyedContainer<NestedKey>())
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { DiscardingUnkeyedContainer() }
    mutating func superEncoder() -> any Encoder { SingleValueCapture() }
}
