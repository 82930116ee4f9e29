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
        requestTimeout: TimeAmount
    ) -> HTTPServerBuilder {
        let decoder = configuration.http1.httpDecoder
        let webSocketResponder = router.buildResponder()
        return HTTPServerBuilder { responder in
            GuardedChildChannel(
                inner: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                makeGuard: {
                    FirstRequestGuard(
                        requestTimeout: requestTimeout,
                        maxFieldSize: decoder.maxHeaderFieldSize,
                        maxListSize: decoder.maxHeaderListSize,
                        maxFieldCount: decoder.maxHeaderFieldCount
                    )
                }
            )
        }
    }
}
