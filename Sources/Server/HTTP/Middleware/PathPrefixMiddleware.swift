public import Hummingbird

/// Runs `middleware` only for paths under `prefix`; every other request goes straight on. Hummingbird's
/// `FileMiddleware` looks at every 404 and answers 400 for any path holding `..` (`GET /api/foundation/audit-logs/0..0`
/// was a 400 instead of its documented 404): mounted through this, it sees only the media it serves.
struct PathPrefixMiddleware<Middleware: RouterMiddleware>: RouterMiddleware {
    typealias Context = Middleware.Context
    let prefix: String
    let middleware: Middleware

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix(self.prefix) else { return try await next(request, context) }
        return try await self.middleware.handle(request, context: context, next: next)
    }
}
