public import Foundation
import SQLKit
import StorageKit

extension SupportSQLRepository: SupportDeskRepository {
    static let agentColumns = ["user_id", "team_id", "capacity", "online_until", "last_assignment", "created_at"]
    static let agentColumnList = SQLColumnList(agentColumns)
    static let activeStatuses = [SupportStatus.open.rawValue, SupportStatus.pending.rawValue]

    static func agent(_ row: any SQLRow) throws -> SupportAgent {
        SupportAgent(
            userID: ParticipantID(try row.decode(column: "user_id", as: Int64.self)),
            teamID: ParticipantID(try row.decode(column: "team_id", as: Int64.self)),
            capacity: try row.decode(column: "capacity", as: Int.self),
            onlineUntil: try row.decode(column: "online_until", as: Date?.self),
            lastAssignment: try row.decode(column: "last_assignment", as: Int64.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }

    private func unassignActive(of user: ParticipantID, on db: any SQLDatabase) async throws {
        try await db.update("support_conversations").set("assignee_id", to: SQLLiteral.null)
            .where("assignee_id", .equal, SQLBind(user.rawValue)).where("status", .in, SQLBind.group(Self.activeStatuses)).run()
    }

    public func saveAgent(_ user: ParticipantID, team: ParticipantID, capacity: Int, at date: Date) async throws -> SupportAgent {
        guard capacity >= 0 else { throw SupportDeskError.invalidCapacity }
        let date = DateParts(date).date
        do {
            return try await self.database.transaction { tx in
                if var agent = try await tx.select().columns(Self.agentColumnList).from("support_agents")
                    .where("user_id", .equal, SQLBind(user.rawValue)).for(.update).first().map(Self.agent)
                {
                    if agent.teamID != team { try await self.unassignActive(of: user, on: tx) }
                    agent.teamID = team
                    agent.capacity = capacity
                    try await tx.update("support_agents").set("team_id", to: SQLBind(team.rawValue)).set("capacity", to: SQLBind(capacity))
                        .where("user_id", .equal, SQLBind(user.rawValue)).run()
                    return agent
                }
                let agent = SupportAgent(userID: user, teamID: team, capacity: capacity, createdAt: date)
                try await tx.insert(into: "support_agents").columns(Self.agentColumnList)
                    .values(SQLBind(user.rawValue), SQLBind(team.rawValue), SQLBind(capacity), SQLLiteral.null, SQLBind(0), SQLBind(date)).run()
                return agent
            }
        } catch let error as StorageError where error.kind == .duplicate {
            // Registered at the same moment by another request: now it exists, so this is an update.
            return try await self.saveAgent(user, team: team, capacity: capacity, at: date)
        }
    }

    public func removeAgent(_ user: ParticipantID) async throws -> Bool {
        try await self.database.transaction { tx in
            guard
                try await tx.select().column("user_id").from("support_agents").where("user_id", .equal, SQLBind(user.rawValue))
                    .for(.update).first() != nil
            else { return false }
            try await tx.delete(from: "support_agents").where("user_id", .equal, SQLBind(user.rawValue)).run()
            try await self.unassignActive(of: user, on: tx)
            return true
        }
    }

    public func agent(_ user: ParticipantID) async throws -> SupportAgent? {
        try await self.database.select().columns(Self.agentColumnList).from("support_agents")
            .where("user_id", .equal, SQLBind(user.rawValue)).first().map(Self.agent)
    }

    /// Open and pending conversations per assignee among `agents`.
    private func loads(of agents: [SupportAgent], on db: any SQLDatabase) async throws -> [ParticipantID: Int] {
        guard !agents.isEmpty else { return [:] }
        let rows = try await db.select().column("assignee_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("support_conversations")
            .where("assignee_id", .in, SQLBind.group(agents.map(\.userID.rawValue)))
            .where("status", .in, SQLBind.group(Self.activeStatuses))
            .groupBy("assignee_id").all()
        var loads: [ParticipantID: Int] = [:]
        for row in rows {
            loads[ParticipantID(try row.decode(column: "assignee_id", as: Int64.self))] = try row.decode(column: "n", as: Int.self)
        }
        return loads
    }

    public func agents(team: ParticipantID?, at now: Date) async throws -> [SupportAgentLoad] {
        let select = self.database.select().columns(Self.agentColumnList).from("support_agents")
        if let team { select.where("team_id", .equal, SQLBind(team.rawValue)) }
        let agents = try await select.orderBy("team_id").orderBy("user_id").all().map(Self.agent)
        let loads = try await self.loads(of: agents, on: self.database)
        return agents.map { SupportAgentLoad(agent: $0, load: loads[$0.userID, default: 0], online: $0.isOnline(at: now)) }
    }

    public func setPresence(_ user: ParticipantID, onlineUntil: Date?) async throws -> SupportAgent? {
        try await self.database.update("support_agents").set("online_until", to: SQLBind(onlineUntil.map { DateParts($0).date }))
            .where("user_id", .equal, SQLBind(user.rawValue)).run()
        return try await self.agent(user)
    }

    /// The team's agents, locked: every assignment of the team happens while these row locks are held, so
    /// assignments of one team — from any process — run one at a time.
    private func lockTeam(_ team: ParticipantID, on tx: any SQLDatabase) async throws -> [SupportAgent] {
        try await tx.select().columns(Self.agentColumnList).from("support_agents").where("team_id", .equal, SQLBind(team.rawValue))
            .orderBy("user_id").for(.update).all().map(Self.agent)
    }

    public func assignWaiting(team: ParticipantID, at now: Date) async throws -> [SupportAssignment] {
        try await self.database.transaction { tx in
            var agents = try await self.lockTeam(team, on: tx)
            guard !agents.isEmpty else { return [] }
            let loads = try await self.loads(of: agents, on: tx)
            let spare = SupportRoundRobin.spare(agents, loads: loads, at: now)
            guard spare > 0 else { return [] }
            // A plain read, not a locking one: conversations are only ever assigned under the team lock, and a
            // locking range read would block (or deadlock with) customers opening new conversations.
            let waiting = try await tx.select().column("conversation_id").from("support_conversations")
                .where("merchant_id", .equal, SQLBind(team.rawValue)).where("assignee_id", .is, SQLLiteral.null)
                .where("status", .in, SQLBind.group(Self.activeStatuses))
                .orderBy("created_at").orderBy("conversation_id").limit(spare).all()
                .map { ConversationID(try $0.decode(column: "conversation_id", as: Int64.self)) }
            let before = Dictionary(uniqueKeysWithValues: agents.map { ($0.userID, $0.lastAssignment) })
            let plan = SupportRoundRobin.plan(waiting: waiting, agents: &agents, loads: loads, at: now)
            for assignment in plan {
                try await tx.update("support_conversations").set("assignee_id", to: SQLBind(assignment.agentID.rawValue))
                    .where("conversation_id", .equal, SQLBind(assignment.conversationID.rawValue)).where("assignee_id", .is, SQLLiteral.null).run()
            }
            for agent in agents where before[agent.userID] != agent.lastAssignment {
                try await tx.update("support_agents").set("last_assignment", to: SQLBind(agent.lastAssignment))
                    .where("user_id", .equal, SQLBind(agent.userID.rawValue)).run()
            }
            return plan
        }
    }

    private func lockedConversation(_ id: ConversationID, on tx: any SQLDatabase) async throws -> SupportConversation {
        guard
            let conversation = try await tx.select().columns(Self.columns).from("support_conversations")
                .where("conversation_id", .equal, SQLBind(id.rawValue)).for(.update).first().map(Self.conversation)
        else { throw SupportDeskError.conversationNotFound }
        return conversation
    }

    public func assign(
        _ id: ConversationID,
        to agent: ParticipantID?,
        onlyIfUnassigned: Bool,
        requireOnline: Bool,
        at now: Date
    ) async throws -> SupportConversation {
        guard let unlocked = try await self.conversation(id: id) else { throw SupportDeskError.conversationNotFound }
        return try await self.database.transaction { tx in
            // The team lock first, then the conversation: the order assignWaiting takes them in.
            let team = agent == nil ? [] : try await self.lockTeam(unlocked.teamID, on: tx)
            var conversation = try await self.lockedConversation(id, on: tx)
            if let agent {
                guard let found = team.first(where: { $0.userID == agent }) else { throw SupportDeskError.notAnAgent }
                if onlyIfUnassigned, let holder = conversation.assigneeID, holder != agent { throw SupportDeskError.alreadyAssigned(holder) }
                if requireOnline, !found.isOnline(at: now) { throw SupportDeskError.agentOffline }
                if conversation.assigneeID != agent {
                    let next = (team.map(\.lastAssignment).max() ?? 0) + 1
                    try await tx.update("support_agents").set("last_assignment", to: SQLBind(next)).where("user_id", .equal, SQLBind(agent.rawValue))
                        .run()
                }
            }
            conversation.assigneeID = agent
            try await tx.update("support_conversations").set("assignee_id", to: SQLBind(agent?.rawValue))
                .where("conversation_id", .equal, SQLBind(id.rawValue)).run()
            return conversation
        }
    }

    public func setStatus(_ id: ConversationID, _ status: SupportStatus, snoozedUntil: Date?, at now: Date) async throws -> SupportConversation {
        if status == .snoozed { guard let snoozedUntil, snoozedUntil > now else { throw SupportDeskError.snoozeInPast } }
        let until = status == .snoozed ? snoozedUntil.map { DateParts($0).date } : nil
        return try await self.database.transaction { tx in
            var conversation = try await self.lockedConversation(id, on: tx)
            conversation.status = status
            conversation.snoozedUntil = until
            try await tx.update("support_conversations").set("status", to: SQLBind(status.rawValue)).set("snoozed_until", to: SQLBind(until))
                .where("conversation_id", .equal, SQLBind(id.rawValue)).run()
            return conversation
        }
    }

    public func wakeSnoozed(at now: Date) async throws -> [ConversationID] {
        let now = DateParts(now).date
        return try await self.database.transaction { tx in
            let due = try await tx.select().column("conversation_id").from("support_conversations")
                .where("status", .equal, SQLBind(SupportStatus.snoozed.rawValue)).where("snoozed_until", .lessThanOrEqual, SQLBind(now))
                .orderBy("conversation_id").for(.update).all().map { ConversationID(try $0.decode(column: "conversation_id", as: Int64.self)) }
            guard !due.isEmpty else { return [] }
            try await tx.update("support_conversations").set("status", to: SQLBind(SupportStatus.open.rawValue)).set(
                "snoozed_until",
                to: SQLLiteral.null
            )
            .where("conversation_id", .in, SQLBind.group(due.map(\.rawValue))).run()
            return due
        }
    }

    public func queues() async throws -> [SupportQueue] {
        let teams = try await self.database.select().distinct().column("team_id").from("support_agents").orderBy("team_id").all()
            .map { ParticipantID(try $0.decode(column: "team_id", as: Int64.self)) }
        guard !teams.isEmpty else { return [] }
        let rows = try await self.database.select().column("merchant_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").column(SQLFunction("MIN", args: SQLColumn("created_at")), as: "oldest")
            .from("support_conversations")
            .where("merchant_id", .in, SQLBind.group(teams.map(\.rawValue))).where("assignee_id", .is, SQLLiteral.null)
            .where("status", .in, SQLBind.group(Self.activeStatuses))
            .groupBy("merchant_id").all()
        var waiting: [ParticipantID: (Int, Date?)] = [:]
        for row in rows {
            waiting[ParticipantID(try row.decode(column: "merchant_id", as: Int64.self))] =
                (try row.decode(column: "n", as: Int.self), try row.decode(column: "oldest", as: Date?.self))
        }
        return teams.map { SupportQueue(teamID: $0, waiting: waiting[$0]?.0 ?? 0, oldestWaitingSince: waiting[$0]?.1) }
    }
}
