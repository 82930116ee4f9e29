import AuthTokens
public import ChatCore
import Foundation
import Logging
import StorageKit
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

    /// The bus lost events from other processes: forgets every cached group and sends every connection of this
    /// process `resync` without a conversation — `{"type": "resync", "data": {"reason": "events_lost"}}` (seed 004's
    /// clients: `{"type": "resync", "reason": "events_lost"}`) — after which a client refetches what it shows, or
    /// sends `resume` with the last `seq` of each conversation and gets what it missed.
    func eventsLost() async {
        self.groupCache.invalidateAll()
        Logger(label: "rapport.realtime").warning("the event bus lost events; every connection is told to resync")
        let reason: [(String, JSONValue)] = [("reason", "events_lost")]
        await self.hub.resyncAll(Self.frames(type: "resync", flat: reason, data: reason))
    }

    /// Who receives a group's messages: its members, or for the public channel every open connection (members
    /// and guests, who may read it); either way only connections of this process or, through the bus, another.
    static func audience(of group: ChatGroup) -> [ParticipantID] {
        group.isPublicChannel ? [Self.everyone] : Array(group.members.keys)
    }

    /// `group` with `user` among its members: as it is, or — for the public channel, which every account belongs
    /// to — after adding an account that is missing (one registered while its step failed, or a stale cache);
    /// nil for anyone else outside the group, and for guests.
    func asMember(_ user: ParticipantID, of group: ChatGroup, groups: any GroupRepository) async throws -> ChatGroup? {
        if group.members[user] != nil { return group }
        guard group.isPublicChannel, user.rawValue > 0 else { return nil }
        let joined = try await groups.join(user, to: group.id, at: Date()).group
        await self.announceMembership(of: group.id)
        return joined
    }

    /// Tells every process that `group`'s members changed, so none sends by what it cached.
    func announceMembership(of group: ConversationID) async {
        await self.publish(HubEvent(recipients: [], frames: [:], changedGroup: group))
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
