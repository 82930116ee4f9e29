public import Foundation

/// A user who answers a merchant's customer conversations (beyond seed 004): the merchant it answers for, how
/// many active conversations it takes at once, and until when it counts as online.
///
/// Presence is a lease: an agent is online while `onlineUntil` lies in the future. Clients renew it (over HTTP or,
/// later, by holding a WebSocket open); a crashed client simply lets it run out. Because the lease is stored, every
/// server process sharing the database sees the same agents online.
public struct SupportAgent: Sendable, Equatable {
    public var userID: ParticipantID
    /// The merchant whose conversations this agent answers.
    public var teamID: ParticipantID
    public var capacity: Int
    public var onlineUntil: Date?
    /// The agent's place in the round-robin: the team's assignment counter at its latest assignment.
    public var lastAssignment: Int64
    public var createdAt: Date

    public init(userID: ParticipantID, teamID: ParticipantID, capacity: Int, onlineUntil: Date? = nil, lastAssignment: Int64 = 0, createdAt: Date) {
        self.userID = userID
        self.teamID = teamID
        self.capacity = capacity
        self.onlineUntil = onlineUntil
        self.lastAssignment = lastAssignment
        self.createdAt = createdAt
    }

    public func isOnline(at now: Date) -> Bool { self.onlineUntil.map { $0 > now } ?? false }
}

/// An agent with its current load: the open and pending conversations assigned to it.
public struct SupportAgentLoad: Sendable, Equatable {
    public var agent: SupportAgent
    public var load: Int
    public var online: Bool

    public init(agent: SupportAgent, load: Int, online: Bool) {
        self.agent = agent
        self.load = load
        self.online = online
    }
}

/// The waiting line of one team: open or pending conversations with no assignee.
public struct SupportQueue: Sendable, Equatable {
    public var teamID: ParticipantID
    public var waiting: Int
    public var oldestWaitingSince: Date?

    public init(teamID: ParticipantID, waiting: Int, oldestWaitingSince: Date?) {
        self.teamID = teamID
        self.waiting = waiting
        self.oldestWaitingSince = oldestWaitingSince
    }
}

/// One conversation handed to one agent.
public struct SupportAssignment: Sendable, Equatable, Hashable {
    public var conversationID: ConversationID
    public var agentID: ParticipantID

    public init(conversationID: ConversationID, agentID: ParticipantID) {
        self.conversationID = conversationID
        self.agentID = agentID
    }
}

/// Why an assignment or status change was refused.
public enum SupportDeskError: Error, Sendable, Equatable {
    case conversationNotFound
    /// The user is not an agent of the conversation's team.
    case notAnAgent
    /// A transfer to an agent whose presence lease has run out.
    case agentOffline
    /// A claim of a conversation someone already has.
    case alreadyAssigned(ParticipantID)
    /// Snoozing needs a time in the future.
    case snoozeInPast
    case invalidCapacity
}

/// Agents, presence and assignment of support conversations.
///
/// Assignment is round-robin within a team: the waiting conversation that has waited longest goes to the online
/// agent with spare capacity whose latest assignment is oldest. Every assignment of a team runs under a lock on
/// the team's agent rows, so concurrent arrivals — in one process or several — never push an agent past its
/// capacity. Nothing here is assigned to an offline agent.
public protocol SupportDeskRepository: SupportRepository {
    /// Makes `user` an agent of `team` with `capacity`, or changes an agent's team and capacity (its presence
    /// and round-robin place stay). Moving to another team returns its active conversations to the old queue.
    func saveAgent(_ user: ParticipantID, team: ParticipantID, capacity: Int, at date: Date) async throws -> SupportAgent
    /// Removes an agent; its active conversations return to the queue. False when it was not an agent.
    func removeAgent(_ user: ParticipantID) async throws -> Bool
    func agent(_ user: ParticipantID) async throws -> SupportAgent?
    /// Agents (of one team, or all) with their load, ordered by team and user.
    func agents(team: ParticipantID?, at now: Date) async throws -> [SupportAgentLoad]
    /// Sets the agent's presence lease; `nil` is offline. Returns `nil` when the user is not an agent.
    func setPresence(_ user: ParticipantID, onlineUntil: Date?) async throws -> SupportAgent?
    /// Hands waiting conversations of `team` to its online agents, oldest first, until the queue or the spare
    /// capacity runs out.
    func assignWaiting(team: ParticipantID, at now: Date) async throws -> [SupportAssignment]
    /// Gives the conversation to `agent` (an agent of its team), or back to the queue with `nil`. With
    /// `onlyIfUnassigned` (a claim) a conversation someone else holds is refused; with `requireOnline` (a
    /// transfer) an offline agent is refused.
    func assign(
        _ id: ConversationID,
        to agent: ParticipantID?,
        onlyIfUnassigned: Bool,
        requireOnline: Bool,
        at now: Date
    ) async throws -> SupportConversation
    /// Sets the status; `snoozed` needs `snoozedUntil` after `now`, every other status clears it.
    func setStatus(_ id: ConversationID, _ status: SupportStatus, snoozedUntil: Date?, at now: Date) async throws -> SupportConversation
    /// Snoozed conversations whose time has come are open again; returns them.
    func wakeSnoozed(at now: Date) async throws -> [ConversationID]
    /// The queue of every team that has agents (a merchant without agents answers its conversations itself).
    func queues() async throws -> [SupportQueue]
}

extension SupportDeskRepository {
    /// Wakes snoozed conversations and runs assignment for every team with a queue: the periodic sweep that
    /// catches what no request triggered (a lease renewed by another process, a snooze running out).
    public func sweep(at now: Date) async throws -> [SupportAssignment] {
        _ = try await self.wakeSnoozed(at: now)
        var assigned: [SupportAssignment] = []
        for queue in try await self.queues() where queue.waiting > 0 {
            assigned += try await self.assignWaiting(team: queue.teamID, at: now)
        }
        return assigned
    }
}

/// The assignment rule both implementations follow, given a team's agents, their loads and its waiting line.
enum SupportRoundRobin {
    /// Pairs waiting conversations (oldest first) with agents; mutates the agents' round-robin places.
    static func plan(
        waiting: [ConversationID],
        agents: inout [SupportAgent],
        loads: [ParticipantID: Int],
        at now: Date
    ) -> [SupportAssignment] {
        var loads = loads
        var counter = agents.map(\.lastAssignment).max() ?? 0
        var plan: [SupportAssignment] = []
        for conversation in waiting {
            let candidates = agents.indices.filter { agents[$0].isOnline(at: now) && loads[agents[$0].userID, default: 0] < agents[$0].capacity }
            guard
                let chosen = candidates.min(by: {
                    (agents[$0].lastAssignment, agents[$0].userID.rawValue) < (agents[$1].lastAssignment, agents[$1].userID.rawValue)
                })
            else { break }
            counter += 1
            agents[chosen].lastAssignment = counter
            loads[agents[chosen].userID, default: 0] += 1
            plan.append(SupportAssignment(conversationID: conversation, agentID: agents[chosen].userID))
        }
        return plan
    }

    /// How many waiting conversations the online agents can take now.
    static func spare(_ agents: [SupportAgent], loads: [ParticipantID: Int], at now: Date) -> Int {
        agents.filter { $0.isOnline(at: now) }.reduce(0) { $0 + max($1.capacity - loads[$1.userID, default: 0], 0) }
    }
}

extension SupportMemoryRepository: SupportDeskRepository {
    public func saveAgent(_ user: ParticipantID, team: ParticipantID, capacity: Int, at date: Date) throws -> SupportAgent {
        guard capacity >= 0 else { throw SupportDeskError.invalidCapacity }
        var agent = self.agents[user] ?? SupportAgent(userID: user, teamID: team, capacity: capacity, createdAt: date)
        if agent.teamID != team { self.unassignActive(of: user) }
        agent.teamID = team
        agent.capacity = capacity
        self.agents[user] = agent
        return agent
    }

    private func unassignActive(of user: ParticipantID) {
        for (id, conversation) in self.conversations where conversation.assigneeID == user && conversation.isActive {
            self.conversations[id]?.assigneeID = nil
        }
    }

    public func removeAgent(_ user: ParticipantID) -> Bool {
        guard self.agents.removeValue(forKey: user) != nil else { return false }
        self.unassignActive(of: user)
        return true
    }

    public func agent(_ user: ParticipantID) -> SupportAgent? { self.agents[user] }

    private func loads() -> [ParticipantID: Int] {
        var loads: [ParticipantID: Int] = [:]
        for conversation in self.conversations.values where conversation.isActive {
            if let assignee = conversation.assigneeID { loads[assignee, default: 0] += 1 }
        }
        return loads
    }

    public func agents(team: ParticipantID?, at now: Date) -> [SupportAgentLoad] {
        let loads = self.loads()
        return self.agents.values.filter { team == nil || $0.teamID == team }
            .sorted { ($0.teamID.rawValue, $0.userID.rawValue) < ($1.teamID.rawValue, $1.userID.rawValue) }
            .map { SupportAgentLoad(agent: $0, load: loads[$0.userID, default: 0], online: $0.isOnline(at: now)) }
    }

    public func setPresence(_ user: ParticipantID, onlineUntil: Date?) -> SupportAgent? {
        self.agents[user]?.onlineUntil = onlineUntil
        return self.agents[user]
    }

    public func assignWaiting(team: ParticipantID, at now: Date) -> [SupportAssignment] {
        var agents = self.agents.values.filter { $0.teamID == team }
        guard !agents.isEmpty else { return [] }
        let waiting = self.conversations.values.filter { $0.teamID == team && $0.assigneeID == nil && $0.isActive }
            .sorted { ($0.createdAt, $0.id.rawValue) < ($1.createdAt, $1.id.rawValue) }.map(\.id)
        let plan = SupportRoundRobin.plan(waiting: waiting, agents: &agents, loads: self.loads(), at: now)
        for agent in agents { self.agents[agent.userID] = agent }
        for assignment in plan { self.conversations[assignment.conversationID]?.assigneeID = assignment.agentID }
        return plan
    }

    public func assign(
        _ id: ConversationID,
        to agent: ParticipantID?,
        onlyIfUnassigned: Bool,
        requireOnline: Bool,
        at now: Date
    ) throws -> SupportConversation {
        guard var conversation = self.conversations[id] else { throw SupportDeskError.conversationNotFound }
        if let agent {
            guard var found = self.agents[agent], found.teamID == conversation.teamID else { throw SupportDeskError.notAnAgent }
            if onlyIfUnassigned, let holder = conversation.assigneeID, holder != agent { throw SupportDeskError.alreadyAssigned(holder) }
            if requireOnline, !found.isOnline(at: now) { throw SupportDeskError.agentOffline }
            if conversation.assigneeID != agent {
                found.lastAssignment = (self.agents.values.filter { $0.teamID == found.teamID }.map(\.lastAssignment).max() ?? 0) + 1
                self.agents[agent] = found
            }
        }
        conversation.assigneeID = agent
        self.conversations[id] = conversation
        return conversation
    }

    public func setStatus(_ id: ConversationID, _ status: SupportStatus, snoozedUntil: Date?, at now: Date) throws -> SupportConversation {
        guard var conversation = self.conversations[id] else { throw SupportDeskError.conversationNotFound }
        if status == .snoozed { guard let snoozedUntil, snoozedUntil > now else { throw SupportDeskError.snoozeInPast } }
        conversation.status = status
        conversation.snoozedUntil = status == .snoozed ? snoozedUntil : nil
        self.conversations[id] = conversation
        return conversation
    }

    public func wakeSnoozed(at now: Date) -> [ConversationID] {
        let due = self.conversations.values.filter { $0.status == .snoozed && ($0.snoozedUntil ?? now) <= now }.map(\.id)
        for id in due {
            self.conversations[id]?.status = .open
            self.conversations[id]?.snoozedUntil = nil
        }
        return due.sorted { $0.rawValue < $1.rawValue }
    }

    public func queues() -> [SupportQueue] {
        let teams = Set(self.agents.values.map(\.teamID))
        var waiting: [ParticipantID: (count: Int, oldest: Date)] = [:]
        for conversation in self.conversations.values
        where conversation.assigneeID == nil && conversation.isActive && teams.contains(conversation.teamID) {
            let current = waiting[conversation.teamID]
            waiting[conversation.teamID] = ((current?.count ?? 0) + 1, min(current?.oldest ?? conversation.createdAt, conversation.createdAt))
        }
        return teams.sorted().map { SupportQueue(teamID: $0, waiting: waiting[$0]?.count ?? 0, oldestWaitingSince: waiting[$0]?.oldest) }
    }
}
