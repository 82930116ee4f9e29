import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import StorageKit

/// Protects the HTTP/1 pipeline from slow and malformed clients:
/// - a client that takes longer than `requestTimeout` to send a request's headers, or again its body, is
///   disconnected (slow-loris protection; the idle timeout covers connections that send nothing);
/// - headers over the decoder's limits (size or count) get `431`, an unknown method or `CONNECT` (this is not a
///   proxy) `501`, other unparsable requests `400`, then the connection closes — instead of a silent reset. A
///   malformed request pipelined behind a good one is refused after the good one's response;
/// - `Connection: Close` in any spelling is passed on as the `close` the HTTP layer looks for.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let requestTimeout: TimeAmount
    /// When the connection is closed unless `disarm()` comes first; nil while nothing is due.
    private var deadline: NIODeadline?
    /// At most one scheduled check, reused across requests: arming only moves `deadline` (a keep-alive
    /// connection would otherwise schedule and cancel two timers per request).
    private var timer: Scheduled<Void>?
    private var readingRequest = false
    private var responding = false
    /// A request head was read and its response has not ended yet.
    private var awaitingResponse = false
    /// A refusal to send once the response in progress has ended.
    private var pendingRefusal: HTTPResponse.Status?
    /// Refused: nothing more is read or answered.
    private var refused = false

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
        self.stop()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.stop()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !self.refused, self.pendingRefusal == nil else { return }
        switch self.unwrapInboundIn(data) {
        case .head(var head):
            if head.method == .connect { return self.refuse(.notImplemented, context: context) }
            // Headers arrived in time; the body gets its own allowance.
            self.readingRequest = true
            self.awaitingResponse = true
            self.arm(context: context)
            if let connection = head.headerFields[.connection], connection != "close",
                connection.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == "close" })
            {
                head.headerFields[.connection] = "close"
                return context.fireChannelRead(self.wrapInboundOut(.head(head)))
            }
        case .body:
            break
        case .end:
            self.readingRequest = false
            self.deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .head = self.unwrapOutboundIn(data) { self.responding = true }
        if case .end = self.unwrapOutboundIn(data) {
            self.responding = false
            self.awaitingResponse = false
            if let status = self.pendingRefusal {
                context.write(data, promise: promise)
                self.pendingRefusal = nil
                return self.refuse(status, context: context)
            }
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
        self.stop()
        let status = FirstRequestGuard.status(for: parserError)
        // A request before the bad one is still being answered: its response goes out first.
        if self.awaitingResponse {
            self.pendingRefusal = self.pendingRefusal ?? status
        } else {
            self.refuse(status, context: context)
        }
    }

    /// Answers `status` with the server's JSON error body and closes the connection.
    private func refuse(_ status: HTTPResponse.Status, context: ChannelHandlerContext) {
        guard !self.refused else { return }
        self.refused = true
        self.stop()
        let body = RequestHead.refusalBody(status)
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
        let deadline = NIODeadline.now() + self.requestTimeout
        self.deadline = deadline
        if self.timer == nil { self.schedule(at: deadline, context: context) }
    }

    private func stop() {
        self.deadline = nil
        self.timer?.cancel()
        self.timer = nil
    }

    private func schedule(at deadline: NIODeadline, context: ChannelHandlerContext) {
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        self.timer = context.eventLoop.scheduleTask(deadline: deadline) {
            bound.value.handler.check(context: bound.value.context)
        }
    }

    /// The scheduled check: closes the connection when its deadline has passed, waits again when the deadline
    /// moved later since, and lets the timer lapse when nothing is due.
    private func check(context: ChannelHandlerContext) {
        self.timer = nil
        guard let deadline = self.deadline else { return }
        if deadline <= .now() {
            self.deadline = nil
            context.close(promise: nil)
        } else {
            self.schedule(at: deadline, context: context)
        }
    }
}
