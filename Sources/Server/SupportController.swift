import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import HTTPTypes
import Logging

/// Seed 004's conversations, messages and quick replies on ChatCore (contracts/seed004 §5–§7 and §10): bearer
/// auth everywhere, non-admins act only as themselves and see only their own conversations.
struct SupportController {
    let support: any SupportDeskRepository
    let quickReplies: any QuickReplyRepository
    let users: any UserRepository
    let render: UserRenderer
    let maximumContentLength: Int
    /// How long an agent's presence lasts after it says it is online (renewed by saying so again).
    var presenceLease: TimeInterval = 60
    /// The capacity of an agent registered without one.
    var defaultCapacity: Int = 5
    var logger = Logger(label: "rapport.support")
    var realtime = Realtime()
    var frames = RealtimeFrames(render: UserRenderer(baseURL: ""))

    func addConversationRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: self.listConversations)
        group.post(use: self.openConversation)
        group.get("{id}", use: self.getConversation)
        group.get("{id}/detail", use: self.conversationDetail)
        group.get("{id}/messages", use: self.conversationMessages)
        group.put("{id}/messages/read-all", use: self.readAll)
        group.put("{id}/read", use: self.readCounter)
        self.addAssignmentRoutes(to: group)
    }

    func addMessageRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: self.listMessages)
        group.post(use: self.send)
        group.put("{id}/read", use: self.readMessage)
        group.delete("{id}", use: self.deleteMessage)
    }

    func addQuickReplyRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("user/{user_id}", use: self.listQuickReplies)
        group.get("merchant/{user_id}", use: self.listQuickReplies)
        group.post(use: self.createQuickReply)
        group.put("{id}", use: self.updateQuickReply)
        group.delete("{id}", use: self.deleteQuickReply)
    }

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

    func caller(_ context: AppRequestContext) throws -> Caller { Caller(identity: try context.identity(.support)) }

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

    func conversationID(_ context: AppRequestContext, _ request: Request) throws -> ConversationID {
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
    func visibleConversation(_ context: AppRequestContext, _ request: Request, _ caller: Caller) async throws -> SupportConversation {
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

    /// Runs assignment for `team` after something changed it. A failure does not undo what the request did:
    /// the periodic sweep assigns what is still waiting.
    func assignWaiting(team: ParticipantID) async {
        do {
            _ = try await self.support.assignWaiting(team: team, at: Date())
        } catch {
            self.logger.error("support assignment failed", metadata: ["team": "\(team)", "error": "\(error)"])
        }
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

    func json(_ item: SupportMessage, _ users: [Int64: User]) -> JSONValue {
        let message = item.message
        let content: JSONValue = message.type == .image || message.type == .file
            ? self.render.mediaURL(message.content).orString(message.content) : .string(message.content)
        return [
            "id": .int(message.id), "conversation_id": .int(message.conversationID.rawValue), "sender_id": self.name(message.senderID, users),
            "content": content, "message_type": .string(message.type == .emoji ? "text" : message.type.rawValue),
            "is_read": .bool(item.isRead), "created_at": WireDate.epoch(message.createdAt),
            "sender": users[message.senderID.rawValue].map(self.render.support) ?? .null,
        ]
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
        return JSONResponse(.ok, ["count": .int(Int64(total)), "results": .array(messages.map { self.json($0, users) })])
    }

    // MARK: Conversations

    @Sendable func listConversations(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        var validation = SupportValidation(request)
        let (offset, limit) = validation.paging(request, defaultSize: 20)
        var filter = SupportConversationFilter(participant: caller.isAdmin ? nil : caller.id)
        let query = request.uri.queryParameters
        if let text = query["status"].map(String.init), !text.isEmpty {
            if let status = SupportStatus(rawValue: text) { filter.status = status } else {
                validation.fail("status", "Input should be 'open', 'pending', 'resolved' or 'snoozed'")
            }
        }
        try validation.finish()
        if !caller.isAdmin { filter.team = try await self.support.agent(caller.id)?.teamID }
        if let name = query["assignee_id"].map(String.init), !name.isEmpty {
            if name == "none" { filter.assignee = .unassigned } else {
                guard let id = try await self.participant(named: name) else { return JSONResponse(.ok, ["count": 0, "results": []]) }
                filter.assignee = .agent(id)
            }
        }
        for (key, assign) in [("customer_id", \SupportConversationFilter.customerID), ("merchant_id", \SupportConversationFilter.merchantID)] {
            guard let name = query[Substring(key)].map(String.init), !name.isEmpty else { continue }
            // An unknown user has no conversations.
            guard let id = try await self.participant(named: name) else { return JSONResponse(.ok, ["count": 0, "results": []]) }
            filter[keyPath: assign] = id
        }
        let found = try await self.support.conversations(filter, offset: offset, limit: limit)
        return try await self.page(found.items, total: found.total)
    }

    @Sendable func openConversation(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let body = try await UsersController.body(request, context)
        var validation = SupportValidation(request)
        for key in ["customer_id", "merchant_id"] {
            if body[key] == nil { validation.fail(key, "Field required") } else if !(body[key] is String) { validation.fail(key, "Input should be a valid string") }
        }
        try validation.finish()
        let customerName = body.string("customer_id")!, merchantName = body.string("merchant_id")!
        let customer = try await self.participant(named: customerName), merchant = try await self.participant(named: merchantName)
        if !caller.isAdmin, customer != caller.id, merchant != caller.id { throw Self.impersonation }
        guard let customer else { return JSONResponse(.notFound, ["detail": .string("Customer with id '\(customerName)' not found")]) }
        guard let merchant else { return JSONResponse(.notFound, ["detail": .string("Merchant with id '\(merchantName)' not found")]) }
        var conversation = try await self.support.conversation(customer: customer, merchant: merchant, at: Date())
        if conversation.assigneeID == nil, conversation.isActive {
            // A new (or waiting) customer conversation goes to an online agent of the merchant with room, if any.
            await self.assignWaiting(team: conversation.teamID)
            conversation = try await self.support.conversation(id: conversation.id) ?? conversation
        }
        return JSONResponse(.ok, self.json(conversation, try await self.people(of: conversation)))
    }

    @Sendable func getConversation(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let conversation = try await self.visibleConversation(context, request, try self.caller(context))
        return JSONResponse(.ok, self.json(conversation, try await self.people(of: conversation)))
    }

    @Sendable func conversationDetail(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let conversation = try await self.visibleConversation(context, request, try self.caller(context))
        let users = try await self.people(of: conversation)
        let count = try await self.support.messages(in: conversation.id, ascending: true, offset: 0, limit: 0).total
        return JSONResponse(.ok, self.json(conversation, users).merging(["message_count": .int(Int64(count)), "messages": .null]))
    }

    @Sendable func conversationMessages(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let conversation = try await self.visibleConversation(context, request, try self.caller(context))
        var validation = SupportValidation(request)
        let (offset, limit) = validation.paging(request, defaultSize: 50)
        try validation.finish()
        let ascending = request.uri.queryParameters["order"] == "asc"
        let found = try await self.support.messages(in: conversation.id, ascending: ascending, offset: offset, limit: limit)
        return try await self.page(found.items, total: found.total)
    }

    /// `PUT …/messages/read-all?reader_id=` and `PUT …/read?user_id=`: both move the reader's read position to the
    /// newest message and clear its unread count (one read state serves both of the seed's).
    func markRead(_ request: Request, _ context: AppRequestContext, parameter: String, required: Bool) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let name = request.uri.queryParameters[Substring(parameter)].map(String.init)
        if required, name == nil {
            var validation = SupportValidation(request)
            validation.fail(parameter, "Field required")
            try validation.finish()
        }
        let conversation = try await self.visibleConversation(context, request, caller)
        var reader: ParticipantID? = caller.id
        if let name { reader = try await self.actingAs(name, caller) }
        if let reader, conversation.side(of: reader) != nil {
            try await self.support.markRead(by: reader, in: conversation.id)
            // Seed 004's `read` frame to the other side.
            let users = try await self.users.byID([reader])
            let others = RealtimeController.Connection.audience(conversation).filter { $0 != reader && $0 != Realtime.monitors }
            await self.realtime.publish(HubEvent(
                recipients: others, frames: self.frames.read(conversation: conversation.id, reader: reader, seq: nil, users)
            ))
        }
        return JSONResponse(.ok, Self.success)
    }

    @Sendable func readAll(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        try await self.markRead(request, context, parameter: "reader_id", required: false)
    }

    @Sendable func readCounter(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        try await self.markRead(request, context, parameter: "user_id", required: true)
    }

    // MARK: Messages

    @Sendable func listMessages(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        var validation = SupportValidation(request)
        let (offset, limit) = validation.paging(request, defaultSize: 50)
        let query = request.uri.queryParameters
        var filter = SupportMessageFilter(participant: caller.isAdmin ? nil : caller.id)
        if let text = query["conversation_id"].map(String.init), !text.isEmpty {
            if let id = Int64(text) { filter.conversationID = ConversationID(id) } else {
                validation.fail("conversation_id", "Input should be a valid integer, unable to parse string as an integer")
            }
        }
        if let text = query["message_type"].map(String.init), !text.isEmpty {
            if let type = MessageType(rawValue: text), type != .emoji { filter.type = type } else {
                validation.fail("message_type", "Input should be 'text', 'image' or 'file'")
            }
        }
        try validation.finish()
        if let name = query["sender_id"].map(String.init), !name.isEmpty {
            guard let sender = try await self.participant(named: name) else { return JSONResponse(.ok, ["count": 0, "results": []]) }
            filter.senderID = sender
        }
        let found = try await self.support.messages(filter, offset: offset, limit: limit)
        return try await self.page(found.items, total: found.total)
    }

    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let body = try await UsersController.body(request, context)
        var validation = SupportValidation(request)
        var conversationID: Int64?
        switch body["conversation_id"] {
        case nil: validation.fail("conversation_id", "Field required")
        case let number as NSNumber where Int64(exactly: number.doubleValue) != nil: conversationID = Int64(exactly: number.doubleValue)
        case let text as String where Int64(text) != nil: conversationID = Int64(text)
        default: validation.fail("conversation_id", "Input should be a valid integer, unable to parse string as an integer")
        }
        for key in ["sender_id", "content"] {
            if body[key] == nil { validation.fail(key, "Field required") } else if !(body[key] is String) { validation.fail(key, "Input should be a valid string") }
        }
        var type = MessageType.text
        if let value = body["message_type"], !(value is NSNull) {
            if let name = value as? String, let parsed = MessageType(rawValue: name), parsed != .emoji { type = parsed } else {
                validation.fail("message_type", "Input should be 'text', 'image' or 'file'")
            }
        }
        let content = body.string("content") ?? ""
        if content.count > self.maximumContentLength {
            validation.fail("content", "String should have at most \(self.maximumContentLength) characters")
        }
        try validation.finish()
        guard let sender = try await self.actingAs(body.string("sender_id")!, caller) else { throw Self.noAccess }
        guard let conversation = try await self.support.conversation(id: ConversationID(conversationID!)) else { throw Self.conversationNotFound }
        guard conversation.side(of: sender) != nil else { throw Self.noAccess }
        let sent = try await self.support.send(NewMessage(senderID: sender, content: content, type: type), in: conversation.id, at: Date())
        if sent.conversation.assigneeID == nil, sent.conversation.status != conversation.status {
            // The customer reopened a conversation that has nobody to answer it.
            await self.assignWaiting(team: conversation.teamID)
        }
        let users = try await self.users.byID([sender])
        // Live to every connection of both sides, the agent and the monitors.
        await self.realtime.publish(self.frames.delivery(sent.message, users, to: RealtimeController.Connection.audience(sent.conversation)))
        return JSONResponse(.ok, self.json(SupportMessage(message: sent.message, isRead: false), users))
    }

    func messageID(_ context: AppRequestContext, _ request: Request) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text) else {
            var validation = SupportValidation(request)
            validation.fail("message_id", "Input should be a valid integer, unable to parse string as an integer")
            try validation.finish()
            return 0
        }
        return id
    }

    @Sendable func readMessage(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        guard let found = try await self.support.message(id: try self.messageID(context, request)) else { throw Self.messageNotFound }
        if !caller.isAdmin {
            guard let conversation = try await self.support.conversation(id: found.message.conversationID), conversation.side(of: caller.id) != nil
            else { throw Self.noAccess }
        }
        _ = try await self.support.markMessageRead(id: found.message.id)
        return JSONResponse(.ok, Self.success)
    }

    @Sendable func deleteMessage(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        guard try self.caller(context).isAdmin else { throw UsersController.adminOnly }
        guard try await self.support.deleteMessage(id: try self.messageID(context, request)) else { throw Self.messageNotFound }
        return JSONResponse(.ok, ["status": "success", "message": "Message deleted successfully"])
    }

    // MARK: Quick replies

    @Sendable func listQuickReplies(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        guard let owner = try await self.actingAs(context.parameters.get("user_id") ?? "", caller) else { return JSONResponse(.ok, []) }
        let replies = try await self.quickReplies.replies(of: owner)
        let users = try await self.users.byID([owner])
        return JSONResponse(.ok, .array(replies.map { self.json($0, users) }))
    }

    /// The reply, if the caller owns it (or is an admin).
    func ownedReply(_ request: Request, _ context: AppRequestContext, _ caller: Caller) async throws -> QuickReply {
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

    @Sendable func createQuickReply(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let body = try await UsersController.body(request, context)
        var validation = SupportValidation(request)
        for key in ["user_id", "content"] {
            if body[key] == nil { validation.fail(key, "Field required") } else if !(body[key] is String) { validation.fail(key, "Input should be a valid string") }
        }
        var sortOrder = 0
        if let value = body["sort_order"], !(value is NSNull) {
            if let number = value as? NSNumber, let int = Int(exactly: number.doubleValue) { sortOrder = int } else {
                validation.fail("sort_order", "Input should be a valid integer")
            }
        }
        try validation.finish()
        guard let owner = try await self.actingAs(body.string("user_id")!, caller) else {
            return JSONResponse(.notFound, ["detail": "User not found"])
        }
        do {
            let reply = try await self.quickReplies.create(user: owner, content: body.string("content")!, sortOrder: sortOrder, at: Date())
            return JSONResponse(.ok, self.json(reply, try await self.users.byID([owner])))
        } catch QuickReplyError.limitReached {
            return JSONResponse(.badRequest, ["detail": "最多只能创建10条快捷消息"])
        }
    }

    @Sendable func updateQuickReply(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let reply = try await self.ownedReply(request, context, caller)
        let body = try await UsersController.body(request, context)
        var validation = SupportValidation(request)
        var content: String?, sortOrder: Int?
        if let value = body["content"], !(value is NSNull) {
            if let text = value as? String { content = text } else { validation.fail("content", "Input should be a valid string") }
        }
        if let value = body["sort_order"], !(value is NSNull) {
            if let number = value as? NSNumber, let int = Int(exactly: number.doubleValue) { sortOrder = int } else {
                validation.fail("sort_order", "Input should be a valid integer")
            }
        }
        try validation.finish()
        guard let updated = try await self.quickReplies.update(id: reply.id, content: content, sortOrder: sortOrder) else { throw Self.replyNotFound }
        return JSONResponse(.ok, self.json(updated, try await self.users.byID([updated.userID])))
    }

    @Sendable func deleteQuickReply(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let reply = try await self.ownedReply(request, context, caller)
        _ = try await self.quickReplies.deactivate(id: reply.id)
        return JSONResponse(.ok, ["status": "success", "message": "删除成功"])
    }
}

extension JSONValue {
    /// `self`, or `text` when `self` is null.
    func orString(_ text: String) -> JSONValue {
        if case .null = self { return .string(text) }
        return self
    }
}
