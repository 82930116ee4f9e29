import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import StorageKit

/// Protects the HTTP/1 pipeline from slow and malformed clients:
/// - a client that takes longer than `requestTimeout` to send a request's headers, or again its body, is
///   disconnected (slow-loris protection; the idle timeout covers connections that send nothing);
/// - headers over the decoder's limits (size or count) get `431`, other unparsable requests `400`, then the
///   connection closes — instead of a silent reset.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let requestTimeout: TimeAmount
    private var timer: Scheduled<Void>?
    private var readingRequest = false
    private var responding = false

    init(requestTimeout: TimeAmount) {
        self.requestTimeout = requestTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.arm(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.arm(context: context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timer?.cancel()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.timer?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head:
            // Headers arrived in time; the body gets its own allowance.
            self.readingRequest = true
            self.arm(context: context)
        case .body:
            break
        case .end:
            self.readingRequest = false
            self.timer?.cancel()
            self.timer = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .head = self.unwrapOutboundIn(data) { self.responding = true }
        if case .end = self.unwrapOutboundIn(data) {
            self.responding = false
            // The next request's headers are due within the timeout, unless the idle timeout closes us first.
            if !self.readingRequest { self.arm(context: context) }
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        self.timer?.cancel()
        guard !self.responding else {
            context.close(promise: nil)
            return
        }
        let status: HTTPResponse.Status = parserError == .headerOverflow ? .requestHeaderFieldsTooLarge : .badRequest
        let message = status == .badRequest ? "请求格式错误" : "请求头过大"
        let body = #"{"error":"\#(message)","message":"\#(message)","detail":"\#(message)","code":\#(status.code)}"#
        var buffer = context.channel.allocator.buffer(capacity: body.utf8.count)
        buffer.writeString(body)
        let head = HTTPResponse(
            status: status,
            headerFields: [
                .contentType: "application/json; charset=utf-8", .contentLength: "\(buffer.readableBytes)", .connection: "close",
            ]
        )
        context.write(self.wrapOutboundOut(.head(head)), promise: nil)
        context.write(self.wrapOutboundOut(.body(buffer)), promise: nil)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(self.wrapOutboundOut(.end(nil))).whenComplete { _ in loopBound.value.close(promise: nil) }
    }

    private func arm(context: ChannelHandlerContext) {
        self.timer?.cancel()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        self.timer = context.eventLoop.scheduleTask(in: self.requestTimeout) {
            loopBound.value.close(promise: nil)
        }
    }
}
