import ChatCore
import Logging
import ServiceLifecycle

/// Closes every live WebSocket as going away (1001) when graceful shutdown begins, before the HTTP server's own
/// shutdown would close them as a normal closure: clients learn the server is stopping and reconnect elsewhere.
/// Waits (up to five seconds) until the connections are gone, so their queued frames are written first.
struct RealtimeCloser: Service {
    let hub: ChatHub
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        await self.hub.closeAll()
        let deadline = ContinuousClock.now + .seconds(5)
        while await self.hub.connectionCount > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        let left = await self.hub.connectionCount
        self.logger.debug("websockets closed for shutdown", metadata: ["left": "\(left)"])
    }
}
