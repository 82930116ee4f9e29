import NIOCore
import NIOHTTP1

/// Sits right behind the HTTP parser and makes sure every parser error is answered. While a connection's first
/// request is parsed, the WebSocket-upgrade handler sits between the parser and ``ConnectionGuardHandler`` and
/// would leave an error unanswered with the connection open (thousands of those run the server out of
/// descriptors). So an error in the first request goes to ``FirstRequestGuard``, which answers below the HTTP
/// encoder and closes; an error in a request pipelined behind it waits until ``ConnectionGuardHandler`` is in
/// place, which answers it after the first request's response.
final class ParserErrorCatcher: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart

    /// Until the first request has been parsed whole.
    private var firstRequest: FirstRequestGuard?
    private var failed = false

    init(firstRequest: FirstRequestGuard) {
        self.firstRequest = firstRequest
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if let firstRequest = self.firstRequest, case .end = self.unwrapInboundIn(data) {
            self.firstRequest = nil
            context.pipeline.syncOperations.removeHandler(firstRequest, promise: nil)
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, !self.failed else { return context.fireErrorCaught(error) }
        self.failed = true
        if let firstRequest = self.firstRequest {
            firstRequest.refuse(after: parserError)
        } else {
            self.deliver(parserError, context: context, attempt: 0)
        }
    }

    /// Passes the error on once ``ConnectionGuardHandler`` is in the pipeline to answer it (at once, normally: it
    /// is installed as soon as the first request is known not to upgrade); closes if it never comes.
    private func deliver(_ error: HTTPParserError, context: ChannelHandlerContext, attempt: Int) {
        if (try? context.pipeline.syncOperations.handler(type: ConnectionGuardHandler.self)) != nil {
            return context.fireErrorCaught(error)
        }
        guard attempt < 100, context.channel.isActive else { return context.close(promise: nil) }
        let bound = NIOLoopBound((catcher: self, context: context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: .milliseconds(10)) {
            bound.value.catcher.deliver(error, context: bound.value.context, attempt: attempt + 1)
        }
    }
}
