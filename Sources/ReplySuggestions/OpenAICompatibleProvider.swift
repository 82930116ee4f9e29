public import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
import StorageKit

/// A provider speaking the OpenAI chat-completions API with `stream: true`: OpenAI itself, and the
/// OpenAI-compatible endpoints of Doubao (Volcengine Ark), Gemini, DeepSeek and Grok (xAI), among others.
///
/// It posts to `<baseURL>/chat/completions` with the key as a bearer token, reads the answer's server-sent events
/// as they arrive and yields each `choices[0].delta.content`, until `data: [DONE]`. A provider that ignores
/// `stream` and answers one JSON completion is read whole. The whole answer must arrive within `timeout`.
public struct OpenAICompatibleProvider: ChatCompletionProvider {
    /// Where a provider is and which of its models answers.
    public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
        /// The API's base URL, which `/chat/completions` is appended to (`https://api.deepseek.com/v1`).
        public var baseURL: String
        /// Sent as `Authorization: Bearer …`; `nil` sends none (a local server).
        public var apiKey: APIKey?
        /// The `model` of each request (`deepseek-chat`; for Ark, the endpoint id).
        public var model: String

        public init(baseURL: String, apiKey: APIKey?, model: String) {
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.model = model
        }

        /// The completions URL.
        public var completionsURL: String {
            String(self.baseURL.reversed().drop { $0 == "/" }.reversed()) + "/chat/completions"
        }

        public var description: String { "\(self.model) at \(self.baseURL)" }
    }

    public let endpoint: Endpoint
    /// How long the whole answer may take, from the request to its last fragment.
    public let timeout: Duration
    /// The longest answer accepted, in UTF-8 bytes; a longer one breaks off with ``ChatCompletionError/tooLong``.
    public let maximumAnswerLength: Int
    let client: HTTPClient
    let logger: Logger

    public init(
        endpoint: Endpoint,
        timeout: Duration = .seconds(60),
        maximumAnswerLength: Int = 64 << 10,
        client: HTTPClient = OpenAICompatibleProvider.sharedClient,
        logger: Logger = Logger(label: "rapport.ai")
    ) {
        self.endpoint = endpoint
        self.timeout = timeout
        self.maximumAnswerLength = maximumAnswerLength
        self.client = client
        self.logger = logger
    }

    /// The client providers share unless given one, for the life of the process: up to 1,024 concurrent HTTP/1
    /// streams per provider host (AsyncHTTPClient's default of 8 would queue the ninth suggestion behind the first
    /// eight), no redirects (a key is never sent anywhere the configuration did not name), a 10-second connect timeout.
    public static let sharedClient: HTTPClient = {
        let configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10)),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 1024)
        )
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    struct RequestBody: Encodable {
        var model: String
        var messages: [ChatMessage]
        var stream = true
        var temperature: Double?
        var maxTokens: Int?

        enum CodingKeys: String, CodingKey {
            case model, messages, stream, temperature
            case maxTokens = "max_tokens"
        }
    }

    public func streamCompletion(_ request: ChatCompletionRequest) async throws -> ChatCompletionStream {
        let deadline = ContinuousClock.now + self.timeout
        var http = HTTPClientRequest(url: self.endpoint.completionsURL)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        http.headers.add(name: "Accept", value: "text/event-stream")
        if let key = self.endpoint.apiKey { http.headers.add(name: "Authorization", value: "Bearer \(key.secret)") }
        let body = RequestBody(
            model: self.endpoint.model,
            messages: request.messages,
            temperature: request.temperature,
            maxTokens: request.maxTokens
        )
        http.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(body)))
        let response: HTTPClientResponse
        do {
            let (seconds, attoseconds) = self.timeout.components
            response = try await self.client.execute(http, timeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            self.logger.warning("AI provider did not answer in time", metadata: ["provider": "\(self.endpoint)"])
            throw ChatCompletionError.timedOut
        } catch {
            if Task.isCancelled { throw CancellationError() }
            self.logger.warning(
                "AI provider unreachable",
                metadata: ["provider": "\(self.endpoint)", "error": "\(String(reflecting: type(of: error)))"]
            )
            throw ChatCompletionError.unreachable
        }
        guard response.status == .ok else {
            self.logger.warning("AI provider refused", metadata: ["provider": "\(self.endpoint)", "status": "\(response.status.code)"])
            throw ChatCompletionError.refused(status: Int(response.status.code))
        }
        let type = response.headers.first(name: "content-type")?.lowercased() ?? ""
        let format: AnswerFormat
        if type.hasPrefix("text/event-stream") {
            format = .eventStream
        } else if type.hasPrefix("application/json") {
            format = .json
        } else {
            self.logger.warning("AI provider answered no event stream", metadata: ["provider": "\(self.endpoint)", "content-type": "\(type)"])
            throw ChatCompletionError.notAnEventStream
        }
        let (stream, continuation) = ChatCompletionStream.makeStream()
        let reader = AnswerReader(format: format, maximumLength: self.maximumAnswerLength, continuation: continuation)
        let responseBody = response.body
        let logger = self.logger
        let endpoint = self.endpoint
        let task = Task {
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await reader.read(responseBody) }
                    group.addTask {
                        try await Task.sleep(until: deadline, clock: .continuous)
                        throw ChatCompletionError.timedOut
                    }
                    try await group.next()
                    group.cancelAll()
                }
                continuation.finish()
            } catch let error as ChatCompletionError {
                logger.warning("AI answer broke off", metadata: ["provider": "\(endpoint)", "reason": "\(error)"])
                continuation.finish(throwing: error)
            } catch {
                continuation.finish(throwing: Task.isCancelled ? CancellationError() : ChatCompletionError.interrupted)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    enum AnswerFormat { case eventStream, json }

    /// Turns the answer's bytes into text fragments.
    struct AnswerReader: Sendable {
        let format: AnswerFormat
        let maximumLength: Int
        let continuation: ChatCompletionStream.Continuation

        func read(_ body: HTTPClientResponse.Body) async throws {
            switch self.format {
            case .json:
                var collected = ByteBuffer()
                for try await buffer in body {
                    guard collected.readableBytes + buffer.readableBytes <= self.maximumLength + 64 << 10 else { throw ChatCompletionError.tooLong }
                    collected.writeImmutableBuffer(buffer)
                }
                let completion: Chunk
                do { completion = try Chunk(collected.readableBytesView) } catch { throw ChatCompletionError.notAnEventStream }
                if completion.failed { throw ChatCompletionError.providerError }
                guard let text = completion.message else { throw ChatCompletionError.malformed }
                guard text.utf8.count <= self.maximumLength else { throw ChatCompletionError.tooLong }
                if !text.isEmpty { self.continuation.yield(text) }
            case .eventStream:
                var parser = ServerSentEventParser()
                var length = 0
                var finished = false
                for try await buffer in body {
                    let events: [ServerSentEvent]
                    do { events = try parser.parse(buffer.readableBytesView) } catch { throw ChatCompletionError.malformed }
                    for event in events {
                        if event.data == "[DONE]" { return }
                        let chunk = try Chunk(event.data.utf8)
                        if chunk.failed { throw ChatCompletionError.providerError }
                        if let text = chunk.delta, !text.isEmpty {
                            length += text.utf8.count
                            guard length <= self.maximumLength else { throw ChatCompletionError.tooLong }
                            self.continuation.yield(text)
                        }
                        if chunk.finished { finished = true }
                    }
                }
                parser.finish()
                // The connection closed without `[DONE]`: complete only if the provider said it was done.
                guard finished else { throw ChatCompletionError.interrupted }
            }
        }
    }

    /// What matters of a completion chunk (`chat.completion.chunk`), a whole completion, or an error object: the
    /// first choice's text, whether it finished, whether the provider reported an error. Read with StorageKit's
    /// JSON parser, not `JSONDecoder`: this runs for every fragment.
    struct Chunk {
        /// `choices[0].delta.content`.
        var delta: String?
        /// `choices[0].message.content` (a whole completion).
        var message: String?
        var finished = false
        /// The chunk carries an `error` (an object or a text, by provider).
        var failed = false

        init(_ bytes: some Collection<UInt8>) throws(ChatCompletionError) {
            guard let value = try? JSONValue(parsing: bytes), value.isObject else { throw .malformed }
            if let error = value["error"], !error.isNull { self.failed = true }
            for choice in value["choices"]?.arrayValue ?? [] where (choice["index"]?.integerValue ?? 0) == 0 {
                self.delta = choice["delta"]?["content"]?.stringValue
                self.message = choice["message"]?["content"]?.stringValue
                if let reason = choice["finish_reason"], !reason.isNull { self.finished = true }
            }
        }
    }
}
