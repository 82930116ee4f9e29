import AuthTokens
public import ChatCore
import Foundation
import Logging
import StorageKit
import Synchronization

/// Renders the events of conversations and presence for both dialects.
struct RealtimeFrames {
    let render: UserRenderer

    /// A user as seed 004 names it: the external id, else the integer id as a decimal string.
    static func name(_ id: ParticipantID, _ users: [Int64: User]) -> JSONValue {
        .string(users[id.rawValue]?.externalID ?? String(id.rawValue))
    }

    func content(_ message: Message) -> JSONValue {
        message.type == .image || message.type == .file ? self.render.mediaURL(message.content).orString(message.content) : .string(message.content)
    }

    /// A stored message: seed 004's `message` frame and the envelope's (with the sequence number clients resume from;
    /// with `address`, also seed 003's `receiver_id`, `group_id` and `room`).
    func message(_ message: Message, _ users: [Int64: User], address: MessageAddress? = nil) -> [FrameDialect: String] {
        Realtime.frames(
            type: "message",
            flat: [
                ("id", .int(message.id)), ("conversation_id", .int(message.conversationID.rawValue)), ("seq", .int(message.seq)),
                ("sender_id", Self.name(message.senderID, users)), ("content", self.content(message)),
                ("message_type", .string(message.type == .emoji ? "text" : message.type.rawValue)),
                ("client_msg_id", .string(message.clientMessageID)), ("timestamp", WireDate.epoch(message.createdAt)),
            ],
            data: self.messageData(message, users, address: address)
        )
    }

    /// The event that delivers a stored message to every connection of `recipients` (but `except`, the sending
    /// connection, answered already), once and in order on each.
    func delivery(
        _ message: Message,
        _ users: [Int64: User],
        to recipients: [ParticipantID],
        address: MessageAddress? = nil,
        except: HubConnectionID? = nil
    ) -> HubEvent {
        HubEvent(
            recipients: recipients,
            frames: self.message(message, users, address: address),
            except: except,
            conversationID: message.conversationID,
            seq: message.seq
        )
    }

    func messageData(_ message: Message, _ users: [Int64: User], address: MessageAddress? = nil) -> [(String, JSONValue)] {
        var data: [(String, JSONValue)] = [
            ("id", .int(message.id)), ("conversation_id", .int(message.conversationID.rawValue)), ("seq", .int(message.seq)),
            ("sender_id", .int(message.senderID.rawValue)), ("sender_name", .string(users[message.senderID.rawValue]?.username)),
            ("content", self.content(message)), ("type", .string(message.type.rawValue)),
            ("client_msg_id", .string(message.clientMessageID)), ("created_at", WireDate.iso(message.createdAt)),
        ]
        switch address {
        case .direct(let a, let b):
            let receiver = message.senderID == a ? b : a
            data += [
                ("receiver_id", .int(receiver.rawValue)), ("group_id", .int(0)),
                ("room", .array([.string("user_\(receiver.rawValue)"), .string("user_\(message.senderID.rawValue)")])),
            ]
        case .group(let id):
            data += [("receiver_id", .int(0)), ("group_id", .int(id.rawValue)), ("room", .string("group_\(id.rawValue)"))]
        case nil:
            break
        }
        if let file = FileTransfers.Stored(message) {
            // A file sent in chunks over the socket (seed 003): its name is the content, its download path `file_url`.
            data = data.map { $0.0 == "content" ? ("content", .string(file.name)) : $0 } + [("file_url", .string(self.render.fileURL(file.url)))]
        }
        return data
    }

    func read(conversation: ConversationID, reader: ParticipantID, seq: Int64?, _ users: [Int64: User]) -> [FrameDialect: String] {
        Realtime.frames(
            type: "read",
            flat: [("conversation_id", .int(conversation.rawValue)), ("reader_id", Self.name(reader, users)), ("timestamp", WireDate.epoch(Date()))],
            data: [("conversation_id", .int(conversation.rawValue)), ("reader_id", .int(reader.rawValue)), ("seq", seq.map(JSONValue.int) ?? .null)]
        )
    }

    func typing(conversation: ConversationID, user: ParticipantID, isTyping: Bool, _ users: [Int64: User]) -> [FrameDialect: String] {
        Realtime.frames(
            type: "typing",
            flat: [("user_id", Self.name(user, users)), ("conversation_id", .int(conversation.rawValue)), ("is_typing", .bool(isTyping))],
            data: [("user_id", .int(user.rawValue)), ("conversation_id", .int(conversation.rawValue)), ("is_typing", .bool(isTyping))]
        )
    }

    /// Someone else came online or went offline: seed 004's `status`, the envelope's `user_online`/`user_offline`.
    static func presence(_ change: PresenceChange, name: JSONValue) -> [FrameDialect: String] {
        let (user, online) =
            switch change {
            case .online(let user): (user, true)
            case .offline(let user): (user, false)
            }
        var frames = Realtime.frames(
            type: "status",
            flat: [("user_id", name), ("status", .string(online ? "online" : "offline")), ("timestamp", WireDate.epoch(Date()))],
            data: nil
        )
        frames[.envelope] = Realtime.text(
            .ordered([("type", .string(online ? "user_online" : "user_offline")), ("data", .ordered([("user_id", .int(user.rawValue))]))])
        )
        return frames
    }
}
