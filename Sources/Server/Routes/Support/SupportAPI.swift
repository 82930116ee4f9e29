import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import StorageKit

/// What seed 004's customer-service controllers share (contracts/seed004 §5–§7 and §10): the stores, who the
/// caller is and what it may see, and how conversations, messages, agents and quick replies are rendered. Bearer
/// auth everywhere; non-admins act only as themselves and see only their own conversations.
struct SupportAPI {
    static let adminOnly = JSONResponse(.forbidden, ["detail": "需要管理员权限"])

    let support: any SupportDeskRepository
    let quickReplies: any QuickReplyRepository
    let users: any UserRepository
    let render: UserRenderer
    /// Assignment and agent presence decisions.
    let desk: SupportDesk
    let maximumContentLength: Int
    var realtime = Realtime()
    var frames = RealtimeFrames(render: UserRenderer(baseURL: ""))
    /// Where uploads are recorded, for the attachment an image or file message links.
    var files: FileStore? = nil

    static let impersonation = JSONResponse(.forbidden, ["detail": "不能以其他用户身份操作"])
    static let noAccess = JSONResponse(.forbidden, ["detail": "无权访问该会话"])
    static let conversationNotFound = JSONResponse(.notFound, ["detail": "Conversation not found"])
    static let messageNotFound = JSONResponse(.notFound, ["detail": "Message not found"])
    static let replyNotFound = JSONResponse(.notFound, ["detail": "快捷消息不存在"])
    static let success: JSONValue = ["status": "success"]

    // MARK: Identity and lookups

    struct Caller {
        let identity: Identity
        var id: ParticipantID { ParticipantID(self.identity.userID.rawValue) }
        var isAdmin: Bool { self.identity.role == .admin }
    }

    func caller(_ context: some RapportRequestContext) throws -> Caller { Caller(identity: try context.identity(.fastAPI)) }

    /// The user a seed-004 id names, for acting-as checks: an unknown name is nobody.
    func participant(named name: String) async throws -> ParticipantID? {
        try await self.render.resolve(name, in: self.users).map { ParticipantID($0.id.rawValue) }
    }

    /// Refuses a non-admin naming someone else.
    func actingAs(_ name: String, _ caller: Caller) async throws -> ParticipantID? {
        let named = try await self.participant(named: name)
        if !caller.isAdmin, named != caller.id { throw Self.impersonation }
        return named
    }

    func conversationID(_ context: some RapportRequestContext, _ request: Request) throws -> ConversationID {
        guard let text = context.parameters.get("id"), let id = Int64(text) else {
            var validation = SupportValidation(request)
            validation.fail("conversation_id", "Input should be a valid integer, unable to parse string as an integer")
            try validation.finish()
            return ConversationID(0)
        }
        return ConversationID(id)
    }

    /// The conversation, if the caller may see it: an admin, a participant, its assignee, or an agent of its
    /// merchant (who may claim it).
    func visibleConversation(_ context: some RapportRequestContext, _ request: Request, _ caller: Caller) async throws -> SupportConversation {
        guard let conversation = try await self.support.conversation(id: try self.conversationID(context, request)) else {
            throw Self.conversationNotFound
        }
        if caller.isAdmin || conversation.side(of: caller.id) != nil { return conversation }
        guard try await self.support.agent(caller.id)?.teamID == conversation.teamID else { throw Self.noAccess }
        return conversation
    }

    /// Everyone a conversation's JSON names.
    func people(of conversation: SupportConversation) async throws -> [Int64: User] {
        try await self.users.byID([conversation.customerID, conversation.merchantID] + (conversation.assigneeID.map { [$0] } ?? []))
    }

    func name(_ id: ParticipantID, _ users: [Int64: User]) -> JSONValue {
        .string(users[id.rawValue]?.externalID ?? String(id.rawValue))
    }

    // MARK: Rendering

    func json(_ conversation: SupportConversation, _ users: [Int64: User]) -> JSONValue {
        [
            "id": .int(conversation.id.rawValue), "customer_id": self.name(conversation.customerID, users),
            "merchant_id": self.name(conversation.merchantID, users),
            "customer_unread_count": .int(Int64(conversation.customerUnread)), "merchant_unread_count": .int(Int64(conversation.merchantUnread)),
            "last_message": .string(conversation.lastMessage), "last_message_time": WireDate.epoch(conversation.lastMessageAt),
            "created_at": WireDate.epoch(conversation.createdAt), "updated_at": WireDate.epoch(conversation.updatedAt),
            "customer": users[conversation.customerID.rawValue].map(self.render.support) ?? .null,
            "merchant": users[conversation.merchantID.rawValue].map(self.render.support) ?? .null,
            "status": .string(conversation.status.rawValue),
            "assignee_id": conversation.assigneeID.map { self.name($0, users) } ?? .null,
            "snoozed_until": WireDate.epoch(conversation.snoozedUntil),
        ]
    }

    /// - Parameter senders: the senders already rendered (a page renders each once, not once a message).
    func json(_ item: SupportMessage, _ users: [Int64: User], senders: [Int64: JSONValue]? = nil) -> JSONValue {
        let message = item.message
        let content: JSONValue =
            message.type == .image || message.type == .file
            ? self.render.mediaURL(message.content).orString(message.content) : .string(message.content)
        let sender = senders?[message.senderID.rawValue] ?? users[message.senderID.rawValue].map(self.render.support) ?? .null
        return .ordered([
            ("id", .int(message.id)), ("conversation_id", .int(message.conversationID.rawValue)), ("sender_id", self.name(message.senderID, users)),
            ("content", content), ("message_type", .string(message.type == .emoji ? "text" : message.type.rawValue)),
            ("is_read", .bool(item.isRead)), ("created_at", WireDate.epoch(message.createdAt)), ("sender", sender),
        ])
    }

    func json(_ reply: QuickReply, _ users: [Int64: User]) -> JSONValue {
        [
            "id": .int(reply.id), "user_id": self.name(reply.userID, users), "content": .string(reply.content),
            "sort_order": .int(Int64(reply.sortOrder)), "is_active": .bool(reply.isActive), "created_at": WireDate.epoch(reply.createdAt),
        ]
    }

    func page(_ conversations: [SupportConversation], total: Int) async throws -> JSONResponse {
        let users = try await self.users.byID(conversations.flatMap { [$0.customerID, $0.merchantID] + ($0.assigneeID.map { [$0] } ?? []) })
        return JSONResponse(.ok, ["count": .int(Int64(total)), "results": .array(conversations.map { self.json($0, users) })])
    }

    func page(_ messages: [SupportMessage], total: Int) async throws -> JSONResponse {
        let users = try await self.users.byID(messages.map(\.message.senderID))
        let senders = users.mapValues(self.render.support)
        return JSONResponse(.ok, ["count": .int(Int64(total)), "results": .array(messages.map { self.json($0, users, senders: senders) })])
    }

    func messageID(_ context: some RapportRequestContext, _ request: Request) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text) else {
            var validation = SupportValidation(request)
            validation.fail("message_id", "Input should be a valid integer, unable to parse string as an integer")
            try validation.finish()
            return 0
        }
        return id
    }

    /// The reply, if the caller owns it (or is an admin).
    func ownedReply(_ request: Request, _ context: some RapportRequestContext, _ caller: Caller) async throws -> QuickReply {
        guard let text = context.parameters.get("id"), let id = Int64(text) else {
            var validation = SupportValidation(request)
            validation.fail("reply_id", "Input should be a valid integer, unable to parse string as an integer")
            try validation.finish()
            throw Self.replyNotFound
        }
        guard let reply = try await self.quickReplies.reply(id: id) else { throw Self.replyNotFound }
        guard caller.isAdmin || reply.userID == caller.id else { throw Self.impersonation }
        return reply
    }
}
