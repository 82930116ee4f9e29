import Foundation
import StorageKit
import Hummingbird
import HTTPTypes

/// A JSON value for response bodies whose keys are decided per API family (explicit `null`s, union shapes).
enum JSONValue: Encodable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(nilLiteral: ()) { self = .null }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    func encode(to encoder: any Encoder) throws {
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

    /// `self` with `other`'s keys added (both objects).
    func merging(_ other: JSONValue) -> JSONValue {
        guard case .object(var mine) = self, case .object(let theirs) = other else { return self }
        mine.merge(theirs) { _, new in new }
        return .object(mine)
    }
}

/// A response with a JSON body and a status, for handlers and errors alike.
struct JSONResponse: ResponseGenerator, Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var body: JSONValue
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ body: JSONValue, headers: HTTPFields = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        .json(self.status, self.body, headers: self.headers)
    }
}

/// Reads a request body as a JSON object; `nil` when it is not one (empty, invalid JSON, an array …).
func jsonObject(_ request: Request, context: some RequestContext) async throws -> [String: Any]? {
    let buffer = try await request.body.collect(upTo: context.maxUploadSize)
    guard buffer.readableBytes > 0 else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any]
}

extension Dictionary where Key == String, Value == Any {
    /// The string at `key`, or nil when absent or not a string.
    func string(_ key: String) -> String? { self[key] as? String }
}

/// The timestamp forms of the API families.
enum WireDate {
    /// Seed 001: naive UTC ISO 8601 with six fractional digits, `2025-07-21T06:53:19.685547`.
    static func iso(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        var text = StorageDateFormat.string(from: date)
        text = text.replacingOccurrences(of: " ", with: "T")
        return .string(text)
    }

    /// Seed 004: whole epoch seconds.
    static func epoch(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        return .int(Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
