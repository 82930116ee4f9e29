import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import StorageKit

/// Guards a connection's first request head, which the WebSocket-upgrade pipeline parses before
/// ``ConnectionGuardHandler`` is installed:
/// - it holds the bytes until the head is complete, answers a head over the limits with `431` and a malformed
///   request line with `400`, and closes a connection whose head does not arrive within the request timeout;
/// - it makes the head what the parser accepts from people: UTF-8 typed into a URL (`?q=张`) is percent-encoded
///   as a browser would, and an HTTP/1.0 request without `Connection: keep-alive` is marked `Connection: close`;
/// - until ``ParserErrorCatcher`` sees the first request parsed whole, it stays at the front of the pipeline, so a
///   parser error in it (which the upgrade handler never answers) is answered from here, below the HTTP encoder.
final class FirstRequestGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let requestTimeout: TimeAmount
    private let maxFieldSize: Int
    private let maxListSize: Int
    private let maxFieldCount: Int
    private var buffered: ByteBuffer?
    private var timer: Scheduled<Void>?
    private var context: ChannelHandlerContext?
    /// The head has been handed on: everything after it passes through untouched.
    private var passing = false
    private var refused = false

    init(requestTimeout: TimeAmount, maxFieldSize: Int, maxListSize: Int, maxFieldCount: Int) {
        self.requestTimeout = requestTimeout
        self.maxFieldSize = maxFieldSize
        self.maxListSize = maxListSize
        self.maxFieldCount = maxFieldCount
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        self.timer = context.eventLoop.scheduleTask(in: self.requestTimeout) { loopBound.value.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timer?.cancel()
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !self.passing else { return context.fireChannelRead(data) }
        guard !self.refused else { return }
        var incoming = self.unwrapInboundIn(data)
        if self.buffered == nil { self.buffered = incoming } else { self.buffered!.writeBuffer(&incoming) }
        let bytes = self.buffered!.readableBytesView
        guard let end = Self.headEnd(bytes) else {
            // Not complete yet: refuse as soon as it cannot fit, or when the request line is already wrong.
            if bytes.count > self.maxListSize + 4096 { return self.refuse(status: .requestHeaderFieldsTooLarge) }
            if let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")), RequestHead.requestLine(bytes[bytes.startIndex..<lineEnd]) == nil {
                return self.refuse(status: .badRequest)
            }
            return
        }
        let head = bytes[bytes.startIndex..<end]
        let lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        guard let first = lines.first, let requestLine = RequestHead.requestLine(first) else { return self.refuse(status: .badRequest) }
        if head.count > self.maxListSize || lines.count - 1 > self.maxFieldCount || lines.contains(where: { $0.count > self.maxFieldSize }) {
            return self.refuse(status: .requestHeaderFieldsTooLarge)
        }
        guard requestLine.targetIsClean else { return self.refuse(status: .badRequest) }
        self.passing = true
        self.timer?.cancel()
        var all = self.buffered!
        self.buffered = nil
        if let rewritten = RequestHead.rewritten(head: head, line: requestLine, fields: lines.dropFirst()) {
            all.moveReaderIndex(forwardBy: head.count)
            var replaced = context.channel.allocator.buffer(capacity: rewritten.count + all.readableBytes)
            replaced.writeBytes(rewritten)
            replaced.writeBuffer(&all)
            all = replaced
        }
        context.fireChannelRead(self.wrapInboundOut(all))
    }

    /// A client that closed its side before sending a whole head will not send one: close ours too (the server
    /// allows half-closed connections, which would otherwise wait for the request timeout).
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if !self.passing, let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Answers a parser error of the first request (from ``ParserErrorCatcher``) and closes.
    func refuse(after error: HTTPParserError) {
        self.refuse(status: Self.status(for: error))
    }

    /// The status a parser error is answered with: `501` for a method the server does not know, `431` for a head
    /// over the limits, `400` for anything else malformed.
    static func status(for error: HTTPParserError) -> HTTPResponse.Status {
        switch error {
        case .invalidMethod: .notImplemented
        case .headerOverflow: .requestHeaderFieldsTooLarge
        default: .badRequest
        }
    }

    private func refuse(status: HTTPResponse.Status) {
        guard !self.refused, let context = self.context else { return }
        self.refused = true
        self.passing = false
        self.timer?.cancel()
        self.buffered = nil
        let response = RequestHead.refusal(status)
        var buffer = context.channel.allocator.buffer(capacity: response.count)
        buffer.writeBytes(response)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(self.wrapOutboundOut(buffer)).whenComplete { _ in loopBound.value.close(promise: nil) }
    }

    /// The index just past the blank line that ends the head.
    static func headEnd(_ bytes: ByteBufferView) -> ByteBufferView.Index? {
        var index = bytes.startIndex
        while let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
            let next = bytes.index(after: newline)
            if next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") { return bytes.index(after: next) }
            if next < bytes.endIndex, bytes[next] == UInt8(ascii: "\r") {
                let after = bytes.index(after: next)
                if after < bytes.endIndex, bytes[after] == UInt8(ascii: "\n") { return bytes.index(after: after) }
            }
            index = next
        }
        return nil
    }
}
