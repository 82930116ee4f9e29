import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import StorageKit

/// Guards a connection's first request head, which the WebSocket-upgrade pipeline parses before
/// ``ConnectionGuardHandler`` is installed: it holds the bytes until the head is complete, answers a head over the
/// limits with `431` and a malformed request line with `400`, and closes a connection whose head does not arrive
/// within the request timeout. Once the head is complete it hands everything on and leaves the pipeline.
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
    private var done = false

    init(requestTimeout: TimeAmount, maxFieldSize: Int, maxListSize: Int, maxFieldCount: Int) {
        self.requestTimeout = requestTimeout
        self.maxFieldSize = maxFieldSize
        self.maxListSize = maxListSize
        self.maxFieldCount = maxFieldCount
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        self.timer = context.eventLoop.scheduleTask(in: self.requestTimeout) { loopBound.value.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = self.unwrapInboundIn(data)
        guard !self.done else { return context.fireChannelRead(data) }
        if self.buffered == nil { self.buffered = incoming } else { self.buffered!.writeBuffer(&incoming) }
        let bytes = self.buffered!.readableBytesView
        guard let end = Self.headEnd(bytes) else {
            // Not complete yet: refuse as soon as it cannot fit, or when the request line is already wrong.
            if bytes.count > self.maxListSize + 4096 { return self.refuse(context, status: "431 Request Header Fields Too Large", message: "请求头过大") }
            if let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")), !Self.validRequestLine(bytes[bytes.startIndex..<lineEnd]) {
                return self.refuse(context, status: "400 Bad Request", message: "请求格式错误")
            }
            return
        }
        let head = bytes[bytes.startIndex..<end]
        let lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        guard let first = lines.first, Self.validRequestLine(first) else {
            return self.refuse(context, status: "400 Bad Request", message: "请求格式错误")
        }
        if head.count > self.maxListSize || lines.count - 1 > self.maxFieldCount || lines.contains(where: { $0.count > self.maxFieldSize }) {
            return self.refuse(context, status: "431 Request Header Fields Too Large", message: "请求头过大")
        }
        self.done = true
        self.timer?.cancel()
        let all = self.buffered!
        self.buffered = nil
        context.fireChannelRead(self.wrapInboundOut(all))
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
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

    /// `METHOD SP target SP HTTP/1.x` with an upper-case token method.
    static func validRequestLine(_ line: some Collection<UInt8>) -> Bool {
        var text = String(decoding: line, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }), !parts[1].isEmpty else { return false }
        return parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0"
    }

    private func refuse(_ context: ChannelHandlerContext, status: String, message: String) {
        self.done = true
        self.timer?.cancel()
        self.buffered = nil
        let code = status.prefix(3)
        let body = #"{"error":"\#(message)","message":"\#(message)","detail":"\#(message)","code":\#(code)}"#
        let response =
            "HTTP/1.1 \(status)\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        var buffer = context.channel.allocator.buffer(capacity: response.utf8.count)
        buffer.writeString(response)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(self.wrapOutboundOut(buffer)).whenComplete { _ in loopBound.value.close(promise: nil) }
    }
}
