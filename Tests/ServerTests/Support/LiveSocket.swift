import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import Logging
import NIOWebSocket
import Server
import StorageKit
import Synchronization
import TestSupport
import Testing
import WSClient

/// A WebSocket client for tests: frames received are collected; `send` writes; `close` ends it.
final class LiveSocket: Sendable {
    final class Received: Sendable {
        let frames = Mutex<[String]>([])
        func withLock<R>(_ body: (inout [String]) -> R) -> R { self.frames.withLock { body(&$0) } }
    }

    let received = Received()
    let outgoing: AsyncStream<String>.Continuation
    let task: Task<WebSocketCloseFrame?, any Error>

    init(port: Int, path: String, headers: HTTPFields = [:], maxFrameSize: Int = 1 << 16) {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        self.outgoing = continuation
        let received = self.received
        let ended = EndBox()
        self.endBox = ended
        self.task = Task {
            defer { ended.finished() }
            let frame = try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)\(path)",
                configuration: .init(maxFrameSize: maxFrameSize, additionalHeaders: headers),
                logger: Logger(label: "test-socket")
            ) { inbound, outbound, _ in
                let writer = Task {
                    for await text in stream { try await outbound.write(.text(text)) }
                    try await outbound.close(.normalClosure, reason: nil)
                }
                for try await message in inbound.messages(maxSize: 1 << 22) {
                    if case .text(let text) = message { received.withLock { $0.append(text) } }
                }
                writer.cancel()
            }
            ended.set(frame)
            return frame
        }
    }

    final class EndBox: Sendable {
        let state = Mutex<(done: Bool, frame: WebSocketCloseFrame?)>((false, nil))
        func set(_ frame: WebSocketCloseFrame?) { self.state.withLock { $0.frame = frame } }
        func finished() { self.state.withLock { $0.done = true } }
    }

    let endBox: EndBox

    func send(_ text: String) { self.outgoing.yield(text) }

    /// The next frame of `type` (earlier frames of other types are skipped), as an object.
    func next(_ type: String, within timeout: Duration = .seconds(15)) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let frame = self.received.withLock { frames -> String? in
                guard let index = frames.firstIndex(where: { (Self.object($0)?["type"] as? String) == type }) else { return nil }
                let frame = frames[index]
                frames.removeSubrange(...index)
                return frame
            }
            if let frame, let object = Self.object(frame) { return object }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Timeout(type: type, seen: self.received.withLock { $0 })
    }

    /// True when no frame of `type` arrives within `wait`.
    func none(_ type: String, within wait: Duration = .milliseconds(400)) async throws -> Bool {
        try await Task.sleep(for: wait)
        return !self.received.withLock { $0.contains { (Self.object($0)?["type"] as? String) == type } }
    }

    func close() async throws -> WebSocketCloseFrame? {
        self.outgoing.finish()
        return try await self.closed()
    }

    /// Waits for the server to close the socket; nil when it has not within `timeout` (the client is then
    /// cancelled, so a test never hangs on it).
    func closed(within timeout: Duration = .seconds(15)) async throws -> WebSocketCloseFrame? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let state = self.endBox.state.withLock { $0 }
            if state.done { return state.frame }
            try await Task.sleep(for: .milliseconds(20))
        }
        self.task.cancel()
        return nil
    }

    static func object(_ text: String) -> [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] }

    struct Timeout: Error, CustomStringConvertible {
        let type: String
        let seen: [String]
        var description: String { "no \(self.type) frame; received: \(self.seen)" }
    }
}
