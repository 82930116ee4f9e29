public import Hummingbird
import HTTPTypes
import Logging

/// Answers every error in one JSON shape with the request id, so no internals leak: known HTTP errors keep
/// their status, malformed JSON is 400, anything unexpected is 500 (logged here with the request id). Every
/// response, successful or not, carries `X-Request-Id`.
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Self.envelope(error.status, message: error.body ?? Self.text(for: error.status), context: context)
            for field in error.headers where field.name != .contentType && field.name != .contentLength {
                response.headers.append(field)
            }
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch is DecodingError {
            response = Self.envelope(.badRequest, message: "请求体不是有效的JSON", context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            response = Self.envelope(.internalServerError, message: Self.text(for: .internalServerError), context: context)
        }
        response.headers[.requestID] = context.id
        return response
    }

    static func envelope(_ status: HTTPResponse.Status, message: String, context: Context) -> Response {
        .json(status, errorBody(status, message: message, requestID: context.id))
    }

    static func text(for status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest: "请求格式错误"
        case .unauthorized: "需要认证"
        case .forbidden: "权限不足"
        case .notFound: "接口不存在"
        case .methodNotAllowed: "请求方法不被允许"
        case .contentTooLarge: "请求体过大"
        case .unsupportedMediaType: "请求必须是JSON格式"
        case .tooManyRequests: "请求过于频繁"
        case .internalServerError: "服务器内部错误"
        case .serviceUnavailable: "服务暂时不可用"
        default: status.reasonPhrase
        }
    }
}

/// Rejects a declared body over the limit before reading it, and sets the limit request decoding enforces. Paths
/// under a prefix of `limits` (uploads, imports) have their own limit.
public struct BodyLimitMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let limit: Int
    let limits: [(prefix: String, limit: Int)]

    public init(limit: Int, limits: [(prefix: String, limit: Int)] = []) {
        self.limit = limit
        self.limits = limits
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        let limit = self.limits.first { path.hasPrefix($0.prefix) }?.limit ?? self.limit
        context.maxUploadSize = limit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }
}

/// CORS for an allowlist of origins: allowed origins get their own origin echoed (with credentials) and
/// preflights answered here; other origins get no CORS headers (and a 403 preflight), so browsers block them.
public struct CORSAllowlistMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>

    public init(origins: [String]) { self.origins = Set(origins) }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        let allowed = self.origins.contains(origin) || self.origins.contains("*")
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            guard allowed else {
                return .json(.forbidden, errorBody(.forbidden, message: "来源不被允许", requestID: context.id),
                             headers: [.vary: "Origin", .requestID: context.id])
            }
            var headers = self.headers(for: origin)
            headers[.accessControlAllowMethods] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
            headers[.accessControlAllowHeaders] = request.headers[.accessControlRequestHeaders]
                ?? "Authorization, Content-Type, X-Request-Id, X-Organization-Id"
            headers[.accessControlMaxAge] = "600"
            headers[.requestID] = context.id
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        if allowed {
            for field in self.headers(for: origin) { response.headers[field.name] = field.value }
        } else {
            response.headers[.vary] = "Origin"
        }
        return response
    }

    private func headers(for origin: String) -> HTTPFields {
        [
            .accessControlAllowOrigin: origin,
            .accessControlAllowCredentials: "true",
            .accessControlExposeHeaders: "X-Request-Id, Retry-After",
            .vary: "Origin",
        ]
    }
}

/// Media files are served as what their extension says and nothing else: browsers must not sniff an uploaded
/// file into HTML or script.
struct MediaHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if request.uri.path.hasPrefix("/api/media/") {
            response.headers[.xContentTypeOptions] = "nosniff"
            response.headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        }
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
