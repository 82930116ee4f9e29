import ChatCore
import StorageKit

/// A client's WebSocket text frame read into what it asks for: the JSON, its `type`, and the fields each type
/// takes, checked for shape (whole numbers, ids, byte values, sizes) before anything is looked up. Decoding is
/// pure — no database, no connection — so it is fuzzed on its own (`Fuzz/FuzzClientFrame`); what needs the
/// caller or the database (membership, friendship, limits from the configuration) stays with
/// ``RealtimeConnection``.
///
/// A frame is `{"type": …, "data": {…}}` (the envelope dialect) or `{"type": …, …fields}` (seed 004's flat one);
/// the fields are read from `data` when it is an object, else from the frame itself.
enum ClientFrame: Sendable, Equatable {
    /// `message` / `send`: a message to a conversation (group or support) or to a user.
    case send(Send)
    /// `typing {"conversation_id", "is_typing"}`.
    case typing(ConversationID, isTyping: Bool)
    /// `read {"conversation_id"}`.
    case read(ConversationID)
    /// `resume {"conversations": {"12": 40}}`: every message after each position.
    case resume([Position])
    case ping
    /// Seed 003's `chat {"message": {…}, "room": …}`.
    case chat(Chat)
    /// Seed 003's friend-request events.
    case friend(Friend)
    /// `get_online_status {"user_ids": […]}`: the ids of users (positive, at most 1,000).
    case onlineStatus([Int64])
    /// `user_online` / `user_offline`: seed 003 clients announce themselves; the server already knows.
    case announcement
    /// Seed 003's whiteboard events, each naming its room.
    case whiteboard(room: String, Whiteboard)
    /// `file_transfer_start`: a chunked file on its way to a room.
    case transferStart(TransferStart)
    /// `file_chunk {"fileId", "chunkIndex", "data": [bytes]}`.
    case chunk(Chunk)
    /// Seed 003's call signalling, relayed to `target_id`.
    case call(RealtimeConnection.CallSignal, Call)

    struct Send: Sendable, Equatable {
        enum Target: Sendable, Equatable {
            /// A group's or a support conversation's id (which one is looked up).
            case conversation(ConversationID)
            case user(ParticipantID)
        }
        var content: String
        var type: MessageType
        var clientMessageID: String?
        var target: Target
        /// The frame used the envelope (`data`); seed 004's flat frames may relay what was posted over HTTP.
        var envelope: Bool
    }

    struct Position: Sendable, Equatable {
        var conversation: ConversationID
        var after: Int64
    }

    struct Chat: Sendable, Equatable {
        var type: MessageType
        var content: String
        var clientMessageID: String?
        var room: Room
    }

    /// Where seed 003 says a `chat` or a file goes: `group_<gid>` (or `group_id`), else the other user of
    /// `["user_<a>", "user_<b>"]` (or `receiver_id`). Which user is the other depends on who sends.
    enum Room: Sendable, Equatable {
        case group(ConversationID)
        case users([Int64], receiver: Int64?, text: String)

        /// The address for `me`, or a refusal when the room names nobody else.
        func address(for me: ParticipantID) throws(Refusal) -> MessageAddress {
            switch self {
            case .group(let id): return .group(id)
            case .users(let users, let receiver, let text):
                if let other = users.first(where: { $0 != me.rawValue }) ?? receiver, other > 0, other != me.rawValue {
                    return .direct(me, ParticipantID(other))
                }
                throw Refusal.socket("无效的房间: \(text)")
            }
        }
    }

    enum Friend: Sendable, Equatable {
        case request(to: ParticipantID)
        case respond(request: Int64, accept: Bool)
        case cancel(request: Int64)
        case block(ParticipantID)
        case unblock(ParticipantID)
        case list
    }

    enum Whiteboard: Sendable, Equatable {
        case join, leave, clear, state
        case draw(Stroke)
    }

    struct Stroke: Sendable, Equatable {
        var x: Double
        var y: Double
        var drawing: Bool
        /// At most 32 characters.
        var color: String
        /// Clamped to 0…1,000; nil when the client sent none.
        var lineWidth: Double?
    }

    struct TransferStart: Sendable, Equatable {
        /// Positive.
        var size: Int64
        /// Positive, at most `size` and at most 100,000.
        var chunks: Int64
        var room: Room
        /// The room as sent, echoed in `upload_progress`.
        var roomValue: JSONValue
        var fileName: String
        /// `file_id` of an unfinished transfer of the same sender to continue (a client that reconnected).
        var resumeFileID: String? = nil
    }

    struct Chunk: Sendable, Equatable {
        var fileID: String
        /// Not negative (the transfer's chunk count bounds it).
        var index: Int
        var bytes: [UInt8]
    }

    /// Relayed as sent: the SDP and the candidate are the browsers' business.
    struct Call: Sendable, Equatable {
        /// Nil when missing or negative.
        var target: ParticipantID?
        /// A request's `type` (`voice` or `video`).
        var media: String?
        var callerName: JSONValue?
        var sdp: JSONValue?
        var candidate: JSONValue?
    }

    /// A frame refused while decoding: the `error` frame's text, and for a `file_transfer_start` the
    /// `file_transfer_init` without a file id its clients wait for.
    struct Rejection: Error, Equatable {
        var message: String
        var type: String?
    }

    /// The most ids one `get_online_status` may ask about.
    static let onlineStatusLimit = 1000
    /// The most conversations one `resume` may name (as on connecting, `?resume=`).
    static let resumeLimit = 1000
    /// The most chunks one transfer may have.
    static let chunkLimit: Int64 = 100_000

    /// What the frame asks for, for logs (which never hold a frame's content).
    var name: String {
        switch self {
        case .send: "send"
        case .typing: "typing"
        case .read: "read"
        case .resume: "resume"
        case .ping: "ping"
        case .chat: "chat"
        case .friend: "friend"
        case .onlineStatus: "get_online_status"
        case .announcement: "announcement"
        case .whiteboard: "whiteboard"
        case .transferStart: "file_transfer_start"
        case .chunk: "file_chunk"
        case .call: "call"
        }
    }

    /// Reads `text` into a frame, or the refusal its sender gets.
    static func decode(_ text: String) throws(Rejection) -> ClientFrame {
        guard let object = try? JSONValue(parsing: text), object.isObject else { throw Rejection(message: "Frames must be JSON objects") }
        guard let type = object["type"]?.stringValue else { throw Rejection(message: "A frame needs a \"type\"") }
        let data = object["data"].flatMap { $0.isObject ? $0 : nil } ?? object
        do {
            return try Self.decode(type, data, envelope: object["data"] != nil)
        } catch {
            throw Rejection(message: error.message, type: type)
        }
    }

    private static func decode(_ type: String, _ data: JSONValue, envelope: Bool) throws(Refusal) -> ClientFrame {
        switch type {
        case "message", "send": return .send(try Self.send(data, envelope: envelope))
        case "typing":
            guard let id = Self.integer(data["conversation_id"]) else { throw Refusal.socket("typing needs a conversation_id") }
            return .typing(ConversationID(id), isTyping: data["is_typing"]?.flag(default: true) ?? true)
        case "read":
            guard let id = Self.integer(data["conversation_id"]) else { throw Refusal.socket("read needs a conversation_id") }
            return .read(ConversationID(id))
        case "resume": return .resume(try Self.positions(data))
        case "ping": return .ping
        case "chat": return .chat(try Self.chat(data))
        case "friend_request", "friend_request_response", "friend_request_cancel", "friend_block", "friend_unblock", "friend_requests":
            return .friend(try Self.friend(type, data))
        case "get_online_status":
            let ids = (data["user_ids"]?.arrayValue ?? []).compactMap { Self.integer($0) }.filter { $0 > 0 }
            guard ids.count <= Self.onlineStatusLimit else { throw Refusal.socket("最多查询1000个用户") }
            return .onlineStatus(ids)
        case "user_online", "user_offline": return .announcement
        case "join_whiteboard", "leave_whiteboard", "draw", "clear_whiteboard", "request_whiteboard_state":
            guard let room = data["room"]?.stringValue, !room.isEmpty else { throw Refusal.socket("房间ID不能为空") }
            return .whiteboard(room: room, try Self.whiteboard(type, data))
        case "file_transfer_start": return .transferStart(try Self.transferStart(data))
        case "file_chunk": return .chunk(try Self.chunk(data))
        default:
            guard let signal = RealtimeConnection.CallSignal.all[type] else { throw Refusal.socket("Unknown type \"\(type)\"") }
            let target = Self.integer(data["target_id"]).flatMap { $0 >= 0 ? ParticipantID($0) : nil }
            return .call(
                signal,
                Call(
                    target: target,
                    media: data["type"]?.stringValue,
                    callerName: data["caller_name"],
                    sdp: data["sdp"],
                    candidate: data["candidate"]
                )
            )
        }
    }

    /// An id or position: a whole number, or a string of digits.
    static func integer(_ value: JSONValue?) -> Int64? {
        value?.integerValue ?? value?.stringValue.flatMap { Int64($0) }
    }

    private static func send(_ data: JSONValue, envelope: Bool) throws(Refusal) -> Send {
        // A flat frame's own "type" is the frame's; an envelope's data may name the message type either way.
        let typeName = data["message_type"]?.stringValue ?? (envelope ? data["type"]?.stringValue : nil) ?? "text"
        guard let type = MessageType(rawValue: typeName) else { throw Refusal.socket("Unknown message type \"\(typeName)\"") }
        let target: Send.Target
        if let id = Self.integer(data["conversation_id"]), id > 0 {
            target = .conversation(ConversationID(id))
        } else if let receiver = Self.integer(data["receiver_id"]), receiver > 0 {
            target = .user(ParticipantID(receiver))
        } else {
            throw Refusal.socket("A message needs a conversation_id or a receiver_id")
        }
        return Send(
            content: data["content"]?.stringValue ?? "",
            type: type,
            clientMessageID: Self.clientMessageID(data["client_msg_id"]),
            target: target,
            envelope: envelope
        )
    }

    private static func clientMessageID(_ value: JSONValue?) -> String? {
        value?.stringValue.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
    }

    /// The positions of a `resume`, in conversation order; one bad position refuses them all.
    static func positions(_ data: JSONValue) throws(Refusal) -> [Position] {
        guard let positions = data["conversations"]?.members else { throw Refusal.socket("resume needs \"conversations\"") }
        guard positions.count <= Self.resumeLimit else { throw Refusal.socket("A resume names at most \(Self.resumeLimit) conversations") }
        var read: [Position] = []
        // In the keys' order, so a frame with several bad positions is refused naming the same one every time (an
        // object's members come in no fixed order).
        for (key, value) in positions.sorted(by: { $0.0 < $1.0 }) {
            guard let raw = Int64(key), let after = Self.integer(value), after >= 0 else { throw Refusal.socket("Bad resume position for \(key)") }
            read.append(Position(conversation: ConversationID(raw), after: after))
        }
        return read.sorted { $0.conversation.rawValue < $1.conversation.rawValue }
    }

    private static func chat(_ data: JSONValue) throws(Refusal) -> Chat {
        let message = data["message"].flatMap { $0.isObject ? $0 : nil } ?? [:]
        guard let typeName = message["type"]?.stringValue, !typeName.isEmpty else { throw Refusal.socket("消息类型不能为空") }
        guard typeName == "text" || typeName == "emoji", let type = MessageType(rawValue: typeName) else {
            throw Refusal.socket("不支持的消息类型: \(typeName)")
        }
        guard let room = data["room"] ?? message["room"], !room.isNull else { throw Refusal.socket("房间ID不能为空") }
        return Chat(
            type: type,
            content: message["content"]?.stringValue ?? "",
            clientMessageID: Self.clientMessageID(message["client_msg_id"]),
            room: Self.room(room, message: message)
        )
    }

    static func room(_ room: JSONValue, message: JSONValue) -> Room {
        if let name = room.stringValue, name.hasPrefix("group_"), let id = Int64(name.dropFirst(6)), id > 0 {
            return .group(ConversationID(id))
        }
        if let group = Self.integer(message["group_id"]), group > 0 { return .group(ConversationID(group)) }
        let users = (room.arrayValue ?? [room]).compactMap { $0.stringValue.flatMap { $0.hasPrefix("user_") ? Int64($0.dropFirst(5)) : nil } }
        return .users(users, receiver: Self.integer(message["receiver_id"]), text: room.displayText)
    }

    private static func friend(_ type: String, _ data: JSONValue) throws(Refusal) -> Friend {
        switch type {
        case "friend_request":
            guard let receiver = Self.integer(data["receiver_id"]), receiver > 0 else { throw Refusal.socket("用户不存在") }
            return .request(to: ParticipantID(receiver))
        case "friend_request_response":
            guard let id = Self.integer(data["request_id"]) else { throw Refusal.socket("好友请求不存在") }
            let status = data["status"]?.stringValue ?? "accepted"
            guard status == "accepted" || status == "rejected" else { throw Refusal.socket("无效的状态: \(status)") }
            return .respond(request: id, accept: status == "accepted")
        case "friend_request_cancel":
            guard let id = Self.integer(data["request_id"]) else { throw Refusal.socket("好友请求不存在") }
            return .cancel(request: id)
        case "friend_block", "friend_unblock":
            guard let user = Self.integer(data["user_id"]), user > 0 else { throw Refusal.socket("用户不存在") }
            return type == "friend_block" ? .block(ParticipantID(user)) : .unblock(ParticipantID(user))
        default:
            return .list
        }
    }

    private static func whiteboard(_ type: String, _ data: JSONValue) throws(Refusal) -> Whiteboard {
        switch type {
        case "join_whiteboard": return .join
        case "leave_whiteboard": return .leave
        case "clear_whiteboard": return .clear
        case "draw":
            guard let x = data["x"]?.numberValue, let y = data["y"]?.numberValue else { throw Refusal.socket("draw 需要 x 和 y") }
            return .draw(
                Stroke(
                    x: x,
                    y: y,
                    drawing: data["drawing"]?.flag(default: false) ?? false,
                    color: data["color"]?.stringValue.map { String($0.prefix(32)) } ?? "#000000",
                    lineWidth: data["lineWidth"]?.numberValue.map { min(max($0, 0), 1000) }
                )
            )
        default: return .state
        }
    }

    private static func transferStart(_ data: JSONValue) throws(Refusal) -> TransferStart {
        let message = data["message"].flatMap { $0.isObject ? $0 : nil } ?? [:]
        guard let size = Self.integer(data["fileSize"]), size > 0 else { throw Refusal.socket("文件大小无效") }
        guard let chunks = Self.integer(data["totalChunks"]), chunks > 0, chunks <= min(size, Self.chunkLimit) else {
            throw Refusal.socket("分片数量无效")
        }
        guard let room = data["room"] ?? message["room"], !room.isNull else { throw Refusal.socket("房间ID不能为空") }
        return TransferStart(
            size: size,
            chunks: chunks,
            room: Self.room(room, message: message),
            roomValue: room,
            fileName: data["fileName"]?.stringValue ?? "",
            resumeFileID: (data["file_id"] ?? data["fileId"])?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    private static func chunk(_ data: JSONValue) throws(Refusal) -> Chunk {
        let fileID = data["fileId"]?.stringValue ?? ""
        guard let index = Self.integer(data["chunkIndex"]), index >= 0, index < Self.chunkLimit else { throw Refusal.socket("分片序号无效") }
        guard let values = data["data"]?.arrayValue else { throw Refusal.socket("分片数据无效") }
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.count)
        for value in values {
            guard let number = value.integerValue, let byte = UInt8(exactly: number) else { throw Refusal.socket("分片数据无效") }
            bytes.append(byte)
        }
        return Chunk(fileID: fileID, index: Int(index), bytes: bytes)
    }
}
