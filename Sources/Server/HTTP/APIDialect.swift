import AuthTokens
import ChatCore
import HTTPTypes
import Hummingbird
import StorageKit

/// How each API family answers a request whose token is missing or refused, in its seed's own words.
enum APIDialect {
    /// Seed 001: Flask-JWT-Extended's `{"msg": …}` with its statuses.
    case flaskJWT
    /// Seed 003: the same, configured to look in the `jwt` query parameter too, which its missing-token texts name.
    case flaskJWTQuery
    /// Seed 004: FastAPI's `{"detail": …}` with `WWW-Authenticate: Bearer`.
    case fastAPI
    /// Rapport's own routes: the same text under `msg`, `error` and `detail`.
    case union

    func failure(_ reason: TokenFailure) -> JSONResponse {
        if reason == .unavailable { return self.unavailable }
        switch self {
        case .flaskJWT:
            let (status, message) = Self.flask(reason)
            return JSONResponse(status, ["msg": .string(message)])
        case .flaskJWTQuery:
            let query = "Missing 'jwt' query paramater"
            let (status, message) =
                switch reason {
                case .missing: (HTTPResponse.Status.unauthorized, "Missing JWT in headers or query_string (Missing Authorization Header; \(query))")
                case .wrongScheme, .malformedHeader:
                    (
                        .unauthorized,
                        "Missing JWT in headers or query_string (Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'; \(query))"
                    )
                default: Self.flask(reason)
                }
            return JSONResponse(status, ["msg": .string(message)])
        case .fastAPI:
            return JSONResponse(.unauthorized, ["detail": .string(Self.fastAPI(reason))], headers: [.wwwAuthenticate: "Bearer"])
        case .union:
            let (status, message) = Self.flask(reason)
            return JSONResponse(status, ["msg": .string(message), "error": .string(message), "detail": .string(message)])
        }
    }

    /// Flask-JWT-Extended and PyJWT messages (contracts/seed001 §2).
    static func flask(_ reason: TokenFailure) -> (HTTPResponse.Status, String) {
        let bearer = "Expected 'Authorization: Bearer <JWT>'"
        return switch reason {
        case .missing: (.unauthorized, "Missing Authorization Header")
        case .wrongScheme, .malformedHeader: (.unauthorized, "Missing 'Bearer' type in 'Authorization' header. \(bearer)")
        case .empty: (.unprocessableContent, "Bad Authorization header. \(bearer)")
        case .notEnoughSegments: (.unprocessableContent, "Not enough segments")
        case .invalidHeaderPadding: (.unprocessableContent, "Invalid header padding")
        case .invalidHeader: (.unprocessableContent, "Invalid header string")
        case .algorithmNotAllowed: (.unprocessableContent, "The specified alg value is not allowed")
        case .badSignature: (.unprocessableContent, "Signature verification failed")
        case .invalidPayload: (.unprocessableContent, "Invalid payload string")
        case .missingSubject: (.unprocessableContent, "Missing claim: sub")
        case .subjectNotString: (.unprocessableContent, "Subject must be a string")
        case .expired: (.unauthorized, "Token has expired")
        case .notYetValid: (.unprocessableContent, "The token is not yet valid (nbf)")
        case .revoked: (.unauthorized, "Token has been revoked")
        case .unavailable: (.serviceUnavailable, Self.unavailableText)
        }
    }

    static let unavailableText = "数据库暂时不可用，请稍后重试"

    /// The token could not be checked because the database is down: 503 with `Retry-After` in the family's key.
    var unavailable: JSONResponse {
        let text = JSONValue.string(Self.unavailableText)
        let body: JSONValue =
            switch self {
            case .flaskJWT, .flaskJWTQuery: ["msg": text]
            case .fastAPI: ["detail": text]
            case .union: ["msg": text, "error": text, "detail": text]
            }
        return JSONResponse(.serviceUnavailable, body, headers: [.retryAfter: "5"])
    }

    /// Seed 004's `get_current_user` messages (contracts/seed004 §3).
    static func fastAPI(_ reason: TokenFailure) -> String {
        switch reason {
        case .missing: "缺少认证信息"
        case .malformedHeader, .empty: "无效的认证格式"
        case .wrongScheme: "无效的认证方式"
        case .missingSubject, .subjectNotString: "Token 数据不完整"
        default: "Token 无效或已过期"
        }
    }
}
