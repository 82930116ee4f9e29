import HTTPTypes
public import Hummingbird
import Logging
import StorageKit

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
