public import AuthTokens
public import Hummingbird
import StorageKit

/// What Rapport's route collections need from the request context of the program that mounts them: the outcome
/// of reading the bearer token (set by ``AuthMiddleware``) and the client's address (set by
/// ``ClientAddressMiddleware``; the peer address otherwise).
///
/// ```swift
/// struct MyContext: RapportRequestContext {
///     var coreContext: CoreRequestContextStorage
///     var authentication: Result<Identity, TokenFailure> = .failure(.missing)
///     var clientAddress: String
///     init(source: ApplicationRequestContextSource) {
///         self.coreContext = .init(source: source)
///         self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
///     }
/// }
/// ```
public protocol RapportRequestContext: RequestContext {
    /// Who the token speaks for, or why there is nobody.
    var authentication: Result<Identity, TokenFailure> { get set }
    /// The client's IP address: the peer, or what a trusted proxy forwarded.
    var clientAddress: String { get set }
}
