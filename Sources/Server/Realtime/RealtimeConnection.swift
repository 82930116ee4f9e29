import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import ServiceLifecycle
import StorageKit
import Synchronization

/// A connection's handling of client frames; a class, so the connection's task and the tasks of its frames
/// share one.
final class RealtimeConnection: Sendable {
    let controller: RealtimeController
    let identity: Identity
    let me: ParticipantID
    let outbox: HubOutbox
    /// A support agent: its presence lease is renewed while it is connected.
    let isAgent: Bool
    /// The pending "stopped typing" of each conversation this connection is typing in.
    let typists = Mutex<[ConversationID: Task<Void, Never>]>([:])
    /// This user's row as the frames name the sender, and when it was read (see ``myself()``).
    let meCache: Mutex<(users: [Int64: User], at: ContinuousClock.Instant)?>
    let transfers = FileTransfers()

    /// `user`, the row read to authenticate, is the sender's row of this connection's first messages.
    init(controller: RealtimeController, identity: Identity, me: ParticipantID, outbox: HubOutbox, isAgent: Bool, user: User?) {
        self.controller = controller
        self.identity = identity
        self.me = me
        self.outbox = outbox
        self.isAgent = isAgent
        self.meCache = Mutex(user.map { ([$0.id.rawValue: $0], ContinuousClock.now) })
    }

    var hub: ChatHub { self.controller.realtime.hub }
    var frames: RealtimeFrames { self.controller.frames }
    var isAdmin: Bool { self.identity.role == .admin }

    func reply(_ frame: String) async { await self.hub.send(frame, to: self.outbox.id) }

    /// This user's row, as the frames name the sender, read again at most once a minute (not per message): a
    /// rename shows in this connection's messages within a minute.
    func myself() async throws -> [Int64: User] {
        if let cached = self.meCache.withLock({ $0 }), ContinuousClock.now - cached.at < .seconds(60) { return cached.users }
        let users = try await self.controller.users.byID([self.me])
        self.meCache.withLock { $0 = (users, ContinuousClock.now) }
        return users
    }

    /// A group through the process's cache (the send path reads it for every message).
    func group(_ id: ConversationID) async throws -> ChatGroup? {
        try await self.controller.realtime.groupCache.group(id, from: self.controller.groups)
    }

    /// An `error` event; seed 004's flat dialect has none and ignores bad frames, as its clients expect.
    func error(_ text: String) async {
        self.controller.logger.debug("websocket frame refused", metadata: ["reason": "\(text)"])
        guard self.outbox.dialect == .envelope else { return }
        await self.reply(Realtime.text(.ordered([("type", "error"), ("data", .ordered([("msg", .string(text))]))])))
    }

    /// `online_users` to the new connection: everyone else online (seed 004 sends it only when there is someone).
    func greet() async {
        // The contacts online (all users online, for a monitor). Looked up contact by contact: a connection's
        // greeting must not cost in proportion to everyone connected.
        let online: [ParticipantID]
        if self.isAdmin {
            online = await self.hub.onlineUsers().filter { $0 != self.me && $0.rawValue > 0 }
        } else {
            online = await self.hub.online(among: await self.controller.chat.presenceAudience(of: self.me))
                .filter { $0 != self.me && $0.rawValue > 0 }
        }
        switch self.outbox.dialect {
        case .flat:
            guard !online.isEmpty else { return }
            let users = (try? await self.controller.users.byID(online)) ?? [:]
            await self.reply(
                Realtime.text(
                    .ordered([
                        ("type", "online_users"), ("users", .array(online.map { RealtimeFrames.name($0, users) })),
                        ("timestamp", WireDate.epoch(Date())),
                    ])
                )
            )
        case .envelope:
            let everyone = (online + [self.me]).sorted()
            await self.reply(
                Realtime.text(.ordered([("type", "online_users"), ("data", .ordered([("users", .array(everyone.map { .int($0.rawValue) }))]))]))
            )
        }
    }

    func renewAgentLease() async {
        let desk = self.controller.desk
        while !Task.isCancelled {
            await desk.renewPresence(of: self.me)
            try? await Task.sleep(for: .seconds(max(desk.presenceLease / 3, 1)))
        }
    }

    func handle(_ text: String) async {
        let frame: ClientFrame
        do {
            frame = try ClientFrame.decode(text)
        } catch {
            if error.type == "file_transfer_start" { await self.reply(self.event("file_transfer_init", .ordered([("file_id", .null)]))) }
            return await self.error(error.message)
        }
        do {
            switch frame {
            case .send(let send): try await self.send(send)
            case .typing(let id, let isTyping): try await self.typing(id, isTyping: isTyping)
            case .read(let id): try await self.read(id)
            case .resume(let positions): try await self.resume(positions)
            case .ping: await self.reply(Realtime.text(.ordered([("type", "pong"), ("data", .ordered([]))])))
            default: try await self.handlePlatformEvent(frame)
            }
        } catch let failure as Refusal {
            await self.error(failure.message)
        } catch {
            self.controller.logger.error("websocket frame failed", metadata: ["frame": "\(frame.name)", "error": "\(error)"])
            await self.error("The frame could not be handled")
        }
    }

    /// The support conversation, if this user may write in it (participant or assignee).
    func supportConversation(_ id: ConversationID) async throws -> SupportConversation? {
        try await self.controller.support.conversation(id: id)
    }

    /// Who hears about a support conversation: both sides, its agent and the monitors.
    static func audience(_ conversation: SupportConversation) -> [ParticipantID] {
        [conversation.customerID, conversation.merchantID, Realtime.monitors] + (conversation.assigneeID.map { [$0] } ?? [])
    }

    func send(_ send: ClientFrame.Send) async throws {
        switch send.target {
        case .conversation(let id):
            if let group = try await self.group(id) {
                try await self.sendGroup(group, content: send.content, clientID: send.clientMessageID)
            } else {
                try await self.sendSupport(
                    id,
                    content: send.content,
                    type: send.type,
                    clientID: send.clientMessageID,
                    relayCheck: !send.envelope && send.clientMessageID == nil
                )
            }
        case .user(let receiver):
            try await self.sendDirect(to: receiver, content: send.content, type: send.type, clientID: send.clientMessageID)
        }
    }

    func sendSupport(_ id: ConversationID, content: String, type: MessageType, clientID: String?, relayCheck: Bool) async throws {
        guard let conversation = try await self.supportConversation(id) else { throw Refusal.socket("Conversation not found") }
        guard conversation.side(of: self.me) != nil else { throw Refusal.socket("You are not in this conversation") }
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Refusal.socket("Content is empty") }
        guard content.unicodeScalars.count <= self.controller.chat.maximumContentLength else { throw Refusal.socket("Content is too long") }
        if relayCheck, let last = try await self.controller.support.messages(in: id, ascending: false, offset: 0, limit: 1).items.first?.message,
            last.senderID == self.me, last.content == content, Date().timeIntervalSince(last.createdAt) <= 10
        {
            // Seed 004's client posts over HTTP, then relays the same text as a frame: already stored and delivered.
            return
        }
        let sent = try await self.controller.support.send(
            NewMessage(
                senderID: self.me,
                content: content,
                type: type,
                clientMessageID: clientID,
                attachmentID: try await self.attachmentID(carriedBy: content, type: type)
            ),
            in: id,
            at: Date()
        )
        let users = try await self.myself()
        await self.acknowledge(sent.message, users)
        await self.controller.realtime.publish(
            self.frames.delivery(sent.message, users, to: Self.audience(sent.conversation), except: self.outbox.id)
        )
    }

    func sendGroup(_ group: ChatGroup, content: String, clientID: String?, type: MessageType = .text, echo: Bool = false) async throws {
        if self.me.rawValue == 0 { throw Refusal.socket("Guests may read the public channel but not post; log in to send") }
        guard let group = try await self.controller.realtime.asMember(self.me, of: group, groups: self.controller.groups) else {
            throw Refusal.socket("You are not in this conversation")
        }
        let result: SendResult
        do {
            result = try await self.controller.chat.sendToGroup(
                group,
                from: self.me,
                content: content,
                type: type,
                clientMessageID: clientID,
                attachmentID: try await self.attachmentID(carriedBy: content, type: type)
            )
        } catch let error as ChatError {
            throw Refusal.socket(error.refusalText)
        }
        let users = try await self.myself()
        await self.acknowledge(result.message, users, created: result.created, address: .group(group.id), echo: echo)
        guard result.created else { return }
        await self.controller.realtime.publish(
            self.frames.delivery(
                result.message,
                users,
                to: Realtime.audience(of: group),
                address: .group(group.id),
                except: self.outbox.id
            )
        )
    }

    func sendDirect(to receiver: ParticipantID, content: String, type: MessageType, clientID: String?, echo: Bool = false) async throws {
        let result: SendResult
        do {
            result = try await self.controller.chat.send(
                from: self.me,
                to: receiver,
                content: content,
                type: type,
                clientMessageID: clientID,
                attachmentID: try await self.attachmentID(carriedBy: content, type: type)
            )
        } catch let error as ChatError {
            let message =
                switch error {
                case .emptyContent: "Content is empty"
                case .contentTooLong: "Content is too long"
                case .notFriends: "You can only message friends"
                case .cannotMessageSelf: "You cannot message yourself"
                case .conversationNotFound: "Conversation not found"
                }
            throw Refusal.socket(message)
        }
        let users = try await self.myself()
        await self.acknowledge(result.message, users, created: result.created, address: .direct(self.me, receiver), echo: echo)
        // A retried send (same client_msg_id) was delivered the first time.
        guard result.created else { return }
        await self.controller.realtime.publish(
            self.frames.delivery(
                result.message,
                users,
                to: [self.me, receiver],
                address: .direct(self.me, receiver),
                except: self.outbox.id
            )
        )
    }

    /// The sending connection's acknowledgement: the stored message with its sequence number. For this
    /// connection the acknowledgement is that message's delivery, so it takes the message's place in order.
    /// With `echo` (seed 003's `chat`), the sending connection gets the `message` event itself instead.
    func acknowledge(_ message: Message, _ users: [Int64: User], created: Bool = true, address: MessageAddress? = nil, echo: Bool = false) async {
        let data = self.frames.messageData(message, users, address: address)
        var frame: String?
        switch self.outbox.dialect {
        case .envelope where echo:
            frame = Realtime.text(.ordered([("type", "message"), ("data", .ordered(data))]))
        case .envelope:
            frame = Realtime.text(
                .ordered([
                    ("type", "ack"), ("data", .ordered([("client_msg_id", .string(message.clientMessageID)), ("message", .ordered(data))])),
                ])
            )
        case .flat:
            if message.clientMessageID != nil {
                frame = Realtime.text(.ordered([("type", "ack"), ("client_msg_id", .string(message.clientMessageID)), ("message", .ordered(data))]))
            }
        }
        if created {
            self.outbox.push(frame, conversation: message.conversationID, seq: message.seq)
        } else if let frame {
            // A retry: the message was delivered before, the acknowledgement is all that is new.
            self.outbox.push(frame)
        }
    }

    /// Everyone who hears about a conversation other than `me`, or a failure when `me` is not in it.
    func audience(of id: ConversationID) async throws -> (support: SupportConversation?, users: [ParticipantID]) {
        if let conversation = try await self.supportConversation(id) {
            guard conversation.side(of: self.me) != nil || self.isAdmin else { throw Refusal.socket("You are not in this conversation") }
            return (conversation, Self.audience(conversation))
        }
        let members = try await self.controller.chat.messages.members(of: id)
        guard members.contains(self.me) else { throw Refusal.socket("You are not in this conversation") }
        return (nil, members)
    }

    func typing(_ id: ConversationID, isTyping: Bool) async throws {
        let (_, audience) = try await self.audience(of: id)
        let users = try await self.myself()
        // Typing goes to the other participants only, not to the monitors or the typist's other devices.
        let others = audience.filter { $0 != self.me && $0 != Realtime.monitors }
        let stopped = HubEvent(recipients: others, frames: self.frames.typing(conversation: id, user: self.me, isTyping: false, users))
        await self.controller.realtime.publish(
            isTyping
                ? HubEvent(recipients: others, frames: self.frames.typing(conversation: id, user: self.me, isTyping: true, users)) : stopped
        )
        // A typist who goes quiet (or away) stops typing after the timeout.
        let realtime = self.controller.realtime
        let timeout = self.controller.typingTimeout
        let timer =
            isTyping
            ? Task {
                try? await Task.sleep(for: timeout)
                guard !Task.isCancelled else { return }
                await realtime.publish(stopped)
            } : nil
        self.typists.withLock { timers in
            timers[id]?.cancel()
            timers[id] = timer
        }
    }

    func read(_ id: ConversationID) async throws {
        let (support, audience) = try await self.audience(of: id)
        let seq: Int64?
        if support != nil {
            try await self.controller.support.markRead(by: self.me, in: id)
            seq = nil
        } else {
            _ = try await self.controller.chat.messages.markAllRead(by: self.me, in: id)
            seq = try await self.controller.chat.messages.readSeq(of: self.me, in: id)
        }
        let users = try await self.myself()
        await self.controller.realtime.publish(
            HubEvent(
                recipients: audience.filter { $0 != self.me },
                frames: self.frames.read(conversation: id, reader: self.me, seq: seq, users)
            )
        )
    }

    /// `{"type": "resume", "data": {"conversations": {"12": 40}}}`: every message after each sequence, oldest
    /// first, or `resync` for a conversation that missed more than the resume limit.
    func resume(_ positions: [ClientFrame.Position], connecting: Bool = false) async throws {
        let limit = self.controller.resumeLimit
        for position in positions {
            let (id, after) = (position.conversation, position.after)
            let raw = id.rawValue
            let (support, members) = try await self.audience(of: id)
            var address: MessageAddress?
            if support == nil {
                address = try await self.controller.groups.group(id) != nil ? .group(id) : members.count == 2 ? .direct(members[0], members[1]) : nil
            }
            // Live messages of this conversation wait while the replay is read and queued.
            let ceiling = connecting ? nil : self.outbox.beginResume(id, after: after)
            var missed: [Message]
            do {
                missed = try await self.controller.chat.messages.messages(in: id, limit: limit + 1, offset: 0, beforeSeq: ceiling, afterSeq: after)
                    .sorted { $0.seq < $1.seq }
            } catch {
                self.outbox.endResume(id)
                throw error
            }
            if missed.count > limit {
                self.outbox.endResume(id)
                let last = try await self.controller.chat.messages.lastMessage(in: id)?.seq ?? after
                await self.reply(
                    Realtime.text(
                        .ordered([
                            ("type", "resync"),
                            ("data", .ordered([("conversation_id", .int(raw)), ("from_seq", .int(after)), ("last_seq", .int(last))])),
                        ])
                    )
                )
                continue
            }
            let users = (try? await self.controller.users.byID(missed.map(\.senderID))) ?? [:]
            for message in missed {
                let frame = self.frames.message(message, users, address: address)[self.outbox.dialect]
                if ceiling == nil {
                    self.outbox.push(frame, conversation: id, seq: message.seq, replay: true)
                } else if let frame {
                    // Older than what this connection already has queued: it follows, once.
                    self.outbox.push(frame)
                }
            }
            self.outbox.endResume(id)
            await self.reply(
                Realtime.text(
                    .ordered([
                        ("type", "resumed"), ("data", .ordered([("conversation_id", .int(raw)), ("count", .int(Int64(missed.count)))])),
                    ])
                )
            )
        }
    }
}
