import AuthTokens
public import ChatCore
import Foundation
import Logging
import Synchronization

/// The live side of the server: this process's ``ChatHub`` and the ``EventBus`` that carries events between
/// processes. Routes publish through it, whatever the path a message came in by (HTTP or WebSocket), so every
/// connection of every participant receives it once.
public struct Realtime: Sendable {
    public let hub: ChatHub
    public let bus: any EventBus
    /// Groups as the socket's send path last read them; a change announced by any process clears its entry.
    let groupCache = GroupCache()
    /// Presence shared by every process on the database (nil: this process's connections only).
    public let presence: (any PresenceStore)?
    /// How long a process's presence lease lasts; it renews every third of it.
    static let presenceLease: TimeInterval = 90
    /// Connections of admins are also registered under this id: seed 004's monitors see all support traffic.
    static let monitors = ParticipantID(-1)
    /// Every connection is also registered under this id: presence changes go to everyone.
    static let everyone = ParticipantID(-2)

    public init(hub: ChatHub = ChatHub(), bus: any EventBus = LocalEventBus(), presence: (any PresenceStore)? = nil) {
        self.hub = hub
        self.bus = bus
        self.presence = presence
    }

    /// Delivers to this process's connections at once and hands the event to the bus for the other processes.
    /// A bus failure never fails the request: the message is stored, and clients on other processes get it when
    /// they resume.
    func publish(_ event: HubEvent) async {
        if let group = event.changedGroup { self.groupCache.invalidate(group) }
        await self.hub.deliver(event)
        guard !(self.bus is LocalEventBus) else { return }
        do {
            try await self.bus.publish(event)
        } catch {
            Logger(label: "rapport.realtime").error("event bus publish failed", metadata: ["error": "\(error)"])
        }
    }

    /// Who hears of `user`'s presence: everyone sharing a conversation with it, and its friends.
    static func contacts(of user: ParticipantID, chat: ChatService) async -> [ParticipantID] {
        let sharing = (try? await chat.messages.contacts(of: user)) ?? []
        let friends = ((try? await chat.friendships.friendships(of: user)) ?? []).map(\.friendID)
        return Array(Set(sharing + friends).subtracting([user]))
    }

    /// Whether `user` has a live connection, here or (by the stored presence) on another process.
    func isOnline(_ user: ParticipantID) async -> Bool { await self.online([user]).contains(user) }

    /// Which of `users` have a live connection on any process. When the store cannot answer, this process's
    /// connections still do.
    func online(_ users: [ParticipantID]) async -> Set<ParticipantID> {
        let online = Set(await self.hub.online(among: users))
        let others = users.filter { !online.contains($0) }
        guard let presence = self.presence, !others.isEmpty else { return online }
        do {
            return online.union(try await presence.online(others, at: Date()))
        } catch {
            Logger(label: "rapport.realtime").error("presence store unavailable", metadata: ["error": "\(error)"])
            return online
        }
    }

    static func text(_ value: JSONValue) -> String { String(decoding: value.serialized(), as: UTF8.self) }

    /// A frame in both dialects: seed 004's flat object and the `{"type", "data"}` envelope.
    static func frames(type: String, flat: [(String, JSONValue)]?, data: [(String, JSONValue)]?) -> [FrameDialect: String] {
        var frames: [FrameDialect: String] = [:]
        if let flat { frames[.flat] = self.text(.ordered([("type", .string(type))] + flat)) }
        if let data { frames[.envelope] = self.text(.ordered([("type", .string(type)), ("data", .ordered(data))])) }
        return frames
    }
}

/// The groups the socket's send path looked up, so a busy group is not read from the database for every
/// message. An entry lives at most `lifetime`; a change to a group (announced on the hub and the bus, from any
/// process) clears it at once, and a lookup that raced with a change does not store what it read.
final class GroupCache: Sendable {
    struct State {
        var entries: [ConversationID: (group: ChatGroup?, at: ContinuousClock.Instant)] = [:]
        var generation: UInt64 = 0
    }

    let state = Mutex(State())
    let lifetime: Duration
    let capacity: Int

    init(lifetime: Duration = .seconds(30), capacity: Int = 50_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func group(_ id: ConversationID, from repository: any GroupRepository) async throws -> ChatGroup? {
        let now = ContinuousClock.now
        let (cached, generation) = self.state.withLock { state in (state.entries[id], state.generation) }
        if let cached, now - cached.at < self.lifetime { return cached.group }
        let group = try await repository.group(id)
        self.state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= self.capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[id] = (group, now)
        }
        return group
    }

    func invalidate(_ id: ConversationID) {
        self.state.withLock { state in
            state.generation &+= 1
            state.entries[id] = nil
        }
    }
}

/// Where a direct or group message goes, as seed 003's events say it.
enum MessageAddress: Sendable {
    /// The two users of a direct conversation; the receiver is whichever did not send.
    case direct(ParticipantID, ParticipantID)
    case group(ConversationID)
}

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
        _ message: Message, _ users: [Int64: User], to recipients: [ParticipantID], address: MessageAddress? = nil, except: HubConnectionID? = nil
    ) -> HubEvent {
        HubEvent(
            recipients: recipients, frames: self.message(message, users, address: address), except: except,
            conversationID: message.conversationID, seq: message.seq
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
        if message.type == .file, let file = FileTransfers.Stored(message.content) {
            // A file sent in chunks over the socket (seed 003): its name is the content, its download path `file_url`.
            data = data.map { $0.0 == "content" ? ("content", .string(file.name)) : $0 } + [("file_url", .string(file.url))]
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
        let (user, online) = switch change {
        case .online(let user): (user, true)
        case .offline(let user): (user, false)
        }
        var frames = Realtime.frames(
            type: "status",
            flat: [("user_id", name), ("status", .string(online ? "online" : "offline")), ("timestamp", WireDate.epoch(Date()))], data: nil
        )
        frames[.envelope] = Realtime.text(.ordered([("type", .string(online ? "user_online" : "user_offline")), ("data", .ordered([("user_id", .int(user.rawValue))]))]))
        return frames
    }
}
