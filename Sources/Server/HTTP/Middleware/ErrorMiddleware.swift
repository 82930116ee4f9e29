import HTTPTypes
public import Hummingbird
import Logging
import StorageKit

/// Answers every error in one JSON shape with the request id, so no internals leak: known HTTP errors keep
/// their status, malformed JSON is 400, an unavailable database (down, unreachable, disk full) is 503 with
/// `Retry-After`, anything unexpected is 500 (logged here with the request id). Every
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
            // An error from below without a body of its own (Hummingbird's 413 for a chunked body that outgrows the
            // limit) gets the envelope like any other.
            if response.status.code >= 400, response.body.contentLength == 0 {
                let headers = response.headers
                response = Self.envelope(response.status, message: Self.text(for: response.status), context: context)
                for field in headers where field.name != .contentType && field.name != .contentLength { response.headers.append(field) }
            }
        } catch is DecodingError {
            response = Self.envelope(.badRequest, message: "请求体不是有效的JSON", context: context)
        } catch let error as StorageError where error.kind == .unavailable {
            // The database is down, full or unreachable: a clear 503 the client may retry, not a 500.
            context.logger.warning("database unavailable", metadata: ["error": "\(error)"])
            response = Self.envelope(.serviceUnavailable, message: "数据库暂时不可用，请稍后重试", context: context)
            response.headers[.retryAfter] = "5"
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
