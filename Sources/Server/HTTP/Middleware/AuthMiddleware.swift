public import AuthTokens
public import Hummingbird
import StorageKit

/// Reads the bearer token of every request (the `Authorization` header, or the `jwt` query parameter seed-003
/// clients use) and puts the outcome into the context: the identity, or why there is none. Routes then require
/// it through their API family, which answers failures in its seed's words.
public struct AuthMiddleware<Context: RapportRequestContext>: RouterMiddleware {
    let auth: AuthService

    public init(auth: AuthService) { self.auth = auth }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        switch Self.token(in: request) {
        case .success(let token):
            do {
                context.authentication = .success(try await self.auth.authenticate(token: token))
            } catch {
                context.authentication = .failure(error)
            }
        case .failure(let reason):
            context.authentication = .failure(reason)
        }
        return try await next(request, context)
    }

    /// The token a request carries, or why it carries none.
    static func token(in request: Request) -> Result<String, TokenFailure> {
        guard let header = request.headers[.authorization] else {
            if let query = request.uri.queryParameters["jwt"], !query.isEmpty { return .success(String(query)) }
            return .failure(.missing)
        }
        // HTTP strips trailing spaces, so `Bearer ` arrives as `Bearer`.
        let utf8 = header.utf8
        if ASCIIText.equals(utf8[...], "bearer") { return .failure(.empty) }
        // `scheme token`, split at its one space. Bytes, not characters: a token is a few hundred bytes and this
        // runs on every request.
        let space = utf8.firstIndex(of: UInt8(ascii: " "))
        let twoParts = space.map { !utf8[utf8.index(after: $0)...].contains(UInt8(ascii: " ")) } ?? false
        if twoParts, let space, ASCIIText.equals(utf8[..<space], "bearer") {
            let token = Substring(header.utf8[utf8.index(after: space)...])
            return token.isEmpty ? .failure(.empty) : .success(String(token))
        }
        if let query = request.uri.queryParameters["jwt"], !query.isEmpty { return .success(String(query)) }
        return .failure(twoParts ? .wrongScheme : .malformedHeader)
    }
}
