public import AuthTokens
public import Hummingbird
public import HummingbirdWebSocket
import NIOCore
import StorageKit

/// The request context of every Rapport route: Hummingbird's core context, the body limit the server was
/// configured with, the client's address and the outcome of reading its token.
public struct AppRequestContext: RapportRequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``BodyLimitMiddleware`` from `MAX_BODY_SIZE`; request decoding stops past it with 413.
    public var maxUploadSize: Int
    /// The client's IP address: the peer, or what a trusted proxy forwarded (see ``ClientAddressMiddleware``).
    public var clientAddress: String
    /// Set by ``AuthMiddleware``: who the token speaks for, or why there is nobody.
    public var authentication: Result<Identity, TokenFailure>
    /// Where a WebSocket route leaves its handler for the upgrade.
    public let webSocket = WebSocketHandlerReference<AppRequestContext>()

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = 1 << 20
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        self.authentication = .failure(.missing)
    }
}
