public import Foundation
public import Logging

/// The support desk's decisions over ``SupportDeskRepository``: when waiting conversations are assigned, and
/// what an agent's presence means. Every path that changes a team's situation — a conversation opened or
/// reopened, an agent registered, moved, removed, online or gone, a conversation resolved or transferred — calls
/// one operation here, so the rule of "assign what waits when capacity appears" lives in one place.
///
/// Assignment after a change never fails the change: it is logged, and ``sweep(at:)`` (run periodically) assigns
/// what is still waiting.
public struct SupportDesk: Sendable {
    public let repository: any SupportDeskRepository
    /// How long an agent counts as online after saying so (renewed by saying so again, or by a live connection).
    public let presenceLease: TimeInterval
    /// The capacity of an agent registered without one.
    public let defaultCapacity: Int
    let logger: Logger

    public init(repository: any SupportDeskRepository, presenceLease: TimeInterval = 60, defaultCapacity: Int = 5, logger: Logger) {
        self.repository = repository
        self.presenceLease = presenceLease
        self.defaultCapacity = defaultCapacity
        self.logger = logger
    }

    /// Assigns what waits in `team`, as far as its online agents have capacity.
    @discardableResult
    public func assignWaiting(team: ParticipantID, at now: Date = Date()) async -> [SupportAssignment] {
        do {
            return try await self.repository.assignWaiting(team: team, at: now)
        } catch {
            self.logger.error("support assignment failed", metadata: ["team": "\(team)", "error": "\(error)"])
            return []
        }
    }

    /// A conversation was opened (or found again): one with nobody to answer it is assigned.
    public func opened(_ conversation: SupportConversation) async {
        if conversation.assigneeID == nil, conversation.isActive { await self.assignWaiting(team: conversation.teamID) }
    }

    /// A message was stored: a customer's reply that reopened a conversation with nobody to answer it is assigned.
    public func stored(before: SupportConversation, after: SupportConversation) async {
        if after.assigneeID == nil, after.status != before.status { await self.assignWaiting(team: before.teamID) }
    }

    /// Changes a conversation's status. One that stops counting towards its agent's load lets the next waiting
    /// one in; one that becomes active again with nobody on it is assigned.
    public func setStatus(
        _ conversation: SupportConversation,
        _ status: SupportStatus,
        snoozedUntil: Date?,
        at now: Date = Date()
    ) async throws -> SupportConversation {
        let changed = try await self.repository.setStatus(conversation.id, status, snoozedUntil: snoozedUntil, at: now)
        if conversation.isActive, !changed.isActive, changed.assigneeID != nil { await self.assignWaiting(team: changed.teamID) }
        if !conversation.isActive, changed.isActive, changed.assigneeID == nil { await self.assignWaiting(team: changed.teamID) }
        return changed
    }

    /// Hands a conversation to an online agent of its team (or to nobody); the team's queue moves on when the
    /// conversation left an agent or went back to waiting.
    public func transfer(_ conversation: SupportConversation, to target: ParticipantID?, at now: Date = Date()) async throws -> SupportConversation {
        let moved = try await self.repository.assign(conversation.id, to: target, onlyIfUnassigned: false, requireOnline: true, at: now)
        if target == nil || conversation.assigneeID != nil { await self.assignWaiting(team: conversation.teamID) }
        return moved
    }

    /// An agent of the conversation's team takes it if nobody has.
    public func claim(_ conversation: SupportConversation, by agent: ParticipantID, at now: Date = Date()) async throws -> SupportConversation {
        try await self.repository.assign(conversation.id, to: agent, onlyIfUnassigned: true, requireOnline: false, at: now)
    }

    /// Registers (or moves, or resizes) an agent; both the team it left and the one it joined may now assign.
    public func saveAgent(_ user: ParticipantID, team: ParticipantID, capacity: Int?, at now: Date = Date()) async throws -> SupportAgent {
        let existing = try await self.repository.agent(user)
        let saved = try await self.repository.saveAgent(user, team: team, capacity: capacity ?? existing?.capacity ?? self.defaultCapacity, at: now)
        if let existing, existing.teamID != saved.teamID { await self.assignWaiting(team: existing.teamID) }
        await self.assignWaiting(team: saved.teamID)
        return saved
    }

    /// Removes an agent; what it held goes back to its team's queue.
    public func removeAgent(_ agent: SupportAgent) async throws {
        _ = try await self.repository.removeAgent(agent.userID)
        await self.assignWaiting(team: agent.teamID)
    }

    /// An agent says it is online (a lease of ``presenceLease``) or offline; coming online assigns what waits.
    /// `nil` when `user` is not an agent.
    public func setPresence(_ user: ParticipantID, online: Bool, at now: Date = Date()) async throws -> SupportAgent? {
        guard let agent = try await self.repository.setPresence(user, onlineUntil: online ? now.addingTimeInterval(self.presenceLease) : nil) else {
            return nil
        }
        if online { await self.assignWaiting(team: agent.teamID, at: now) }
        return agent
    }

    /// A live connection of `user` renews its lease (when it is an agent); failures wait for the next renewal.
    public func renewPresence(of user: ParticipantID) async {
        _ = try? await self.setPresence(user, online: true)
    }

    /// The last connection of `user` closed: an agent stops counting as online at once.
    public func disconnected(_ user: ParticipantID) async {
        guard (try? await self.repository.agent(user)) != nil else { return }
        _ = try? await self.repository.setPresence(user, onlineUntil: nil)
    }

    /// Wakes snoozed conversations and assigns what waits in every team: what no request triggered, such as an
    /// agent's lease renewed in another process.
    @discardableResult
    public func sweep(at now: Date = Date()) async -> [SupportAssignment] {
        do {
            let assigned = try await self.repository.sweep(at: now)
            if !assigned.isEmpty { self.logger.debug("support sweep assigned", metadata: ["count": "\(assigned.count)"]) }
            return assigned
        } catch {
            self.logger.error("support sweep failed", metadata: ["error": "\(error)"])
            return []
        }
    }
}
