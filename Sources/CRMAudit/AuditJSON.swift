public import Foundation
import StorageKit

/// A JSON value as the audit log keeps it: request parameters, old and new values. Its ``canonicalText`` (keys
/// sorted, no whitespace) is what is stored and what the chain hash covers, so a value reads back byte for byte.
public enum AuditJSON: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([AuditJSON])
    case object([String: AuditJSON])

    /// A string, or `null` for `nil`.
    public static func string(_ value: String?) -> AuditJSON { value.map(AuditJSON.string) ?? .null }

    /// Parses JSON text; `nil` when it is not JSON.
    public init?(json bytes: some Collection<UInt8>) {
        guard let value = try? JSONDecoder().decode(AuditJSON.self, from: Data(bytes)) else { return nil }
        self = value
    }

    /// Parses stored text (always produced by ``canonicalText``).
    public init?(json text: String) { self.init(json: Array(text.utf8)) }

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
        } else if let value = try? container.decode([AuditJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: AuditJSON].self))
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
        }
    }

    /// Compact JSON with object keys in code-point order: one text per value, whoever writes it.
    public var canonicalText: String { String(decoding: self.canonicalBytes, as: UTF8.self) }

    /// ``canonicalText`` as UTF-8, which is what the chain hash covers.
    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        self.write(to: &out)
        return out
    }

    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let v): out += (v ? "true" : "false").utf8
        case .int(let v): out += String(v).utf8
        case .double(let v): out += (v.isFinite ? String(v) : "null").utf8
        case .string(let v): JSONText.appendQuoted(v, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // UTF-8 byte order is code-point order.
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                members[key]!.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        self.count >= width ? self : String(repeating: "0", count: width - self.count) + self
    }
}

extension AuditJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: AuditJSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, AuditJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
