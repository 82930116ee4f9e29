public import Foundation
public import Hummingbird
import NIOCore
import Synchronization

/// An OpenAI-compatible chat-completions provider for tests: `POST /v1/chat/completions` answers the script
/// registered for the request's `model` (or the default script), and remembers what it was asked and whether a
/// client left in the middle of a stream.
public final class ProviderDouble: Sendable {
    /// One step of a streamed answer.
    public enum Step: Sendable {
        /// Bytes, sent as one write.
        case bytes([UInt8])
        /// A wait before the next step.
        case pause(Duration)
        /// The end of the body.
        case end
    }

    /// How the double answers.
    public enum Answer: Sendable {
        /// 200 `text/event-stream`, written step by step.
        case stream([Step])
        /// Any status, type and body at once.
        case fixed(status: Int, contentType: String, body: String)
    }

    /// A request the double received.
    public struct Received: Sendable {
        public let model: String
        public let authorization: String?
        public let body: [String: any Sendable]
        public var prompt: String {
            let messages = self.body["messages"] as? [[String: any Sendable]] ?? []
            return messages.compactMap { $0["content"] as? String }.joined(separator: "\n---\n")
        }
    }

    private struct State {
        var scripts: [String: Answer] = [:]
        var received: [Received] = []
        var streamsLeft = 0
        var stepsWritten = 0
        var stopped = false
    }

    private let state = Mutex(State())
    private let defaultAnswer: Answer

    public init(default answer: Answer = .stream(ProviderDouble.fragments(["你好", "，", "明天见"]))) {
        self.defaultAnswer = answer
    }

    /// Answers requests for `model` with `answer`.
    public func script(_ model: String, _ answer: Answer) {
        self.state.withLock { $0.scripts[model] = answer }
    }

    /// Ends every pause now and from now on, so a test's server can shut down without waiting out a long stall.
    public func stop() {
        self.state.withLock { $0.stopped = true }
    }

    /// Sleeps for `duration` in slices, returning early once ``stop()`` is called.
    private func pause(_ duration: Duration) async throws {
        let end = ContinuousClock.now + duration
        while ContinuousClock.now < end, !self.state.withLock({ $0.stopped }) {
            try await Task.sleep(for: min(.milliseconds(50), end - ContinuousClock.now))
        }
    }

    /// The requests received, oldest first.
    public var received: [Received] { self.state.withLock { $0.received } }
    /// Streams whose client went away before the double finished writing.
    public var streamsLeft: Int { self.state.withLock { $0.streamsLeft } }
    /// Steps written to clients, over all streams.
    public var stepsWritten: Int { self.state.withLock { $0.stepsWritten } }

    /// One `chat.completion.chunk` event carrying `text`.
    public static func chunk(_ text: String, finish: Bool = false) -> String {
        let content = String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
        let reason = finish ? #""stop""# : "null"
        return
            #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":\#(content)},"finish_reason":\#(reason)}]}"#
            + "\n\n"
    }

    /// A well-formed stream of `texts`, one event per write, `pause` between them, ending with `[DONE]`.
    public static func fragments(_ texts: [String], pause: Duration? = nil) -> [Step] {
        var steps: [Step] = [.bytes(Array(#"data: {"choices":[{"index":0,"delta":{"role":"assistant"}}]}"#.utf8) + [10, 10])]
        for text in texts {
            if let pause { steps.append(.pause(pause)) }
            steps.append(.bytes(Array(Self.chunk(text).utf8)))
        }
        steps.append(.bytes(Array((Self.chunk("", finish: true) + "data: [DONE]\n\n").utf8)))
        return steps
    }

    /// The routes: mount on a live application and point a provider at `http://127.0.0.1:<port>/v1`.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/chat/completions") { request, context -> Response in
            let bytes = try await request.body.collect(upTo: 16 << 20)
            let body = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] ?? [:]
            let model = body["model"] as? String ?? ""
            let received = Received(model: model, authorization: request.headers[.authorization], body: Self.sendable(body))
            let answer = self.state.withLock { state in
                state.received.append(received)
                return state.scripts[model] ?? self.defaultAnswer
            }
            switch answer {
            case .fixed(let status, let type, let text):
                return Response(
                    status: .init(code: status),
                    headers: [.contentType: type],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: text))
                )
            case .stream(let steps):
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                    body: ResponseBody { writer in
                        do {
                            for step in steps {
                                switch step {
                                case .bytes(let bytes):
                                    try await writer.write(ByteBuffer(bytes: bytes))
                                    self.state.withLock { $0.stepsWritten += 1 }
                                case .pause(let duration): try await self.pause(duration)
                                case .end: break
                                }
                            }
                            try await writer.finish(nil)
                        } catch {
                            self.state.withLock { $0.streamsLeft += 1 }
                            throw error
                        }
                    }
                )
            }
        }
        return router
    }

    private static func sendable(_ object: [String: Any]) -> [String: any Sendable] {
        object.mapValues { value -> any Sendable in
            switch value {
            case let dictionary as [String: Any]: Self.sendable(dictionary)
            case let array as [Any]: array.map { ($0 as? [String: Any]).map(Self.sendable) ?? String(describing: $0) } as [any Sendable]
            case let text as String: text
            case let number as NSNumber: number.doubleValue
            default: String(describing: value)
            }
        }
    }
}
