import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// Seed 004's validation failure: 422 `{"detail": "请求参数验证失败", "errors": ["field: message", …], "path": …}`,
/// in pydantic 2's words and in the order of the request model's fields.
struct SupportValidation {
    let path: String
    private var errors: [(field: String, message: String)] = []
    private var fieldOrder: [String] = []

    init(_ request: Request) { self.path = request.uri.path }

    /// Notes a problem with `field` (empty for the body itself); a field keeps its first problem only, as pydantic
    /// reports one per field.
    mutating func fail(_ field: String, _ message: String) {
        guard !self.errors.contains(where: { $0.field == field }) else { return }
        self.errors.append((field, message))
    }

    /// Whether `field` has a problem already (rules on a field's value only apply to a value that was read).
    func hasProblem(_ field: String) -> Bool { self.errors.contains { $0.field == field } }

    func finish() throws {
        guard !self.errors.isEmpty else { return }
        let rank = Dictionary(self.fieldOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = self.errors.enumerated().sorted { a, b in
            let (x, y) = (rank[a.element.field] ?? Int.max, rank[b.element.field] ?? Int.max)
            return x == y ? a.offset < b.offset : x < y
        }
        throw JSONResponse(
            .unprocessableContent,
            [
                "detail": "请求参数验证失败",
                "errors": .array(
                    ordered.map { .string($0.element.field.isEmpty ? $0.element.message : "\($0.element.field): \($0.element.message)") }
                ),
                "path": .string(self.path),
            ]
        )
    }

    /// Reads the body as `T` the way FastAPI reads a pydantic model (integers may come as strings of digits):
    /// every problem is noted, and the value comes back with placeholders for bad fields so the caller can check
    /// the rest. A missing, non-JSON or non-object body is `Field required`. `messages` replaces the type
    /// message of the fields it names (by their last path component).
    mutating func decode<T: Decodable>(
        _ type: T.Type,
        _ request: Request,
        _ context: some RequestContext,
        messages: [String: String] = [:]
    ) async throws -> T {
        guard let body = try await RequestBody.object(request, context: context) else {
            self.fail("", "Field required")
            try self.finish()
            preconditionFailure("finish() throws with a problem noted")
        }
        let outcome = JSONValueDecoder(integersFromStrings: true).decodeAll(type, from: body)
        self.fieldOrder = outcome.fieldOrder
        for issue in outcome.issues {
            let override = issue.problem == .missing ? nil : issue.path.last.flatMap { messages[$0] }
            self.fail(issue.field, override ?? Self.message(issue))
        }
        guard let value = outcome.value else {
            try self.finish()
            preconditionFailure("a refused value notes its problem")
        }
        return value
    }

    /// pydantic 2's message for an issue.
    static func message(_ issue: FieldIssue) -> String {
        switch issue.problem {
        case .missing: "Field required"
        case .wrongType(.string): "Input should be a valid string"
        case .wrongType(.integer) where issue.input?.stringValue != nil: "Input should be a valid integer, unable to parse string as an integer"
        case .wrongType(.integer): "Input should be a valid integer"
        case .fractional: "Input should be a valid integer, got a number with a fractional part"
        case .wrongType(.number): "Input should be a valid number"
        case .wrongType(.boolean): "Input should be a valid boolean"
        case .wrongType(.array): "Input should be a valid list"
        case .wrongType(.object): "Input should be a valid dictionary or object to extract fields from"
        case .wrongType(let kind): "Input should be a valid \(kind.rawValue)"
        case .notOneOf(let values): "Input should be \(Self.choice(values))"
        case .invalid(let text): text
        }
    }

    /// `'a', 'b' or 'c'`.
    static func choice(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        guard let last = quoted.last, quoted.count > 1 else { return quoted.joined() }
        return quoted.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The highest `page` read: beyond it the offset would overflow (a trap, not an answer).
    static let maximumPage = 10_000_000

    /// `page` and `page_size` (contracts/README §3: at least 1 each; `page` at most ``maximumPage``).
    mutating func paging(_ request: Request, defaultSize: Int) -> (offset: Int, limit: Int) {
        let query = request.uri.queryParameters
        func number(_ name: String, _ fallback: Int) -> Int {
            guard let text = query[Substring(name)].map(String.init), !text.isEmpty else { return fallback }
            guard let value = Int(text) else {
                self.fail(name, "Input should be a valid integer, unable to parse string as an integer")
                return fallback
            }
            guard value >= 1 else {
                self.fail(name, "Input should be greater than or equal to 1")
                return fallback
            }
            guard name != "page" || value <= Self.maximumPage else {
                self.fail(name, "Input should be less than or equal to \(Self.maximumPage)")
                return fallback
            }
            return value
        }
        let page = number("page", 1)
        let size = min(number("page_size", defaultSize), 1000)
        return ((page - 1) * size, size)
    }

}
