import Hummingbird
import StorageKit

/// The one place request bodies are read: as JSON (``JSONValue``), then decoded into a handler's `Decodable`
/// request type by ``JSONValueDecoder``, whose issues each API family renders in its own envelope.
enum RequestBody {
    /// What a body held, for handlers whose answers tell an empty body from one that is not JSON.
    enum Parsed {
        case empty
        case notJSON
        case json(JSONValue)
    }

    /// The body read as JSON.
    static func parsed(_ request: Request, context: some RequestContext) async throws -> Parsed {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return .empty }
        guard let value = try? JSONValue(parsing: buffer.readableBytesView) else { return .notJSON }
        return .json(value)
    }

    /// The body as JSON; `nil` when it is empty or not JSON.
    static func json(_ request: Request, context: some RequestContext) async throws -> JSONValue? {
        guard case .json(let value) = try await Self.parsed(request, context: context) else { return nil }
        return value
    }

    /// The body as a JSON object; `nil` when it is empty, not JSON, or another kind of value.
    static func object(_ request: Request, context: some RequestContext) async throws -> JSONValue? {
        guard let value = try await Self.json(request, context: context), value.isObject else { return nil }
        return value
    }

    /// The body decoded as a Flask handler reads it (`request.get_json()` then `data.get(key)`): an optional field
    /// of the wrong kind reads as absent, so the handler's own checks answer in the seed's words. `nil` when the
    /// body is not a JSON object.
    /// The body decoded strictly; the first issue (a body that is not a JSON object is an issue at the empty
    /// path) is thrown as the refusal `refuse` words it.
    static func decode<T: Decodable>(
        _ type: T.Type,
        _ request: Request,
        context: some RequestContext,
        refuse: (FieldIssue) -> Refusal
    ) async throws -> T {
        guard let body = try await Self.object(request, context: context) else { throw refuse(FieldIssue(path: [], problem: .missing)) }
        let outcome = JSONValueDecoder().decodeAll(type, from: body)
        if let issue = outcome.issues.first { throw refuse(issue) }
        guard let value = outcome.value else { throw refuse(FieldIssue(path: [], problem: .invalid("unreadable"))) }
        return value
    }

    static func lenient<T: Decodable>(_ type: T.Type, _ request: Request, context: some RequestContext) async throws -> T? {
        guard let body = try await Self.object(request, context: context) else { return nil }
        return JSONValueDecoder(mode: .lenient).decodeAll(type, from: body).value
    }
}
