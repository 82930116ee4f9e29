import Foundation
import StorageKit
import Hummingbird
import HTTPTypes

/// A JSON value for response bodies whose keys are decided per API family (explicit `null`s, union shapes).
enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// An object whose members are written in the given order (seed 002 lists its fields in a fixed order).
    case ordered([(String, JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(nilLiteral: ()) { self = .null }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The JSON text, written directly: responses are built from these, and Foundation's `JSONEncoder` spent
    /// most of a large listing's time on boxing and dynamic casts.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        self.write(to: &out)
        return out
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let v): out.append(contentsOf: (v ? "true" : "false").utf8)
        case .int(let v): out.append(contentsOf: String(v).utf8)
        case .double(let v): out.append(contentsOf: (v.isFinite ? String(v) : "null").utf8)
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
            var first = true
            for (key, value) in members {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONText.appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .ordered(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The JSON text as Python's `json.dumps(value, indent=2, ensure_ascii=False)` writes it (seed 002's export).
    func pretty(indent: Int = 0, to out: inout [UInt8]) {
        func newline(_ level: Int) {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
        }
        let members: [(String, JSONValue)]
        switch self {
        case .array(let items):
            guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                item.pretty(indent: indent + 1, to: &out)
            }
            newline(indent)
            out.append(UInt8(ascii: "]"))
            return
        case .object(let dictionary): members = dictionary.sorted { $0.key < $1.key }
        case .ordered(let list): members = list
        default: return self.write(to: &out)
        }
        guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
        out.append(UInt8(ascii: "{"))
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            newline(indent + 1)
            JSONText.appendQuoted(key, to: &out)
            out.append(contentsOf: ": ".utf8)
            value.pretty(indent: indent + 1, to: &out)
        }
        newline(indent)
        out.append(UInt8(ascii: "}"))
    }

    /// `text` as the inside of a JSON string literal (no quotes), for bodies streamed piece by piece.
    static func escaped(_ text: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        JSONText.appendQuoted(String(decoding: Array(text), as: UTF8.self), to: &out)
        return Array(out.dropFirst().dropLast())
    }

    /// `self` with `other`'s keys added (both objects).
    func merging(_ other: JSONValue) -> JSONValue {
        if case .ordered(let mine) = self, case .object(let theirs) = other {
            return .ordered(mine.filter { theirs[$0.0] == nil } + theirs.sorted { $0.key < $1.key })
        }
        guard case .object(var mine) = self, case .object(let theirs) = other else { return self }
        mine.merge(theirs) { _, new in new }
        return .object(mine)
    }
}

extension JSONValue {
    /// A value read by `JSONSerialization`, passed on unchanged (opaque payloads such as SDP and ICE objects).
    init(any value: Any?) {
        switch value {
        case nil, is NSNull: self = .null
        case let number as NSNumber where JSONBody.isBoolean(number): self = .bool(number.boolValue)
        case let number as NSNumber:
            if let int = Int64(exactly: number.doubleValue), !"\(number)".contains(".") { self = .int(int) } else { self = .double(number.doubleValue) }
        case let text as String: self = .string(text)
        case let array as [Any]: self = .array(array.map { JSONValue(any: $0) })
        case let object as [String: Any]: self = .object(object.mapValues { JSONValue(any: $0) })
        default: self = .string("\(value!)")
        }
    }
}

extension JSONValue {
    /// `self`, or `text` when `self` is null.
    func orString(_ text: String) -> JSONValue {
        if case .null = self { return .string(text) }
        return self
    }
}
