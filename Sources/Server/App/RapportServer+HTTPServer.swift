public import AuthTokens
public import CRMAudit
public import ChatCore
public import ContactsKit
import Foundation
public import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
public import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
public import StorageKit
import Synchronization

extension RapportServer {
    /// HTTP/1 with WebSocket upgrade (the router decides which requests upgrade), with ``FirstRequestGuard`` in
    /// front: the upgrade pipeline parses a connection's first request head before ``ConnectionGuardHandler``
    /// is in place, so that head gets its limits and timeout here.
    static func guardedServer(
        router: Router<AppRequestContext>,
        configuration: HTTP1WebSocketUpgradeChannel.Configuration,
        requestTimeout: TimeAmount,
        limiter: ConnectionLimiter?,
        tls: NIOSSLContext? = nil
    ) -> HTTPServerBuilder {
        let decoder = configuration.http1.httpDecoder
        let webSocketResponder = router.buildResponder()
        return HTTPServerBuilder { responder in
            GuardedChildChannel(
                inner: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                limiter: limiter,
                makeGuard: {
                    FirstRequestGuard(
                        requestTimeout: requestTimeout,
                        maxFieldSize: decoder.maxHeaderFieldSize,
                        maxListSize: decoder.maxHeaderListSize,
                        maxFieldCount: decoder.maxHeaderFieldCount
                    )
                },
                tls: tls
            )
        }
    }

    /// The connection limits of `configuration`, the total kept under the process's descriptor limit with a reserve
    /// for the database, files and logs.
    static func connectionLimiter(_ configuration: ServerConfiguration) -> ConnectionLimiter {
        var limit = rlimit()
        let reserve = 256
        var total = configuration.maxConnections
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max, limit.rlim_cur > rlim_t(reserve * 2) {
            let ceiling = Int(limit.rlim_cur) - reserve
            total = total == 0 ? ceiling : min(total, ceiling)
        }
        return ConnectionLimiter(
            maxTotal: total,
            maxPerClient: configuration.maxConnectionsPerClient,
            exempt: configuration.trustedProxies.compactMap(AddressRange.init)
        )
    }
}
