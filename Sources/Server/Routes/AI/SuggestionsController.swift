import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ReplySuggestions
import StorageKit

/// `/api/ai` (contracts/seed003 §6): reply suggestions streamed as server-sent events, resumable by id. Errors
/// before the stream are seed 003's `{"error": …}`; token refusals its `{"msg": …}`.
struct SuggestionsController<Context: RapportRequestContext> {
    let providers: [String: any ChatCompletionProvider]
    let models: Set<String>
    let defaultModel: String
    let quota: SuggestionQuota
    let relay: SuggestionRelay
    let suggester: ReplySuggester
    let chat: ChatService?
    let groups: (any GroupRepository)?
    let keepAlive: Duration

    /// How many messages of a named conversation are read, as the seed's client sends.
    static var conversationLength: Int { 15 }
    /// How many of the messages a client sends are looked at; older ones are dropped before the prompt's own cap.
    static var transcriptLimit: Int { 200 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("suggest/stream", use: self.suggestRoute)
        group.get("suggestions/{id}/stream", use: self.resumeRoute)
    }

    /// The caller; guests get no suggestions.
    func caller(_ context: Context) throws -> ParticipantID {
        guard let me = try context.platformUser() else { throw Refusal.flask(.forbidden, "访客不能使用AI回复建议，请先登录") }
        return me
    }

    /// `POST /api/ai/suggest/stream {"messages" | "conversation", "current_user_id", "model"?}`.
    @Sendable func suggestRoute(_ request: Request, context: Context) async throws -> Response {
        let me = try self.caller(context)
        if let type = request.headers[.contentType], !type.lowercased().contains("json") {
            throw Refusal.flask(.unsupportedMediaType, "Content-Type must be application/json")
        }
        let body: JSONValue
        switch try await RequestBody.parsed(request, context: context) {
        case .empty: throw Refusal.flask(.badRequest, "No JSON data provided")
        case .notJSON: throw Refusal.flask(.badRequest, "Invalid JSON body")
        case .json(let value): body = value
        }
        guard body.isObject, body.isTruthy else { throw Refusal.flask(.badRequest, "No JSON data provided") }
        let model = try self.model(body["model"])
        guard let asked = body["current_user_id"], asked.isTruthy else { throw Refusal.flask(.badRequest, "current_user_id is required") }
        guard asked.positiveID == me.rawValue else { throw Refusal.flask(.forbidden, "只能为自己请求回复建议") }
        let transcript = try await self.transcript(body, me: me)
        if let wait = await self.quota.admit(String(me.rawValue)) {
            throw Refusal(.tooManyRequests, "AI 请求过于频繁，请 \(wait) 秒后再试", .flask, retryAfter: wait)
        }
        let prompt = self.suggester.request(for: transcript, replyingAs: String(me.rawValue))
        let (id, events) = await self.relay.start(owner: String(me.rawValue), provider: self.providers[model], request: prompt)
        context.logger.info("AI suggestion started", metadata: ["suggestion": "\(id)", "model": "\(model)"])
        return self.stream(events, id: id)
    }

    /// `GET /api/ai/suggestions/{id}/stream` with `Last-Event-ID` (or `?last_event_id=`): the events after it,
    /// then the rest live. The suggester only.
    @Sendable func resumeRoute(_ request: Request, context: Context) async throws -> Response {
        let me = try self.caller(context)
        let id = context.parameters.get("id") ?? ""
        let last = request.headers[.lastEventID] ?? request.uri.queryParameters.get("last_event_id") ?? "0"
        guard let after = Int(last.trimmingCharacters(in: .whitespaces)), after >= 0 else {
            throw Refusal.flask(.badRequest, "Last-Event-ID must be a whole number")
        }
        do {
            return self.stream(try await self.relay.subscribe(to: id, as: String(me.rawValue), after: after), id: id)
        } catch .unknown {
            throw Refusal.flask(.notFound, "Suggestion not found")
        } catch .notOwner {
            throw Refusal.flask(.forbidden, "只能继续自己的回复建议")
        }
    }

    /// `model`: absent or null is the default; a name, in any case, of a known model; anything else is refused.
    func model(_ value: JSONValue?) throws -> String {
        guard let value, !value.isNull else { return self.defaultModel }
        guard let name = value.stringValue?.trimmingCharacters(in: .whitespaces).lowercased(), self.models.contains(name) else {
            throw Refusal.flask(.badRequest, "Invalid model")
        }
        return name
    }

    /// The messages the client sent (items without a sender or content skipped), or the last messages of the
    /// conversation it names.
    func transcript(_ body: JSONValue, me: ParticipantID) async throws -> [TranscriptLine] {
        if let conversation = body["conversation"], !conversation.isNull {
            guard body["messages"]?.isNull ?? true else {
                throw Refusal.flask(.badRequest, "Send messages or conversation, not both")
            }
            return try await self.conversationTranscript(conversation, me: me)
        }
        guard let messages = body["messages"], messages.isTruthy else { throw Refusal.flask(.badRequest, "messages is required") }
        guard let items = messages.arrayValue else { throw Refusal.flask(.badRequest, "messages must be a list") }
        let lines = items.suffix(Self.transcriptLimit).compactMap { item -> TranscriptLine? in
            guard let sender = item["sender_id"], sender.isTruthy, let content = item["content"], content.isTruthy else { return nil }
            return TranscriptLine(sender: sender.displayText, content: content.displayText)
        }
        guard !lines.isEmpty else { throw Refusal.flask(.badRequest, "messages has no message with a sender_id and content") }
        return lines
    }

    /// `{"friend_id": n}` or `{"group_id": n}`: the last messages of the caller's conversation with the friend, or
    /// of a group the caller is in.
    func conversationTranscript(_ conversation: JSONValue, me: ParticipantID) async throws -> [TranscriptLine] {
        guard let chat = self.chat, let groups = self.groups else {
            throw Refusal.flask(.badRequest, "conversation is not available here: send messages")
        }
        let id: ConversationID
        if let group = conversation["group_id"]?.positiveID {
            guard let found = try await groups.group(ConversationID(group)) else { throw Refusal.flask(.notFound, "群组不存在") }
            guard found.members[me] != nil else { throw Refusal.flask(.forbidden, "无权查看该群组的消息") }
            id = found.id
        } else if let friend = conversation["friend_id"]?.positiveID {
            guard let found = try await chat.messages.existingDirectConversation(between: me, and: ParticipantID(friend)) else {
                throw Refusal.flask(.notFound, "会话不存在")
            }
            id = found
        } else {
            throw Refusal.flask(.badRequest, "conversation must name friend_id or group_id")
        }
        let messages = try await chat.messages.messages(in: id, limit: Self.conversationLength, offset: 0, beforeSeq: nil, afterSeq: nil)
        let lines = messages.reversed().compactMap { message -> TranscriptLine? in
            let content: String =
                switch message.type {
                case .text, .emoji: message.content
                case .image: "[图片]"
                case .file: "[文件]"
                }
            return TranscriptLine(sender: String(message.senderID.rawValue), content: content)
        }
        guard !lines.isEmpty else { throw Refusal.flask(.badRequest, "The conversation has no messages yet") }
        return lines
    }

    /// The suggestion's events as `text/event-stream`: `id: n` and `data: {"content": …}` or `data: {"error": …}`
    /// each, a comment line after `keepAlive` of silence, no `[DONE]` (the stream simply ends).
    func stream(_ events: AsyncStream<SuggestionEvent>, id: String) -> Response {
        let keepAlive = self.keepAlive
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", .xAccelBuffering: "no", .suggestionID: id,
        ]
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody { writer in
                let (outputs, output) = AsyncStream.makeStream(of: StreamOutput.self)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await event in events { output.yield(.event(event)) }
                        output.finish()
                    }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: keepAlive / 4)
                            output.yield(.tick)
                        }
                    }
                    var lastWrite = ContinuousClock.now
                    for await next in outputs {
                        switch next {
                        case .event(let event):
                            try await writer.write(ByteBuffer(bytes: Self.encode(event)))
                        case .tick:
                            guard ContinuousClock.now - lastWrite >= keepAlive else { continue }
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        }
                        lastWrite = .now
                    }
                    group.cancelAll()
                }
                try await writer.finish(nil)
            }
        )
    }

    static func encode(_ event: SuggestionEvent) -> [UInt8] {
        let data: JSONValue =
            switch event.kind {
            case .content(let text): ["content": .string(text)]
            case .error(let text): ["error": .string(text)]
            }
        return Array("id: \(event.id)\ndata: ".utf8) + data.serialized() + Array("\n\n".utf8)
    }
}

/// What the writer of a suggestion stream does next: write an event, or check whether a keep-alive is due.
private enum StreamOutput: Sendable {
    case event(SuggestionEvent)
    case tick
}

extension HTTPField.Name {
    static let lastEventID = Self("Last-Event-ID")!
    static let xAccelBuffering = Self("X-Accel-Buffering")!
    static let suggestionID = Self("X-Suggestion-Id")!
}
