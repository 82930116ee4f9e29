import Attachments
import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import StorageKit

/// Seed 003's chat routes (contracts/seed003 §4) on the one message store: `POST /api/chat/send`,
/// `GET /api/chat/receive/{user_id}`, `POST /api/chat/history`, `POST /api/chat/messages/read/{chat_id}` and
/// `GET /api/chat/messages/unread/count`, with the seed's intended behaviour where it had bugs.
///
/// Where the seed trusted ids from the body, the token decides: `send` needs one and sends as its user (the seed
/// took `sender_id` from an unauthenticated body, so anyone could write as anyone); a `sender_id` that names
/// someone else is refused; `receive` answers only its caller's own messages. A message sent here is the same operation as over the socket: stored once and
/// delivered live to every connection of every participant, under the same rules (friends for direct messages,
/// members for groups).
struct ChatController<Context: RapportRequestContext> {
    let chat: ChatService
    let groups: any GroupRepository
    let users: any UserRepository
    let realtime: Realtime
    let frames: RealtimeFrames
    /// The stored files a file message may name, and the attachment records it links (nil: only files sent over
    /// the socket, unlinked).
    var files: FileStore? = nil

    /// How many messages `history` answers: the newest, oldest first.
    static var historyLimit: Int { 50 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("send", use: self.sendRoute)
        group.get("receive/{user_id}", use: self.receiveRoute)
        group.post("history", use: self.historyRoute)
        group.post("messages/read/{chat_id}", use: self.readRoute)
        group.get("messages/unread/count", use: self.unreadRoute)
    }

    /// Seed 003's `MessageREST`.
    func rest(_ message: Message, _ address: MessageAddress, _ users: [Int64: User]) -> JSONValue {
        let (receiver, group): (Int64, Int64) =
            switch address {
            case .direct(let a, let b): ((message.senderID == a ? b : a).rawValue, 0)
            case .group(let id): (0, id.rawValue)
            }
        let file = FileTransfers.Stored(message)
        return .ordered([
            ("id", .int(message.id)), ("sender_id", .int(message.senderID.rawValue)), ("receiver_id", .int(receiver)), ("group_id", .int(group)),
            ("content", file.map { .string($0.name) } ?? self.frames.content(message)), ("type", .string(message.type.rawValue)),
            ("created_at", WireDate.seconds(message.createdAt)), ("status", "sent"),
            ("file_url", .string(file.map { self.frames.render.fileURL($0.url) } ?? "")),
            ("sender_name", .string(users[message.senderID.rawValue]?.username ?? "")),
        ])
    }

    // MARK: Send

    /// A refused send, in seed 003's words.
    static func notSent(_ status: HTTPResponse.Status, _ message: String = "Message not sent!") -> Refusal { .platform(status, message) }

    /// `{"receiver_id" | "group_id", "content", "type": "text" | "emoji" | "file", "file_url"?}` → 200 `MessageREST`.
    @Sendable func sendRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWTQuery)
        guard let body = try await RequestBody.lenient(SendBody.self, request, context: context) else {
            throw Refusal.platform(.unsupportedMediaType, "请求必须是JSON格式")
        }
        do {
            guard !identity.isGuest else { throw Self.notSent(.forbidden, "访客不能发送消息，请先登录") }
            let me = ParticipantID(identity.userID.rawValue)
            if let sender = body.senderID, sender.value != me.rawValue { throw Self.notSent(.forbidden, "发送者与登录用户不符") }
            let (type, content) = try await self.content(body, sender: me)
            let attachmentID = type == .file ? try await self.files?.attachmentID(carriedBy: content, sender: me.rawValue) : nil
            let receiver = body.receiverID?.value
            let group = body.groupID?.value
            let clientID = body.clientMessageID.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
            if let group {
                guard let group = try await self.groups.group(ConversationID(group)) else { throw Self.notSent(.notFound, "群组不存在") }
                guard let found = try await self.realtime.asMember(me, of: group, groups: self.groups) else {
                    throw Self.notSent(.forbidden, "You are not in this conversation")
                }
                let result: SendResult
                do {
                    result = try await self.chat.sendToGroup(
                        found,
                        from: me,
                        content: content,
                        type: type,
                        clientMessageID: clientID,
                        attachmentID: attachmentID
                    )
                } catch let error as ChatError {
                    throw Self.notSent(.badRequest, error.refusalText)
                }
                return try await self.delivered(result, to: Realtime.audience(of: found), address: .group(found.id), sender: me)
            }
            guard let receiver else { throw Self.notSent(.badRequest) }
            guard try await self.users.user(id: UserID(receiver)) != nil else { throw Self.notSent(.notFound, "用户不存在") }
            let result: SendResult
            do {
                result = try await self.chat.send(
                    from: me,
                    to: ParticipantID(receiver),
                    content: content,
                    type: type,
                    clientMessageID: clientID,
                    attachmentID: attachmentID
                )
            } catch let error as ChatError {
                throw switch error {
                case .notFriends: Self.notSent(.forbidden, "只能给好友发消息")
                case .cannotMessageSelf: Self.notSent(.badRequest, "不能给自己发消息")
                case .emptyContent, .contentTooLong, .conversationNotFound: Self.notSent(.badRequest)
                }
            }
            return try await self.delivered(result, to: [me, ParticipantID(receiver)], address: .direct(me, ParticipantID(receiver)), sender: me)
        } catch let refusal as Refusal {
            return refusal.response
        }
    }

    /// The message type and the content to store: text and emoji as sent; a file by the `file_url` of a file
    /// the sender uploaded over the socket (`/uploads/chat/<file_id>`, its query — a signature — ignored), or of
    /// a finished resumable upload of the sender (`/files/<upload id>`, as `/api/files/<id>` names it).
    func content(_ body: SendBody, sender: ParticipantID) async throws -> (MessageType, String) {
        let content = body.content ?? ""
        switch body.type ?? "text" {
        case "text": return (.text, content)
        case "emoji": return (.emoji, content)
        case "file" where ["/files/", "/api/files/", "/uploads/files/"].contains { body.fileURL?.hasPrefix($0) == true }:
            // `/files/<id>` (as `/api/files/<id>` names it), or the file_url of a message that carried it.
            let url = body.fileURL ?? ""
            let prefix = ["/files/", "/api/files/", "/uploads/files/"].first { url.hasPrefix($0) } ?? ""
            let id = String(url.dropFirst(prefix.count).prefix(32))
            guard let uploads = self.files?.uploads, id.utf8.count == 32, let upload = try await uploads.upload(id), upload.isFinished else {
                throw Self.notSent(.badRequest)
            }
            guard upload.owner == sender.rawValue else { throw Self.notSent(.forbidden, "只能发送自己上传的文件") }
            return (.file, FileTransfers.attachmentPrefix + id + "/" + FileTransfers.safeName(upload.filename ?? "file"))
        case "file":
            let prefix = "/uploads/chat/"
            guard let url = body.fileURL, url.hasPrefix(prefix) else { throw Self.notSent(.badRequest) }
            let raw = String(url.dropFirst(prefix.count).prefix { $0 != "?" })
            let fileID = raw.removingPercentEncoding ?? raw
            let stored = FileTransfers.pathPrefix + fileID
            guard FileTransfers.isFileID(fileID), FileTransfers.Stored(stored) != nil else { throw Self.notSent(.badRequest) }
            // Only one's own files: a file id names its sender.
            guard fileID.split(separator: "_", maxSplits: 1).first == Substring(String(sender.rawValue)) else {
                throw Self.notSent(.forbidden, "只能发送自己上传的文件")
            }
            return (.file, stored)
        default: throw Self.notSent(.badRequest)
        }
    }

    func delivered(_ result: SendResult, to recipients: [ParticipantID], address: MessageAddress, sender: ParticipantID) async throws -> JSONResponse
    {
        let users = try await self.users.byID([sender])
        // A retried send (same client_msg_id) was delivered the first time.
        if result.created { await self.realtime.publish(self.frames.delivery(result.message, users, to: recipients, address: address)) }
        return JSONResponse(.ok, self.rest(result.message, address, users))
    }

    // MARK: Reading

    /// `{"groupId"} | {"friendId"} | {"channelId": "public"}` → the newest 50 messages, oldest first: of a group
    /// the caller is in, of the caller's direct conversation with the friend, or of the public channel (group 1,
    /// which guests may read too); else `[]`.
    @Sendable func historyRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try context.platformUser()
        guard let body = try await RequestBody.lenient(HistoryBody.self, request, context: context) else {
            throw Refusal.flask(.badRequest, "请求必须是JSON格式")
        }
        let conversation: ConversationID
        let address: MessageAddress
        if body.groupID != nil || body.channelID == "public" {
            let id: Int64? = if let groupID = body.groupID { groupID.value } else { ChatGroup.publicChannelID.rawValue }
            guard let id, let group = try await self.groups.group(ConversationID(id))
            else { throw Refusal.flask(.notFound, "群组不存在") }
            guard group.isPublicChannel || me.map({ group.members[$0] != nil }) == true else {
                throw Refusal.flask(.forbidden, "无权查看该群组的消息")
            }
            (conversation, address) = (group.id, .group(group.id))
        } else if let friendID = body.friendID, let me {
            guard let friend = friendID.value.map(ParticipantID.init) else { throw Refusal.flask(.notFound, "用户不存在") }
            guard let found = try await self.chat.messages.existingDirectConversation(between: me, and: friend) else {
                return JSONResponse(.ok, .array([]))
            }
            (conversation, address) = (found, .direct(me, friend))
        } else {
            return JSONResponse(.ok, .array([]))
        }
        let messages = try await self.chat.messages.messages(in: conversation, limit: Self.historyLimit, offset: 0, beforeSeq: nil, afterSeq: nil)
        let users = try await self.users.byID(messages.map(\.senderID))
        return JSONResponse(.ok, .array(messages.reversed().map { self.rest($0, address, users) }))
    }

    /// The newest 50 direct messages others sent the caller, oldest first (the seed answered 500 for every call).
    @Sendable func receiveRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try context.platformUser()
        guard let user = context.parameters.get("user_id").flatMap({ Int64($0) }), user > 0 else { throw Refusal.flask(.notFound, "用户不存在") }
        guard let me, me.rawValue == user else { throw Refusal.flask(.forbidden, "只能查看自己收到的消息") }
        let messages = try await self.chat.messages.received(by: me, limit: Self.historyLimit)
        let users = try await self.users.byID(messages.map(\.senderID))
        return JSONResponse(.ok, .array(messages.reversed().map { self.rest($0, .direct($0.senderID, me), users) }))
    }

    /// Marks read what `chat_id` sent the caller, and the caller's group `chat_id`; the other side hears `read`.
    @Sendable func readRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let me = try context.platformUser() else { throw Refusal.flask(.notFound, "用户不存在") }
        guard let chatID = context.parameters.get("chat_id").flatMap({ Int64($0) }), chatID > 0 else { throw Refusal.flask(.notFound, "会话不存在") }
        var read: [(ConversationID, [ParticipantID])] = []
        if let direct = try await self.chat.messages.existingDirectConversation(between: me, and: ParticipantID(chatID)) {
            read.append((direct, [ParticipantID(chatID)]))
        }
        if let group = try await self.groups.group(ConversationID(chatID)), group.members[me] != nil {
            read.append((group.id, group.members.keys.filter { $0 != me }))
        }
        let users = try await self.users.byID([me])
        for (conversation, others) in read where try await self.chat.messages.markAllRead(by: me, in: conversation) > 0 {
            let seq = try await self.chat.messages.readSeq(of: me, in: conversation)
            await self.realtime.publish(
                HubEvent(recipients: others, frames: self.frames.read(conversation: conversation, reader: me, seq: seq, users))
            )
        }
        return JSONResponse(.ok, ["success": true])
    }

    /// `{"<sender_id>": count}` of the direct messages the caller has not read (group messages never count).
    @Sendable func unreadRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let me = try context.platformUser() else { throw Refusal.flask(.notFound, "用户不存在") }
        let unread = try await self.chat.chats(of: me).filter { $0.unreadCount > 0 }.sorted { $0.partnerID < $1.partnerID }
        return JSONResponse(.ok, .ordered(unread.map { (String($0.partnerID.rawValue), .int(Int64($0.unreadCount))) }))
    }
}

extension ChatController {
    /// `POST /api/chat/send`.
    struct SendBody: Decodable {
        var senderID: LooseID?
        var receiverID: LooseID?
        var groupID: LooseID?
        var content: String?
        var type: String?
        var fileURL: String?
        var clientMessageID: String?

        enum CodingKeys: String, CodingKey {
            case senderID = "sender_id"
            case receiverID = "receiver_id"
            case groupID = "group_id"
            case content, type
            case fileURL = "file_url"
            case clientMessageID = "client_msg_id"
        }
    }

    /// `POST /api/chat/history`: a group's messages or a friend's.
    struct HistoryBody: Decodable {
        var groupID: LooseID?
        var friendID: LooseID?
        var channelID: String?

        enum CodingKeys: String, CodingKey {
            case groupID = "groupId"
            case friendID = "friendId"
            case channelID = "channelId"
        }
    }
}
