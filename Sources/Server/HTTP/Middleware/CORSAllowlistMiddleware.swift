import HTTPTypes
public import Hummingbird
import Logging
import StorageKit

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
                return .json(
                    .forbidden,
                    errorBody(.forbidden, message: "来源不被允许", requestID: context.id),
                    headers: [.vary: "Origin", .requestID: context.id]
                )
            }
            var headers = self.headers(for: origin)
            headers[.accessControlAllowMethods] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
            headers[.accessControlAllowHeaders] =
                request.headers[.accessControlRequestHeaders]
                ?? "Authorization, Content-Type, X-Request-Id, X-Organization-Id, Tus-Resumable, Upload-Length, Upload-Offset, Upload-Metadata, Upload-Checksum"
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
            // The tus headers too, so a browser's tus client on an allowed origin can read them.
            .accessControlExposeHeaders:
                "X-Request-Id, Retry-After, X-Suggestion-Id, Location, ETag, Content-Range, Upload-Offset, Upload-Length, Upload-Expires, "
                + "Upload-Metadata, Tus-Resumable, Tus-Version, Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm",
            .vary: "Origin",
        ]
    }
}
