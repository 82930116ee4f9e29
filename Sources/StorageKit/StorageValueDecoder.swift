public import Foundation

/// Decodes a ``StorageValue`` into any `Decodable`, converting between compatible column forms:
/// integers and doubles into each other where no precision is lost, `Bool` from 0/1 (MariaDB's `BOOLEAN` is a
/// `TINYINT`), `Date` from dates, date text or epoch numbers, `UUID` from text or 16 bytes, and structs or
/// arrays from JSON text — the inverse of ``StorageValueEncoder``.
public struct StorageValueDecoder: Sendable {
    public init() {}

    public func decode<D: Decodable>(_ type: D.Type, from value: StorageValue, column: String = "") throws -> D {
        try SingleValueReader(value: value, column: column).decode(type)
    }

    static let jsonDecoder = JSONDecoder()
}

struct SingleValueReader: Decoder, SingleValueDecodingContainer {
    let value: StorageValue
    let column: String
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: StorageValue, column: String) {
        self.value = value
        self.column = column
    }

    func failure(_ type: Any.Type) -> StorageError {
        StorageError(.decoding, "column '\(self.column)' holds \(self.value), which is not a valid \(type)")
    }

    func jsonDecoder() throws -> any Decoder {
        let data: Data
        switch self.value {
        case .text(let text): data = Data(text.utf8)
        case .blob(let bytes): data = Data(bytes)
        default: throw self.failure(Any.self)
        }
        return try StorageValueDecoder.jsonDecoder.decode(DecoderBox.self, from: data).decoder
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try self.jsonDecoder().container(keyedBy: type)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try self.jsonDecoder().unkeyedContainer()
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { self.value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch self.value {
        case .integer(let v): return v != 0
        case .unsignedInteger(let v): return v != 0
        case .double(let v): return v != 0
        case .text(let t):
            switch t.lowercased() {
            case "1", "true", "t", "yes": return true
            case "0", "false", "f", "no": return false
            default: throw self.failure(type)
            }
        default: throw self.failure(type)
        }
    }

    func decode(_ type: String.Type) throws -> String {
        switch self.value {
        case .text(let t): return t
        case .blob(let b):
            guard let text = String(validating: b, as: UTF8.self) else { throw self.failure(type) }
            return text
        case .integer(let v): return String(v)
        case .unsignedInteger(let v): return String(v)
        case .double(let v): return String(v)
        case .date(let d): return StorageDateFormat.string(from: d)
        case .null: throw self.failure(type)
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch self.value {
        case .double(let v): return v
        case .integer(let v): return Double(v)
        case .unsignedInteger(let v): return Double(v)
        case .text(let t):
            guard let v = Double(t) else { throw self.failure(type) }
            return v
        case .date(let d): return d.timeIntervalSince1970
        default: throw self.failure(type)
        }
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try self.decode(Double.self)) }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let result: I?
        switch self.value {
        case .integer(let v): result = I(exactly: v)
        case .unsignedInteger(let v): result = I(exactly: v)
        case .double(let v): result = I(exactly: v)
        case .text(let t): result = I(t)
        default: result = nil
        }
        guard let result else { throw self.failure(type) }
        return result
    }

    func decode(_ type: Int.Type) throws -> Int { try self.integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try self.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try self.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try self.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try self.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try self.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try self.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try self.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try self.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try self.integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Date.self { return try self.date() as! T }
        if T.self == UUID.self { return try self.uuid() as! T }
        if T.self == Data.self { return try self.data() as! T }
        if T.self == Decimal.self { return try self.decimal() as! T }
        if T.self == StorageValue.self { return self.value as! T }
        if T.self == String.self { return try self.decode(String.self) as! T }
        if T.self == Int.self { return try self.decode(Int.self) as! T }
        if T.self == Int64.self { return try self.decode(Int64.self) as! T }
        if T.self == Bool.self { return try self.decode(Bool.self) as! T }
        if T.self == Double.self { return try self.decode(Double.self) as! T }
        // Nullable columns, without going through Optional's Decodable conformance.
        if T.self == String?.self { return (self.value.isNull ? nil : try self.decode(String.self)) as String? as! T }
        if T.self == Int64?.self { return (self.value.isNull ? nil : try self.decode(Int64.self)) as Int64? as! T }
        if T.self == Int?.self { return (self.value.isNull ? nil : try self.decode(Int.self)) as Int? as! T }
        if T.self == Date?.self { return (self.value.isNull ? nil : try self.date()) as Date? as! T }
        return try T(from: self)
    }

    func date() throws -> Date {
        switch self.value {
        case .date(let d): return d
        case .text(let t):
            guard let d = StorageDateFormat.date(from: t) else { throw self.failure(Date.self) }
            return d
        case .integer(let v): return Date(timeIntervalSince1970: TimeInterval(v))
        case .double(let v): return Date(timeIntervalSince1970: v)
        default: throw self.failure(Date.self)
        }
    }

    func uuid() throws -> UUID {
        switch self.value {
        case .text(let t):
            guard let u = UUID(uuidString: t) else { throw self.failure(UUID.self) }
            return u
        case .blob(let b) where b.count == 16:
            return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
        default: throw self.failure(UUID.self)
        }
    }

    func data() throws -> Data {
        switch self.value {
        case .blob(let b): return Data(b)
        case .text(let t): return Data(t.utf8)
        default: throw self.failure(Data.self)
        }
    }

    func decimal() throws -> Decimal {
        switch self.value {
        case .text(let t):
            guard let d = Decimal(string: t) else { throw self.failure(Decimal.self) }
            return d
        case .integer(let v): return Decimal(v)
        case .unsignedInteger(let v): return Decimal(v)
        case .double(let v): return Decimal(v)
        default: throw self.failure(Decimal.self)
        }
    }
}

/// Captures the `Decoder` `JSONDecoder` hands out, so keyed and unkeyed containers read from JSON text.
private struct DecoderBox: Decodable {
    let decoder: any Decoder
    init(from decoder: any Decoder) throws { self.decoder = decoder }
}

extension StorageRow {
    /// Column `index` read as the named decoders read it, for a repository that knows its `SELECT`'s column order:
    /// no name lookup and no generic dispatch, for listings of many rows.
    func reader(_ index: Int) throws -> SingleValueReader {
        SingleValueReader(value: try self.value(at: index), column: self.columns.names[index])
    }

    public func int64(at index: Int) throws -> Int64 { try self.reader(index).decode(Int64.self) }
    public func int(at index: Int) throws -> Int { try self.reader(index).decode(Int.self) }
    public func string(at index: Int) throws -> String { try self.reader(index).decode(String.self) }
    public func date(at index: Int) throws -> Date { try self.reader(index).date() }
    // The optional forms come from `StorageRowReader`'s defaults: `isNull(at:)`, then the reader above.

}
