import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// `/api/message`: seed 001's messages (contracts/seed001 §4): `{"error": …}` for refusals, Flask-JWT-Extended's
/// `{"msg": …}` for token problems, ISO timestamps with microseconds. Sends may carry `client_msg_id`; history
/// also takes `before_seq` / `after_seq`.
struct MessageController<Context: RapportRequestContext> {
    let chat: ChatService
    let users: any UserRepository
    let render: UserRenderer
    let realtime: Realtime
    let frames: RealtimeFrames
    /// Where stored files are recorded: an image or file message links the sender's own file it names.
    var files: FileStore? = nil

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("send", use: self.send)
        group.get("history", use: self.history)
        group.get("chats", use: self.chats)
        group.get("last", use: self.last)
        group.post("mark_read", use: self.markRead)
    }

    /// A positive integer id from a query parameter; nil for 0 or anything else.
    static func id(_ text: String) -> Int64? { JSONValue.string(text).positiveID }

    /// The caller, who must still have a user row.
    func me(_ context: Context) async throws -> User {
        let identity = try context.identity(.flaskJWT)
        guard !identity.isGuest, let user = try await self.users.user(id: identity.userID) else { throw Refusal.flask(.notFound, "用户不存在") }
        return user
    }

    /// `MessageJSON` (plus `seq` and `client_msg_id`); `sender_username` makes it `MessageJSON+`.
    static func json(_ message: Message, receiver: Int64, isRead: Bool, senderName: String? = nil) -> JSONValue {
        // In the seed's order, built as a list: a history page renders twenty of these.
        var members: [(String, JSONValue)] = [
            ("id", .int(message.id)), ("sender_id", .int(message.senderID.rawValue)), ("receiver_id", .int(receiver)),
            ("content", .string(message.content)), ("message_type", .string(message.type.rawValue)), ("is_read", .bool(isRead)),
            ("created_at", WireDate.iso(message.createdAt)), ("seq", .int(message.seq)), ("client_msg_id", .string(message.clientMessageID)),
        ]
        if let senderName { members.append(("sender_username", .string(senderName))) }
        return .ordered(members)
    }

    /// ``json(_:receiver:isRead:senderName:)`` written as JSON text.
    static func write(_ message: Message, receiver: Int64, isRead: Bool, senderName: String?, to text: inout [UInt8]) {
        JSONText.append(#"{"id":"#, to: &text)
        JSONText.append(message.id, to: &text)
        JSONText.append(#","sender_id":"#, to: &text)
        JSONText.append(message.senderID.rawValue, to: &text)
        JSONText.append(#","receiver_id":"#, to: &text)
        JSONText.append(receiver, to: &text)
        JSONText.append(#","content":"#, to: &text)
        JSONText.appendQuoted(message.content, to: &text)
        JSONText.append(#","message_type":"#, to: &text)
        JSONText.appendQuoted(message.type.rawValue, to: &text)
        JSONText.append(#","is_read":"#, to: &text)
        JSONText.append(isRead ? "true" : "false", to: &text)
        JSONText.append(#","created_at":"#, to: &text)
        WireDate.appendISO(message.createdAt, to: &text)
        JSONText.append(#","seq":"#, to: &text)
        JSONText.append(message.seq, to: &text)
        JSONText.append(#","client_msg_id":"#, to: &text)
        if let clientID = message.clientMessageID { JSONText.appendQuoted(clientID, to: &text) } else { JSONText.append("null", to: &text) }
        if let senderName {
            JSONText.append(#","sender_username":"#, to: &text)
            JSONText.appendQuoted(senderName, to: &text)
        }
        text.append(UInt8(ascii: "}"))
    }

    /// The answer to a refused send.
    static func refusal(_ error: ChatError) -> Refusal {
        switch error {
        case .emptyContent: .flask(.badRequest, "接收者ID和消息内容都是必需的")
        case .contentTooLong(let maximum): .flask(.badRequest, "消息内容不能超过\(maximum)个字符")
        case .cannotMessageSelf: .flask(.badRequest, "不能给自己发消息")
        case .notFriends: .flask(.forbidden, "只能给好友发送消息")
        case .conversationNotFound: .flask(.notFound, "会话不存在")
        }
    }

    @Sendable func send(_ request: Request, context: Context) async throws -> JSONResponse {
        // The identity is enough here: the friendship check below finds out about the receiver, and only a
        // refused send pays for looking the receiver up.
        let identity = try context.identity(.flaskJWT)
        guard !identity.isGuest else { throw Refusal.flask(.notFound, "用户不存在") }
        let me = identity.userID.rawValue
        let body = try await RequestBody.lenient(SendBody.self, request, context: context)
        guard let receiverID = body?.receiverID?.value, let content = body?.content,
            !MessageText.isBlank(content)
        else { throw Refusal.flask(.badRequest, "接收者ID和消息内容都是必需的") }
        var type = MessageType.text
        if let named = body?.messageType {
            guard let text = named.stringValue, let parsed = MessageType(rawValue: text) else {
                throw Refusal.flask(.badRequest, "消息类型只能是 text、emoji、image 或 file")
            }
            type = parsed
        }
        guard receiverID != me else { throw Refusal.flask(.badRequest, "不能给自己发消息") }
        do {
            let attachmentID =
                type == .file || type == .image
                ? try await self.files?.attachmentID(carriedBy: MessageText.trimmed(content), sender: me) : nil
            let result = try await self.chat.send(
                from: ParticipantID(me),
                to: ParticipantID(receiverID),
                content: content,
                type: type,
                clientMessageID: body?.clientMessageID,
                attachmentID: attachmentID
            )
            if result.created {
                // Live to both users' connections (the sender's other devices too).
                let users = try await self.users.byID([ParticipantID(me)])
                await self.realtime.publish(
                    self.frames.delivery(
                        result.message,
                        users,
                        to: [ParticipantID(me), ParticipantID(receiverID)],
                        address: .direct(ParticipantID(me), ParticipantID(receiverID))
                    )
                )
            }
            return JSONResponse(.ok, ["message": "消息发送成功", "data": Self.json(result.message, receiver: receiverID, isRead: false)])
        } catch ChatError.notFriends {
            // The contract answers an unknown receiver before a non-friend.
            guard try await self.users.user(id: UserID(receiverID)) != nil else { throw Refusal.flask(.notFound, "接收者不存在") }
            throw Refusal.flask(.forbidden, "只能给好友发送消息")
        } catch let error as ChatError {
            throw Self.refusal(error)
        }
    }

    /// `page` and `per_page` as the seed read them: not a number → the default, below 1 → 1 / 20. Bounded so no
    /// page number can overflow an offset.
    static func pageNumbers(_ query: Parameters) -> (page: Int, perPage: Int) {
        var page = query["page"].flatMap { Int($0) } ?? 1
        var perPage = query["per_page"].flatMap { Int($0) } ?? 20
        if page < 1 { page = 1 }
        if perPage <= 0 { perPage = 20 }
        return (min(page, 10_000_000), min(perPage, 1000))
    }

    @Sendable func history(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWT)
        guard !identity.isGuest else { throw Refusal.flask(.notFound, "用户不存在") }
        let query = request.uri.queryParameters
        let friend = query["friend_id"].flatMap { Self.id(String($0)) }
        // The caller and the friend (for `sender_username`) in one read.
        let people = try await self.users.byID([ParticipantID(identity.userID.rawValue)] + (friend.map { [ParticipantID($0)] } ?? []))
        guard let me = people[identity.userID.rawValue] else { throw Refusal.flask(.notFound, "用户不存在") }
        guard let friendID = friend else { throw Refusal.flask(.badRequest, "好友ID是必需的") }
        let (page, perPage) = Self.pageNumbers(query)
        let beforeSeq = query["before_seq"].flatMap { Int64($0) }
        let afterSeq = query["after_seq"].flatMap { Int64($0) }
        do {
            let result = try await self.chat.history(
                of: me.participant,
                with: ParticipantID(friendID),
                page: page,
                perPage: perPage,
                beforeSeq: beforeSeq,
                afterSeq: afterSeq
            )
            let friendName = people[friendID]?.username ?? "Unknown"
            let pages = result.total == 0 ? 0 : (result.total + perPage - 1) / perPage
            // Written straight to bytes (every history page renders twenty or more messages); the members of `json(_:)`.
            var text: [UInt8] = []
            text.reserveCapacity(160 + result.messages.count * 240)
            JSONText.append(#"{"messages":["#, to: &text)
            for (index, message) in result.messages.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                let mine = message.senderID.rawValue == me.id.rawValue
                let receiverRead = result.readSeq[mine ? ParticipantID(friendID) : me.participant] ?? 0
                Self.write(
                    message,
                    receiver: mine ? friendID : me.id.rawValue,
                    isRead: message.seq <= receiverRead,
                    senderName: mine ? me.username : friendName,
                    to: &text
                )
            }
            JSONText.append(#"],"pagination":{"page":"#, to: &text)
            JSONText.append(Int64(page), to: &text)
            JSONText.append(#","pages":"#, to: &text)
            JSONText.append(Int64(pages), to: &text)
            JSONText.append(#","per_page":"#, to: &text)
            JSONText.append(Int64(perPage), to: &text)
            JSONText.append(#","total":"#, to: &text)
            JSONText.append(Int64(result.total), to: &text)
            JSONText.append(#","has_next":"#, to: &text)
            JSONText.append(page < pages ? "true" : "false", to: &text)
            JSONText.append(#","has_prev":"#, to: &text)
            JSONText.append(page > 1 ? "true" : "false", to: &text)
            JSONText.append("}}", to: &text)
            return JSONResponse(.ok, text: text)
        } catch ChatError.notFriends {
            throw Refusal.flask(.forbidden, "只能查看好友的聊天记录")
        }
    }

    @Sendable func chats(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try await self.me(context)
        let summaries = try await self.chat.chats(of: me.participant)
        let partners = Dictionary(
            uniqueKeysWithValues: try await self.users.users(ids: summaries.map { UserID($0.partnerID.rawValue) }).map { ($0.id, $0) }
        )
        let entries: [JSONValue] = summaries.compactMap { summary in
            guard let partner = partners[UserID(summary.partnerID.rawValue)] else { return nil }
            let mine = summary.lastMessage.senderID.rawValue == me.id.rawValue
            // The newest message is unread only when it is the partner's and counted as unread.
            let isRead = mine ? false : summary.unreadCount == 0
            return [
                "partner": self.render.chat(partner),
                "last_message": Self.json(summary.lastMessage, receiver: mine ? partner.id.rawValue : me.id.rawValue, isRead: isRead),
                "unread_count": .int(Int64(summary.unreadCount)),
            ]
        }
        return JSONResponse(.ok, ["chats": .array(entries), "count": .int(Int64(entries.count))])
    }

    @Sendable func last(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try await self.me(context)
        guard let friendID = request.uri.queryParameters["friend_id"].flatMap({ Self.id(String($0)) }) else {
            throw Refusal.flask(.badRequest, "好友ID是必需的")
        }
        do {
            guard let (message, isRead) = try await self.chat.lastMessage(of: me.participant, with: ParticipantID(friendID)) else {
                return JSONResponse(.ok, ["message": "暂无消息记录"])
            }
            let mine = message.senderID.rawValue == me.id.rawValue
            let senderName = mine ? me.username : (try await self.users.user(id: UserID(friendID))?.username ?? "Unknown")
            return JSONResponse(
                .ok,
                ["last_message": Self.json(message, receiver: mine ? friendID : me.id.rawValue, isRead: isRead, senderName: senderName)]
            )
        } catch ChatError.notFriends {
            throw Refusal.flask(.forbidden, "只能查看好友的消息")
        }
    }

    @Sendable func markRead(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try await self.me(context)
        let body = try await RequestBody.lenient(ReadBody.self, request, context: context)
        guard let sender = body?.senderID?.value else { throw Refusal.flask(.badRequest, "发送者ID是必需的") }
        let count = try await self.chat.markRead(by: me.participant, from: ParticipantID(sender))
        return JSONResponse(.ok, ["message": .string("已标记 \(count) 条消息为已读")])
    }
}

extension MessageController {
    /// `POST /api/message/send`.
    struct SendBody: Decodable {
        var receiverID: LooseID?
        var content: String?
        /// Any value: one that names no type is refused in the route's words.
        var messageType: JSONValue?
        var clientMessageID: String?

        enum CodingKeys: String, CodingKey {
            case receiverID = "receiver_id"
            case content
            case messageType = "message_type"
            case clientMessageID = "client_msg_id"
        }
    }

    /// `POST /api/message/read`.
    struct ReadBody: Decodable {
        var senderID: LooseID?

        enum CodingKeys: String, CodingKey {
            case senderID = "sender_id"
        }
    }
}
