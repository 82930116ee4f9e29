import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// A child channel with ``FirstRequestGuard`` at the front of its pipeline and ``ParserErrorCatcher`` right behind
/// the HTTP parser, admitted by a ``ConnectionLimiter`` first: a connection over its limits is closed before
/// anything is read from it. With a TLS context, TLS comes first and the guard reads what it decrypts.
struct GuardedChildChannel<Inner: ServerChildChannel>: ServerChildChannel {
    typealias Value = Inner.Value
    let inner: Inner
    let limiter: ConnectionLimiter?
    let makeGuard: @Sendable () -> FirstRequestGuard
    let tls: NIOSSLContext?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        if let limiter = self.limiter {
            guard let release = limiter.admit(channel.remoteAddress) else {
                logger.debug("connection refused over the limits", metadata: ["client": "\(channel.remoteAddress?.ipAddress ?? "?")"])
                channel.close(promise: nil)
                return channel.eventLoop.makeFailedFuture(ChannelError.inputClosed)
            }
            channel.closeFuture.whenComplete { _ in release() }
        }
        let firstRequest = self.makeGuard()
        do {
            try channel.pipeline.syncOperations.addHandler(firstRequest, position: .first)
            if let tls = self.tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first) }
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        let bound = NIOLoopBound(firstRequest, eventLoop: channel.eventLoop)
        return self.inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let parser = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(ParserErrorCatcher(firstRequest: bound.value), position: .after(parser))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await self.inner.handle(value: value, logger: logger)
    }
}
