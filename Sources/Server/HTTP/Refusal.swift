import HTTPTypes
import Hummingbird
import StorageKit

/// A request refused: its status, its words, and the API family whose error body carries them. Handlers throw it
/// (or return its ``response``); the body of each family is written here and nowhere else.
struct Refusal: Error, HTTPResponseError, ResponseGenerator {
    enum Family: Sendable {
        /// Seed 001's Flask handlers and seed 003's helper routes: `{"error": …}`.
        case flask
        /// Seed 003's chat routes: `{"message": …}`.
        case platform
        /// Seed 003's friend-request routes: `{"error": …, "message": …}` (both of its clients' keys).
        case friends
        /// Seed 004's FastAPI handlers: `{"detail": …}`.
        case fastAPI
        /// Rapport's own routes: the text under `msg`, `error` and `detail`.
        case union
        /// A WebSocket frame: the text of the `error` frame sent back (the status is not sent).
        case socket
    }

    var status: HTTPResponse.Status
    var message: String
    var family: Family
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, _ family: Family, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.family = family
        if let retryAfter { self.headers[.retryAfter] = String(retryAfter) }
    }

    static func flask(_ status: HTTPResponse.Status, _ message: String) -> Refusal { Refusal(status, message, .flask) }
    static func platform(_ status: HTTPResponse.Status, _ message: String) -> Refusal { Refusal(status, message, .platform) }
    static func fastAPI(_ status: HTTPResponse.Status, _ message: String) -> Refusal { Refusal(status, message, .fastAPI) }
    static func union(_ status: HTTPResponse.Status, _ message: String) -> Refusal { Refusal(status, message, .union) }
    /// A refused socket frame.
    static func socket(_ message: String) -> Refusal { Refusal(.badRequest, message, .socket) }

    /// The error body of the refusal's family.
    var body: JSONValue {
        let text = JSONValue.string(self.message)
        return switch self.family {
        case .flask: ["error": text]
        case .platform: ["message": text]
        case .friends: ["error": text, "message": text]
        case .fastAPI: ["detail": text]
        case .union: ["msg": text, "error": text, "detail": text]
        case .socket: ["type": "error", "message": text]
        }
    }

    var response: JSONResponse { JSONResponse(self.status, self.body, headers: self.headers) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        .json(self.status, self.body, headers: self.headers)
    }
}
